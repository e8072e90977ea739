package io.cuadra.notifications.application;

import io.cuadra.identity.domain.Location;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.notifications.domain.Wording;
import io.cuadra.orders.events.OrderRegistered;
import io.cuadra.orders.events.OrderSnapshot;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * An order of a known customer placed from afar (WhatsApp, web, Shopify) was registered: the customer gets its
 * confirmation, written in the registering transaction (an order refused later in that transaction confirms
 * nothing). A counter sale's customer is standing there and gets the comprobante instead; anonymous orders nothing.
 */
@ApplicationScoped
public class OrderNotices {

    @EJB
    CustomerNotices customers;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    void onRegistered(@Observes OrderRegistered event) {
        OrderSnapshot o = event.order();
        if (o.customerId() == null || "COUNTER".equals(o.channel())) {
            return;
        }
        Location location = em.find(Location.class, o.locationId());
        LocalDate day = LocalDate.ofInstant(o.registeredAt(), location == null ? ZoneOffset.UTC : location.zone());
        customers.notify(NotificationEvent.ORDER_CONFIRMATION, o.customerId(),
                new CustomerNotices.About(o.orderId(), null, o.locationId()),
                language -> Map.of(
                        "orderNumber", o.number(),
                        "orderDate", day.toString(),
                        "locationCode", o.locationCode(),
                        "lineCount", Integer.toString(o.lines().size()),
                        "total", Wording.amount(o.total(), o.currency())));
    }
}
