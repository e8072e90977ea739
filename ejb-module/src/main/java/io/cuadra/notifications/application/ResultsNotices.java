package io.cuadra.notifications.application;

import io.cuadra.identity.domain.Location;
import io.cuadra.lab.events.ResultsReady;
import io.cuadra.notifications.domain.NotificationEvent;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;

/**
 * A laboratory's results are ready (the lab component's published event): the patient hears it on their channels,
 * in the results' transaction. An anonymous sale has no one to tell.
 */
@ApplicationScoped
public class ResultsNotices {

    @EJB
    CustomerNotices customers;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    void onReady(@Observes ResultsReady r) {
        if (r.customerId() == null) {
            return;
        }
        Location location = em.find(Location.class, r.locationId());
        String locationName = location == null ? "" : location.getName();
        customers.notify(NotificationEvent.RESULTS_READY, r.customerId(),
                new CustomerNotices.About(r.orderId(), null, r.locationId()),
                language -> Map.of("reference", r.orderNumber(), "testsCount", Integer.toString(r.testsCount()),
                        "locationName", locationName));
    }
}
