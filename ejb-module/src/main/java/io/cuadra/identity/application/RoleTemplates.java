package io.cuadra.identity.application;

import io.cuadra.identity.domain.Role;
import io.cuadra.identity.domain.RoleTemplateSet;
import io.cuadra.identity.domain.RoleTemplateSet.RoleTemplate;
import io.cuadra.audit.application.AuditTrail;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Gives a tenant the roles of a seed business ({@link RoleTemplateSet}). Published for tenant opening:
 * {@code apply(tenantId, set, byWhom)} runs as that tenant inside the caller's transaction. Applying is
 * idempotent: a template whose name (any case) or code the tenant already has is left alone, so
 * applying twice, or over edited roles, changes nothing that exists.
 */
@Stateless
public class RoleTemplates {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    PermissionCache cache;

    @Inject
    AuditTrail audit;

    /** For the tenant in scope (the roles page). Returns the names of the roles created. */
    public List<String> apply(RoleTemplateSet set) {
        Actor actor = TenantContext.require();
        return applyAs(actor, set);
    }

    /** For a tenant being opened (or by the platform): runs as {@code byWhom} acting for {@code tenantId}. */
    public List<String> apply(long tenantId, RoleTemplateSet set, String byWhom) {
        try {
            return TenantContext.runAs(new Actor(tenantId, null, byWhom, null, null), () -> {
                em.setProperty(TenantContext.TENANT_PROPERTY, tenantId);
                return applyAs(TenantContext.require(), set);
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> applyAs(Actor actor, RoleTemplateSet set) {
        List<Role> existing = em.createQuery("select r from Role r", Role.class).getResultList();
        Set<String> names = existing.stream().map(r -> r.getName().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        Set<String> codes = existing.stream().map(Role::getCode).collect(Collectors.toSet());
        List<String> created = new ArrayList<>();
        for (RoleTemplate template : set.roles()) {
            if (names.contains(template.name().toLowerCase(Locale.ROOT)) || codes.contains(template.code())) {
                continue;
            }
            em.persist(template.newRole(set));
            created.add(template.name());
        }
        em.flush();
        if (!created.isEmpty()) {
            var array = Json.createArrayBuilder();
            created.forEach(array::add);
            audit.security(actor, "role.template-applied", "Tenant", actor.tenantId(),
                    Json.createObjectBuilder().add("set", set.name()).add("created", array).build().toString());
        }
        cache.invalidate(actor.tenantId());
        return created;
    }
}
