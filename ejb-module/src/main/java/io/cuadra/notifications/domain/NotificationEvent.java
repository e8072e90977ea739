package io.cuadra.notifications.domain;

/** The business events that produce notifications; each has its templates per channel and language. */
public enum NotificationEvent {
    /** A factura, boleta or facture is final (accepted by SUNAT, or issued): the customer gets it. */
    INVOICE_SENT,
    /** The daily closure found a discrepancy: the location's supervisors hear about it. */
    DISCREPANCY_ALERT,
    /** A laboratory's results are ready to collect ({@code io.cuadra.lab.events.ResultsReady}). */
    RESULTS_READY,
    /** A tenant's report threshold was crossed at a location (reports): its supervisors get an in-app alert. */
    REPORT_THRESHOLD,
    /** A scheduled report's file for its period (reports): e-mailed to the schedule's recipients. */
    SCHEDULED_REPORT
}
