package io.cuadra.web.notifications;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.notifications.application.NotificationFilter;
import io.cuadra.notifications.application.NotificationHistory;
import io.cuadra.notifications.application.NotificationSettings;
import io.cuadra.notifications.application.NotificationView;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.NotificationStatus;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.PagedModel;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import org.primefaces.model.LazyDataModel;

/** The history of notifications: filter by order, customer, channel and status; resend one. */
@Named
@ViewScoped
public class NotificationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    NotificationHistory history;

    @EJB
    NotificationSettings settings;

    private Long orderId;
    private Long customerId;
    private Channel channel;
    private NotificationStatus status;

    private final LazyDataModel<NotificationView> rows = PagedModel.of(
            (page, size) -> history.list(new NotificationFilter(orderId, customerId, channel, status), page, size),
            row -> Long.toString(row.id()));

    /** The providers' breakers: a paused provider explains why messages wait QUEUED. */
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    public java.util.List<NotificationSettings.ProviderHealth> getProviders() {
        return settings.health();
    }

    @Permitted(module = Module.CUSTOMERS, action = Action.EDIT)
    public void resend(long id) {
        NotificationView sent = FacesActions.attempt(() -> history.resend(id));
        if (sent != null) {
            FacesActions.info(Texts.get("notifications.resent", id, sent.id(), sent.status()));
        }
    }

    public LazyDataModel<NotificationView> getRows() {
        return rows;
    }

    public Channel[] getChannels() {
        return Channel.values();
    }

    public NotificationStatus[] getStatuses() {
        return NotificationStatus.values();
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public void setCustomerId(Long customerId) {
        this.customerId = customerId;
    }

    public Channel getChannel() {
        return channel;
    }

    public void setChannel(Channel channel) {
        this.channel = channel;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public void setStatus(NotificationStatus status) {
        this.status = status;
    }
}
