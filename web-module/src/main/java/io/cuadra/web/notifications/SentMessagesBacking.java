package io.cuadra.web.notifications;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.notifications.application.NotificationFilter;
import io.cuadra.notifications.application.NotificationHistory;
import io.cuadra.notifications.application.NotificationView;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.web.l10n.Formats;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "What they were sent", the panel of the order page and of the customer editor: the messages of one order or
 * one customer, newest first, with a resend. Loaded once per view and key (a table's value is read many times in
 * one render), again after a resend.
 */
@Named
@ViewScoped
public class SentMessagesBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 50;

    @EJB
    NotificationHistory history;

    @EJB
    LocationService locations;

    @Inject
    Formats fmt;

    private final Map<String, List<NotificationView>> loaded = new HashMap<>();
    private final Map<Long, ZoneId> zones = new HashMap<>();

    public List<NotificationView> ofOrder(Long orderId) {
        return orderId == null ? List.of() : loaded.computeIfAbsent("order:" + orderId,
                k -> history.list(new NotificationFilter(orderId, null, null, null), 0, SHOWN).items());
    }

    public List<NotificationView> ofCustomer(Long customerId) {
        return customerId == null ? List.of() : loaded.computeIfAbsent("customer:" + customerId,
                k -> history.list(new NotificationFilter(null, customerId, null, null), 0, SHOWN).items());
    }

    /** When it was queued, in its location's time (the tenant's when it has none or the caller works elsewhere). */
    public String when(NotificationView n) {
        ZoneId zone = n.locationId() == null ? null : zones.computeIfAbsent(n.locationId(), this::zoneOf);
        if (zone == null || n.createdAt() == null) {
            return fmt.instant(n.createdAt());
        }
        return DateTimeFormatter.ofPattern(fmt.datePattern() + " HH:mm").format(n.createdAt().atZone(zone));
    }

    private ZoneId zoneOf(long locationId) {
        try {
            return locations.find(locationId).zone();
        } catch (NotFound elsewhere) {
            return null;
        }
    }

    @Permitted(module = Module.CUSTOMERS, action = Action.EDIT)
    public void resend(long id) {
        NotificationView sent = FacesActions.attempt(() -> history.resend(id));
        if (sent != null) {
            FacesActions.info(Texts.get("notifications.resent", id, sent.id(), sent.status()));
            loaded.clear();
        }
    }
}
