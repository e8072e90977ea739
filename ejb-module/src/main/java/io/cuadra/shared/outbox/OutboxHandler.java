package io.cuadra.shared.outbox;

/**
 * Delivers the messages of one topic. Called by {@link OutboxWorker} after the business transaction that
 * wrote the message committed, outside any transaction, with the message's tenant as the actor; the
 * handler opens its own transactions (EJB calls) to record what happened. Returning normally marks the
 * message done; {@link OutboxRetry} (or any other exception) schedules another attempt.
 */
public interface OutboxHandler {

    String topic();

    void handle(OutboxMessage message) throws OutboxRetry;
}
