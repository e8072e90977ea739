/**
 * Audit's published API: {@code AuditTrail} records security events and {@code AuditedInserts} bulk inserts in
 * the caller's transaction; {@code AuditLogService} reads the log and verifies its chain. Row changes of
 * entities are audited without a call (see the infrastructure's listeners).
 */
package io.cuadra.audit.application;
