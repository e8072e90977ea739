package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Consent;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Wording;
import io.cuadra.notifications.infrastructure.Supervisors;
import io.cuadra.reports.events.ReportThresholdCrossed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.HashMap;
import java.util.Map;

/** A tenant's report threshold was crossed at a location: its supervisors get an in-app alert and an e-mail. */
@ApplicationScoped
public class ThresholdNotices {

    @EJB
    Supervisors supervisors;

    @EJB
    NotificationsQueue queue;

    void onCrossed(@Observes ReportThresholdCrossed c) {
        String language = Language.DEFAULT;
        Map<String, String> variables = new HashMap<>();
        variables.put("locationCode", c.locationCode());
        variables.put("businessDate", c.businessDay().toString());
        boolean sales = c.kind().equals("SALES_BELOW");
        variables.put(sales ? "salesBelow" : "discrepanciesAbove", "yes");
        variables.put("threshold", sales ? Wording.amount(c.threshold(), null) : c.threshold().stripTrailingZeros()
                .toPlainString());
        variables.put("figure", sales ? Wording.amount(c.figure(), null) : c.figure().stripTrailingZeros().toPlainString());
        for (Supervisors.Supervisor s : supervisors.of(c.locationId())) {
            for (Channel channel : new Channel[] {Channel.ALERT, Channel.EMAIL}) {
                queue.queue(new NotificationDraft(NotificationEvent.REPORT_THRESHOLD, channel, language, s.email(),
                        s.userId(), null, null, null, c.locationId(), variables, Consent.everything()));
            }
        }
    }

    /** A scheduled report's file is ready: one e-mail per recipient, the file attached when it is sent. */
    void onScheduledReport(@Observes io.cuadra.reports.events.ScheduledReportReady r) {
        String language = Language.of(r.language());
        Map<String, String> variables = new HashMap<>();
        variables.put("reportName", r.name());
        variables.put("from", r.from().toString());
        variables.put("to", r.to().toString());
        variables.put("fileName", r.fileName());
        variables.put("runId", Long.toString(r.runId()));
        for (String to : r.recipients()) {
            queue.queue(new NotificationDraft(NotificationEvent.SCHEDULED_REPORT, Channel.EMAIL, language, to, null,
                    null, null, null, null, variables, Consent.everything()));
        }
    }
}
