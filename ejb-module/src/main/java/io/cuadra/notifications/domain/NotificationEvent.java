package io.cuadra.notifications.domain;

/** The business events that produce notifications; each has its templates per channel and language. */
public enum NotificationEvent {
    /** A factura, boleta or facture is final (accepted by SUNAT, or issued): the customer gets it. */
    INVOICE_SENT(false),
    /** The daily closure found a discrepancy: the location's supervisors hear about it. */
    DISCREPANCY_ALERT(true),
    /** A laboratory's results are ready to collect ({@code io.cuadra.lab.events.ResultsReady}). */
    RESULTS_READY(false),
    /** A tenant's report threshold was crossed at a location (reports): its supervisors get an in-app alert. */
    REPORT_THRESHOLD(false),
    /** A scheduled report's file for its period (reports): e-mailed to the schedule's recipients. */
    SCHEDULED_REPORT(false),
    /** An order of a known customer was registered: the customer gets a confirmation. */
    ORDER_CONFIRMATION(false),
    /** A credit note is final: the customer gets it, with its PDF and XML like an invoice. */
    CREDIT_NOTE_ISSUED(false),
    /** A sale took an item's available stock at a location below its critical level: the supervisors hear. */
    STOCK_CRITICAL(false),
    /** The daily check found a lot with stock expiring within the tenant's window: once per lot and day. */
    LOT_EXPIRING(false),
    /** A user asked to reset their password: the link goes out at once, whatever the hour. */
    PASSWORD_RESET(true);

    private final boolean urgent;

    NotificationEvent(boolean urgent) {
        this.urgent = urgent;
    }

    /** Urgent messages go out during a location's quiet hours and past the per-recipient limit. */
    public boolean urgent() {
        return urgent;
    }

    /**
     * Whether its variables hold a secret (a reset token): they are emptied once the message left the queue,
     * and such a message is never resent (the token was single use; ask for a new one).
     */
    public boolean secret() {
        return this == PASSWORD_RESET;
    }
}
