package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.DocumentEvent;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.billing.events.BillingDocumentFinal;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Stores a newly issued document of any regime with the first row of its timeline. */
@ApplicationScoped
public class IssuedDocuments {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    Event<BillingDocumentFinal> finalised;

    public BillingDocument store(BillingDocument d, String notes) {
        em.persist(d);
        em.flush();
        em.persist(new DocumentEvent(d.getId(), d.getIssuedAt(), TenantContext.actorName(), null, d.getStatus(),
                notes));
        if (d.getStatus() == DocumentStatus.ISSUED) {
            // No authority accepts it (French facture, internal receipt): final, for its customer too, once issued.
            finalised.fire(BillingEvents.finalOf(d, TenantContext.require().tenantId()));
        }
        return d;
    }
}
