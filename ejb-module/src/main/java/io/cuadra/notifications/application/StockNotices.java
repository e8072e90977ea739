package io.cuadra.notifications.application;

import io.cuadra.inventory.events.StockBelowCritical;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.NotificationEvent;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/** A sale took an item below its critical level: the location's supervisors hear in-app and by e-mail. */
@ApplicationScoped
public class StockNotices {

    @EJB
    SupervisorNotices supervisors;

    void onBelowCritical(@Observes StockBelowCritical s) {
        supervisors.notify(NotificationEvent.STOCK_CRITICAL, s.locationId(), null, Map.of(
                "locationCode", s.locationCode(),
                "itemCode", s.itemCode(),
                "itemName", s.itemName(),
                "available", s.available().stripTrailingZeros().toPlainString(),
                "criticalLevel", s.criticalLevel().stripTrailingZeros().toPlainString()), Channel.ALERT, Channel.EMAIL);
    }
}
