/**
 * What the lab component tells the others, as synchronous CDI events fired inside its transaction:
 * {@link io.cuadra.lab.events.ResultsReady} (RESULTS_READY) when an order's lab results are all in.
 */
package io.cuadra.lab.events;
