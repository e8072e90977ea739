package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Wording;
import io.cuadra.reconciliation.events.ReconciliationDiscrepancyFound;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;

/**
 * A closure found a discrepancy: each supervisor of its location gets an in-app alert and an e-mail, written in
 * the closure's own transaction (a chunk that rolls back alerts nobody).
 */
@ApplicationScoped
public class DiscrepancyNotices {

    @EJB
    SupervisorNotices supervisors;

    void onFound(@Observes ReconciliationDiscrepancyFound f) {
        String language = Language.DEFAULT;
        Map<String, String> variables = new HashMap<>();
        variables.put("locationCode", f.locationCode());
        variables.put("businessDate", f.businessDate().toString());
        variables.put("type", f.type());
        variables.put("typeLabel", Wording.discrepancyType(f.type(), language));
        if (f.orderNumber() != null) {
            variables.put("orderNumber", f.orderNumber());
        }
        variables.put("expected", Wording.amount(f.expected(), null));
        variables.put("actual", Wording.amount(f.actual(), null));
        variables.put("description", f.description() == null ? "" : f.description());
        variables.put("discrepancyId", Long.toString(f.discrepancyId()));
        supervisors.notify(NotificationEvent.DISCREPANCY_ALERT, f.locationId(), f.orderId(), variables,
                Channel.ALERT, Channel.EMAIL);
    }
}
