/**
 * How every audited change is written in the same transaction as the change (EclipseLink listeners and a
 * session customizer), and sealed into a per-tenant hash chain afterwards so that no writer waits on a chain
 * head.
 */
package io.cuadra.audit.infrastructure;
