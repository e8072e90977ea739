package io.cuadra.notifications.events;

/**
 * A laboratory's results for an order are ready to be collected: the customer is told on their channels
 * (template event {@code RESULTS_READY}). Fire it with {@code Event<ResultsReady>} inside the transaction that
 * records the results, so the message commits with them or not at all; the current tenant is the one of that
 * transaction.
 *
 * @param customerId  the patient (a customer of the current tenant)
 * @param orderId     the order the tests were sold in, or null
 * @param locationId  where the results are collected (its time zone decides quiet hours)
 * @param reference   what the customer quotes to collect them (the order or sample number), shown as-is
 * @param testsCount  how many tests the results cover
 */
public record ResultsReady(long customerId, Long orderId, long locationId, String reference, int testsCount) {

    public ResultsReady {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("Results need the reference the customer quotes.");
        }
        if (testsCount < 1) {
            throw new IllegalArgumentException("Results cover at least one test.");
        }
    }
}
