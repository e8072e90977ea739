package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Wording;
import io.cuadra.reports.events.ReportThresholdCrossed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.HashMap;
import java.util.Map;

/** A tenant's report threshold was crossed at a location: its supervisors get an in-app alert. */
@ApplicationScoped
public class ThresholdNotices {

    @EJB
    SupervisorNotices supervisors;

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
        supervisors.notify(NotificationEvent.REPORT_THRESHOLD, c.locationId(), null, variables, Channel.ALERT);
    }
}
