package io.cuadra.identity.application;

import io.cuadra.identity.domain.Tenant;
import io.cuadra.shared.domain.NotFound;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;

/**
 * The platform operator's maintenance window on a tenant (its API answers 503 with Retry-After meanwhile): the
 * identity side of it, called in the operator's transaction; every server's session cache learns it after commit.
 */
@Stateless
public class TenantMaintenanceWindows {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    Event<TenantStateChanged> changed;

    public void begin(long tenantId, Duration length, String byWhom, Instant now) {
        tenant(tenantId).beginMaintenance(now.plus(length), byWhom, now);
        em.flush(); // in the caller's tenant context: the audit line names who held it
        changed.fire(new TenantStateChanged(tenantId));
    }

    public void end(long tenantId, String byWhom, Instant now) {
        tenant(tenantId).endMaintenance(byWhom, now);
        em.flush();
        changed.fire(new TenantStateChanged(tenantId));
    }

    private Tenant tenant(long id) {
        Tenant tenant = em.find(Tenant.class, id);
        if (tenant == null) {
            throw new NotFound("No tenant " + id + ".").withKey("platform.tenant", id);
        }
        return tenant;
    }
}
