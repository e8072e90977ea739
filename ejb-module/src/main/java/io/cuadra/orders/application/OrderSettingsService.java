package io.cuadra.orders.application;

import io.cuadra.orders.domain.OrderSettings;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;

/** The tenant's order settings: the defaults until the first edit stores a row. */
@Stateless
public class OrderSettingsService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** The stored settings, or the defaults (not stored, version 0) when the tenant never changed them. */
    public OrderSettings current() {
        return em.createQuery("select s from OrderSettings s", OrderSettings.class).getResultStream().findFirst()
                .orElseGet(OrderSettings::new);
    }

    public OrderSettings update(long expectedVersion, BigDecimal discountApprovalPercent) {
        OrderSettings settings = current();
        Versions.expect(expectedVersion, settings.getVersion(), "The order settings");
        settings.requireApprovalAbove(discountApprovalPercent);
        if (settings.getId() == null) {
            em.persist(settings);
        }
        em.flush();
        return settings;
    }
}
