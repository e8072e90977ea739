package io.cuadra.web.notifications;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.notifications.application.NotificationHistory;
import io.cuadra.notifications.application.NotificationView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.List;

/** The back office's bell: the signed-in user's unread in-app alerts, and the page that lists and clears them. */
@Named
@RequestScoped
public class AlertsBell {

    @EJB
    NotificationHistory history;

    private Long unread;
    private List<NotificationView> alerts;

    public long getUnread() {
        if (unread == null) {
            unread = CurrentCaller.get().isPresent() ? history.unreadCount() : 0L;
        }
        return unread;
    }

    public List<NotificationView> getAlerts() {
        if (alerts == null) {
            alerts = CurrentCaller.get().isPresent() ? history.myAlerts(false, 50) : List.of();
        }
        return alerts;
    }

    public void markRead(long id) {
        history.markRead(id);
        unread = null;
        alerts = null;
    }

    public void markAllRead() {
        history.markAllRead();
        unread = null;
        alerts = null;
    }
}
