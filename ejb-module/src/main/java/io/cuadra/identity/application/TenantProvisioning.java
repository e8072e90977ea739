package io.cuadra.identity.application;

import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.DefaultRoles;
import io.cuadra.identity.domain.Tenant;
import io.cuadra.identity.domain.TenantOpened;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Opens a new tenant: the tenant row, its company settings and the default role matrix; then
 * {@link TenantOpened} lets the other components seed theirs (the catalog: the country's tax rates).
 */
@Stateless
public class TenantProvisioning {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    Event<TenantOpened> opened;

    public long open(String slug, String name, Company company, String byWhom) {
        boolean taken = !em.createQuery("select t.id from Tenant t where t.slug = :s", Long.class)
                .setParameter("s", slug).getResultList().isEmpty();
        if (taken) {
            throw new Conflict("A tenant '" + slug + "' already exists.").withKey("identity.tenantAlreadyExists", slug);
        }
        Tenant tenant = new Tenant(slug, name, byWhom);
        // The tenant's own audit line goes to its own chain; the actor only names who opened it.
        TenantContext.runAs(new Actor(0, null, byWhom, null, null), () -> {
            em.persist(tenant);
            em.flush();
        });
        long tenantId = tenant.getId();
        TenantContext.runAs(new Actor(tenantId, null, byWhom, null, null), () -> {
            em.setProperty(TenantContext.TENANT_PROPERTY, tenantId);
            em.persist(company);
            for (DefaultRoles role : DefaultRoles.values()) {
                em.persist(role.newRole());
            }
            em.flush();
            opened.fire(new TenantOpened(tenantId, slug, company.getCountry()));
        });
        return tenantId;
    }

    public boolean exists(String slug) {
        return !em.createQuery("select t.id from Tenant t where t.slug = :s", Long.class).setParameter("s", slug)
                .getResultList().isEmpty();
    }
}
