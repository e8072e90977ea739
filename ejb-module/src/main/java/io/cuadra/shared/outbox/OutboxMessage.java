package io.cuadra.shared.outbox;

/**
 * One claimed message: what to do ({@code topic}) about which row ({@code aggregateId}) of which tenant.
 *
 * @param attempt this attempt's number, 1 for the first
 */
public record OutboxMessage(long id, long tenantId, String topic, long aggregateId, int attempt) {
}
