package io.cuadra.inventory.application;

import io.cuadra.inventory.domain.InventorySettings;
import io.cuadra.inventory.domain.PickingOrder;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The tenant's stock switches; a tenant that never changed them has the defaults (version 0). */
@Stateless
public class InventorySettingsService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public InventorySettings current() {
        return em.createQuery("select s from InventorySettings s", InventorySettings.class).getResultStream()
                .findFirst().orElseGet(InventorySettings::new);
    }

    public InventorySettings update(long expectedVersion, boolean neverNegative, boolean reserveOnRegister,
                                    boolean skipExpiredLots, int expiryAlertDays, PickingOrder pickingOrder) {
        InventorySettings settings = current();
        Versions.expect(expectedVersion, settings.getVersion(), "The inventory settings");
        settings.change(neverNegative, reserveOnRegister, skipExpiredLots, expiryAlertDays);
        settings.pickBy(pickingOrder);
        if (settings.getId() == null) {
            em.persist(settings);
        }
        em.flush();
        return settings;
    }
}
