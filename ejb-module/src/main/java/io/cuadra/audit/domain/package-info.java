/**
 * The audit log's model: one event per change or security action (who, what, when, before/after), and the
 * per-tenant hash chain that seals them so any later edit of the log is detected.
 */
package io.cuadra.audit.domain;
