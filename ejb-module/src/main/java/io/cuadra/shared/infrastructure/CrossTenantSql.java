package io.cuadra.shared.infrastructure;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * Native SQL, which EclipseLink refuses by default in a multitenant unit because it bypasses tenant
 * scoping. Each use opts in here explicitly, so the few places that must look across tenants (an
 * e-mail address finding its account at sign-in) are easy to find and review.
 */
public final class CrossTenantSql {

    private static final String ALLOW = "eclipselink.jdbc.allow-native-sql-query";

    private CrossTenantSql() {
    }

    public static Query query(EntityManager em, String sql) {
        return em.createNativeQuery(sql).setHint(ALLOW, Boolean.TRUE);
    }
}
