package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Consent;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Wording;
import io.cuadra.notifications.infrastructure.Supervisors;
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
    Supervisors supervisors;

    @EJB
    NotificationsQueue queue;

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
        for (Supervisors.Supervisor s : supervisors.of(f.locationId())) {
            for (Channel channel : new Channel[]{Channel.ALERT, Channel.EMAIL}) {
                queue.queue(new NotificationDraft(NotificationEvent.DISCREPANCY_ALERT, channel, language, s.email(),
                        s.userId(), null, f.orderId(), null, f.locationId(), variables, Consent.everything()));
            }
        }
    }
}
