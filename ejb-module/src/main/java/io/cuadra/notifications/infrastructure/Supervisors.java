package io.cuadra.notifications.infrastructure;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Who supervises a location: active users who may approve reconciliation (RECONCILIATION:APPROVE through any of
 * their roles) and work there (assigned to it, or holding a role that covers every location).
 */
@Stateless
public class Supervisors {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public record Supervisor(long userId, String email) {
    }

    @SuppressWarnings("unchecked")
    public List<Supervisor> of(long locationId) {
        List<Object[]> rows = CrossTenantSql.query(em, """
                select distinct u.id, u.email from users u
                  join user_roles ur on ur.user_id = u.id
                  join roles r on r.id = ur.role_id
                  join role_permissions p on p.role_id = r.id and p.module = 'RECONCILIATION' and p.action = 'APPROVE'
                 where u.tenant_id = ?1 and u.active
                   and (exists (select 1 from user_roles ur2 join roles r2 on r2.id = ur2.role_id
                                 where ur2.user_id = u.id and r2.all_locations)
                        or exists (select 1 from user_locations ul where ul.user_id = u.id and ul.location_id = ?2))
                 order by u.id""")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, locationId).getResultList();
        return rows.stream().map(r -> new Supervisor(((Number) r[0]).longValue(), (String) r[1])).toList();
    }
}
