package io.cuadra.it.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A second tenant written straight into the database (Cuadra has no tenant sign-up yet): company,
 * location OTH01, the ADMIN role with the demo ADMIN's permissions, and admin@other.test whose
 * password hash is the demo admin's (so the same password works).
 */
public final class OtherTenant {

    public static final String ADMIN_EMAIL = "admin@other.test";
    public static final String ADMIN_PASSWORD = DemoUsers.ADMIN.password;
    public static final String FRENCH_ADMIN_EMAIL = "admin@autre.test";
    /** The third tenant, Chilean: every isolation check also runs against it (three tenants in the database). */
    public static final String THIRD_ADMIN_EMAIL = "admin@tercera.test";

    private static Long tenantId;
    private static long locationId;

    private OtherTenant() {
    }

    public static synchronized long ensure() throws SQLException {
        if (tenantId != null) {
            return tenantId;
        }
        long[] ids = open("other", "Otra Empresa", "PE", "20131312955", "PEN", "America/Lima", "OTH01", ADMIN_EMAIL);
        tenantId = ids[0];
        locationId = ids[1];
        return tenantId;
    }

    /**
     * A French tenant written the same way (company in FR, EUR, Europe/Paris), with admin@autre.test: a
     * tenant that, like one opened before its country had tax rate defaults, starts without tax rates.
     */
    public static synchronized Http signInFrench(Http http) throws SQLException {
        open("autre", "Autre Société", "FR", "FR40303265045", "EUR", "Europe/Paris", "PAR01", FRENCH_ADMIN_EMAIL);
        return DemoUsers.signIn(http, FRENCH_ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** The third tenant's admin, signed in (the tenant is written the first time). */
    public static synchronized Http signInThird(Http http) throws SQLException {
        open("tercera", "Tercera SpA", "CL", "760864285", "CLP", "America/Santiago", "TER01", THIRD_ADMIN_EMAIL);
        return DemoUsers.signIn(http, THIRD_ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    /** The tenant with that slug, created if missing: its id and its location's. */
    private static long[] open(String slug, String name, String country, String taxId, String currency, String zone,
                               String locationCode, String adminEmail) throws SQLException {
        try (Connection c = TestDatabase.current().connect()) {
            c.setAutoCommit(false);
            Long existing = single(c, "select id from tenants where slug = '" + slug + "'");
            if (existing != null) {
                return new long[]{existing, single(c, "select id from locations where tenant_id = " + existing)};
            }
            long t = next(c);
            exec(c, "insert into tenants (id, slug, name, created_by, updated_by) values (" + t
                    + ", '" + slug + "', '" + name + "', 'it', 'it')");
            // A fiscal address with ubigeo and SUNAT series, so the tenant can issue documents.
            exec(c, "insert into companies (id, tenant_id, country, tax_id, legal_name, fiscal_address, district, "
                    + "province, department, ubigeo, currency, default_tax_percent, time_zone, created_by, updated_by) "
                    + "values (" + next(c) + ", " + t + ", '" + country + "', '" + taxId + "', '" + name + " S.A.', "
                    + "'Av. Otra 1', 'Miraflores', 'Lima', 'Lima', '150122', '" + currency + "', "
                    + switch (country) {
                        case "FR" -> 20;
                        case "CL" -> 19;
                        default -> 18;
                    } + ", '" + zone + "', 'it', 'it')");
            long l = next(c);
            exec(c, "insert into locations (id, tenant_id, code, name, time_zone, invoice_series, receipt_series, "
                    + "invoice_credit_series, receipt_credit_series, created_by, updated_by) values (" + l + ", " + t
                    + ", '" + locationCode + "', 'Otra sede', '" + zone + "', 'F001', 'B001', 'FC01', 'BC01', 'it', 'it')");
            long r = next(c);
            exec(c, "insert into roles (id, tenant_id, code, name, all_locations, created_by, updated_by) values ("
                    + r + ", " + t + ", 'ADMIN', 'Administrador', true, 'it', 'it')");
            exec(c, "insert into role_permissions (role_id, module, action) select " + r + ", p.module, p.action "
                    + "from role_permissions p join roles ro on ro.id = p.role_id join tenants te on te.id = ro.tenant_id "
                    + "where te.slug = 'demo' and ro.code = 'ADMIN'");
            long u = next(c);
            exec(c, "insert into users (id, tenant_id, email, password_hash, first_name, last_name, created_by, "
                    + "updated_by) select " + u + ", " + t + ", '" + adminEmail + "', password_hash, 'Otro', 'Admin', "
                    + "'it', 'it' from users where email = '" + DemoUsers.ADMIN.email + "'");
            exec(c, "insert into user_roles (user_id, role_id) values (" + u + ", " + r + ")");
            exec(c, "insert into user_locations (user_id, location_id) values (" + u + ", " + l + ")");
            c.commit();
            return new long[]{t, l};
        }
    }

    public static long locationId() throws SQLException {
        ensure();
        return locationId;
    }

    public static Http signIn(Http http) throws SQLException {
        ensure();
        return DemoUsers.signIn(http, ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    static long next(Connection c) throws SQLException {
        return single(c, "select nextval('cuadra_id_seq')");
    }

    private static Long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
