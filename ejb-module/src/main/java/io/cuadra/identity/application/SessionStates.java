package io.cuadra.identity.application;

import io.cuadra.identity.infrastructure.security.AccessTokens;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reads a user's {@link SessionState}: one indexed query, no transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SessionStates {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    private static Instant maintenanceUntil(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Instant i ? i : null;
    }

    public SessionState of(long userId) {
        // Before any tenant is known (the caller is being authenticated): the user id alone names the row.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, """
                        select u.token_version, u.active and t.active,
                               (select string_agg(distinct r.family_id::text, ',') from refresh_tokens r
                                 where r.user_id = u.id and r.revoked_at > ?1),
                               not t.active, t.maintenance_until
                          from users u join tenants t on t.id = u.tenant_id
                         where u.id = ?2""")
                .setParameter(1, Timestamp.from(Instant.now().minus(AccessTokens.LIFETIME).minusSeconds(60)))
                .setParameter(2, userId)
                .getResultList();
        if (rows.isEmpty()) {
            return SessionState.UNKNOWN;
        }
        Object[] row = rows.get(0);
        Set<UUID> ended = new HashSet<>();
        if (row[2] != null) {
            for (String family : row[2].toString().split(",")) {
                ended.add(UUID.fromString(family));
            }
        }
        return new SessionState(((Number) row[0]).longValue(), Boolean.TRUE.equals(row[1]), ended,
                Boolean.TRUE.equals(row[3]), maintenanceUntil(row[4]));
    }
}
