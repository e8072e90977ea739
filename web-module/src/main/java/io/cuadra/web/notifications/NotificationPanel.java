package io.cuadra.web.notifications;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.notifications.application.NotificationFilter;
import io.cuadra.notifications.application.NotificationHistory;
import io.cuadra.notifications.application.NotificationView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an order or a customer was sent, for the panel on their pages (the newest 20; the history page has the
 * rest), with resend.
 */
@Named
@RequestScoped
public class NotificationPanel {

    static final int SHOWN = 20;

    @EJB
    NotificationHistory history;

    private final Map<String, List<NotificationView>> read = new HashMap<>();

    @Permitted(module = Module.CUSTOMERS, action = Action.VIEW)
    public List<NotificationView> sentTo(Long orderId, Long customerId) {
        if (orderId == null && customerId == null) {
            return List.of();
        }
        return read.computeIfAbsent(orderId + "/" + customerId, k -> history.list(
                new NotificationFilter(orderId, customerId, null, null), 0, SHOWN).items());
    }

    @Permitted(module = Module.CUSTOMERS, action = Action.EDIT)
    public void resend(long id) {
        NotificationView sent = FacesActions.attempt(() -> history.resend(id));
        if (sent != null) {
            read.clear();
            FacesActions.info(Texts.get("notifications.resent", id, sent.id(), sent.status()));
        }
    }
}
