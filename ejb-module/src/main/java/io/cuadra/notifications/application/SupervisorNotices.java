package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Consent;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.infrastructure.Supervisors;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.Map;

/**
 * Queues one event's messages to the supervisors of a location, in the caller's transaction, on the channels
 * given (users have no opt-out: these are their work's alerts).
 */
@Stateless
public class SupervisorNotices {

    @EJB
    Supervisors supervisors;

    @EJB
    NotificationsQueue queue;

    /** Returns how many messages were written. */
    public int notify(NotificationEvent event, long locationId, Long orderId, Map<String, String> variables,
                      Channel... channels) {
        int written = 0;
        for (Supervisors.Supervisor s : supervisors.of(locationId)) {
            for (Channel channel : channels) {
                queue.queue(new NotificationDraft(event, channel, Language.DEFAULT, s.email(), s.userId(), null,
                        orderId, null, locationId, variables, Consent.everything()));
                written++;
            }
        }
        return written;
    }
}
