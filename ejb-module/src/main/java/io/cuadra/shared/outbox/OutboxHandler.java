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

    /**
     * How many of this topic's messages the worker may hand over at once, on separate threads. 1 (the default)
     * keeps the topic's messages one after the other; a handler whose messages are independent of each other and
     * mostly wait on the network (notifications) says more.
     */
    default int parallelism() {
        return 1;
    }
}
