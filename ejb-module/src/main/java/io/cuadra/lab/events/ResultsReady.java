package io.cuadra.lab.events;

import java.time.Instant;

/**
 * RESULTS_READY: every lab test of an order has its result. Fired synchronously inside the transaction that
 * recorded the last results (observe with {@code @Observes}; work after commit goes through the outbox, e.g. a
 * notification to the customer).
 *
 * @param customerId null for an anonymous sale
 * @param testsCount how many tests of the order the results cover (all of them)
 */
public record ResultsReady(long orderId, String orderNumber, long locationId, Long customerId, int testsCount,
                           Instant resultedAt) {

    public static final String EVENT = "RESULTS_READY";
}
