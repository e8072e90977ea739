package io.cuadra.platform.application;

import io.cuadra.identity.application.SessionsEnded;
import io.cuadra.identity.application.TenantMaintenanceWindows;
import io.cuadra.identity.domain.Tenant;
import io.cuadra.shared.country.CountryPack;
import io.cuadra.shared.country.CountryPacks;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The operator's view of the tenants, and suspending and reactivating one. Suspension ends every session
 * of the tenant's users at once (token versions raised, refresh tokens revoked, this server's cache told
 * after commit); while suspended, its users' sign-in and requests are refused with a clear answer.
 */
@Stateless
public class TenantDirectory {

    private static final String SELECT = """
            select t.id, t.slug, t.name, c.legal_name, c.tax_id, c.country, c.currency, c.time_zone, t.languages,
                   (select b.fiscal_regime from billing_profiles b where b.tenant_id = t.id), t.active, t.suspended_at, t.suspension_reason, t.created_at,
                   t.maintenance_until
              from tenants t left join companies c on c.tenant_id = t.id""";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    Event<SessionsEnded> sessionsEnded;

    @EJB
    TenantMaintenanceWindows windows;

    public List<TenantView> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, SELECT + " order by t.slug").getResultList();
        return rows.stream().map(TenantDirectory::view).toList();
    }

    public TenantView find(long id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, SELECT + " where t.id = ?1").setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(TenantDirectory::view)
                .orElseThrow(() -> new NotFound("No tenant " + id + ".").withKey("platform.tenant", id));
    }

    public TenantView suspend(long id, String reason, Operator operator, String ip, String userAgent) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Set<Long> ids = new HashSet<>();
        // Inside the tenant's context: the change of the tenant row is audited in the tenant's own log.
        TenantContext.runAs(actor(id, operator, ip, userAgent), () -> {
            Tenant tenant = tenant(id);
            tenant.suspend(reason, "operator:" + operator.email(), now);
            CrossTenantSql.query(em, "update users set token_version = token_version + 1 where tenant_id = ?1")
                    .setParameter(1, id).executeUpdate();
            CrossTenantSql.query(em, "update refresh_tokens set revoked_at = ?1 where tenant_id = ?2 and revoked_at is null")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, id).executeUpdate();
            @SuppressWarnings("unchecked")
            List<Object> userIds = CrossTenantSql.query(em, "select id from users where tenant_id = ?1")
                    .setParameter(1, id).getResultList();
            userIds.forEach(u -> ids.add(((Number) u).longValue()));
            em.flush();
        });
        sessionsEnded.fire(new SessionsEnded(ids));
        return find(id);
    }

    public TenantView reactivate(long id, Operator operator, String ip, String userAgent) {
        TenantContext.runAs(actor(id, operator, ip, userAgent), () -> {
            tenant(id).reactivate("operator:" + operator.email(), Instant.now().truncatedTo(ChronoUnit.MICROS));
            em.flush();
        });
        return find(id);
    }

    /** Holds the tenant's API for {@code minutes} (its calls answer 503 with Retry-After); audited in its log. */
    public TenantView beginMaintenance(long id, int minutes, Operator operator, String ip, String userAgent) {
        return maintenance(id, operator, ip, userAgent, (by, now) -> windows.begin(id, Duration.ofMinutes(minutes), by,
                now));
    }

    public TenantView endMaintenance(long id, Operator operator, String ip, String userAgent) {
        return maintenance(id, operator, ip, userAgent, (by, now) -> windows.end(id, by, now));
    }

    /** Identity's maintenance rule, run in the tenant's context so that the tenant's own log names the operator. */
    private TenantView maintenance(long id, Operator operator, String ip, String userAgent,
                                   java.util.function.BiConsumer<String, Instant> change) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        TenantContext.runAs(actor(id, operator, ip, userAgent), () -> change.accept("operator:" + operator.email(), now));
        return find(id);
    }

    private Tenant tenant(long id) {
        Tenant tenant = em.find(Tenant.class, id);
        if (tenant == null) {
            throw new NotFound("No tenant " + id + ".").withKey("platform.tenant", id);
        }
        return tenant;
    }

    /** The tenant's audit log names the operator: its people can see who suspended or reactivated it. */
    private static Actor actor(long tenantId, Operator operator, String ip, String userAgent) {
        return new Actor(tenantId, null, "operator:" + operator.email(), ip, userAgent);
    }

    private static TenantView view(Object[] r) {
        String country = (String) r[5];
        String regime = r[9] != null ? (String) r[9]
                : CountryPacks.find(country).map(CountryPack::fiscalRegime).orElse(null);
        return new TenantView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                country == null ? null : country.strip(), (String) r[6], (String) r[7], List.of(((String) r[8]).split(",")),
                regime, Boolean.TRUE.equals(r[10]), instant(r[11]), (String) r[12], instant(r[13]), instant(r[14]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return Instant.parse(value.toString());
    }
}
