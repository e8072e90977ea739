package io.cuadra.reports.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Fired inside the transaction that claimed a schedule's run for its period and wrote its file: the notifications
 * component e-mails it to the recipients (queued in this transaction, sent by the outbox after commit), the file
 * attached from {@code io.cuadra.reports.application.ScheduledReports#file(long)}.
 */
public record ScheduledReportReady(long tenantId, long runId, long scheduleId, String name, String report,
                                   LocalDate from, LocalDate to, String fileName, List<String> recipients,
                                   String language) {

    public ScheduledReportReady {
        recipients = List.copyOf(recipients);
    }
}
