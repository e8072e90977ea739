package io.cuadra.notifications.application;

import io.cuadra.identity.events.PasswordResetRequested;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.Consent;
import io.cuadra.notifications.domain.Language;
import io.cuadra.notifications.domain.NotificationEvent;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * A password reset was asked for: its link goes to the user's e-mail as a PASSWORD_RESET message, written in the
 * transaction that stored the token (urgent: no quiet hours, no rate limit; its token is emptied from the history
 * once sent).
 */
@ApplicationScoped
public class PasswordResetNotices {

    @EJB
    NotificationsQueue queue;

    void onRequested(@Observes PasswordResetRequested r) {
        queue.queue(new NotificationDraft(NotificationEvent.PASSWORD_RESET, Channel.EMAIL, Language.of(r.language()),
                r.email(), r.userId(), null, null, null, null, Map.of(
                        "firstName", r.firstName() == null ? "" : r.firstName(),
                        "resetLink", r.link(),
                        "token", r.token()), Consent.everything()));
    }
}
