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

    private static Long tenantId;
    private static long locationId;

    private OtherTenant() {
    }

    public static synchronized long ensure() throws SQLException {
        if (tenantId != null) {
            return tenantId;
        }
        try (Connection c = TestDatabase.current().connect()) {
            c.setAutoCommit(false);
            Long existing = single(c, "select id from tenants where slug = 'other'");
            if (existing != null) {
                tenantId = existing;
                locationId = single(c, "select id from locations where tenant_id = " + existing);
                return tenantId;
            }
            long t = next(c);
            exec(c, "insert into tenants (id, slug, name, created_by, updated_by) values (" + t
                    + ", 'other', 'Otra Empresa', 'it', 'it')");
            exec(c, "insert into companies (id, tenant_id, country, tax_id, legal_name, fiscal_address, district, "
                    + "province, department, ubigeo, currency, default_tax_percent, time_zone, created_by, updated_by) "
                    + "values (" + next(c) + ", " + t + ", 'PE', '20131312955', 'Otra Empresa S.A.', 'Av. Otra 1', "
                    + "'Miraflores', 'Lima', 'Lima', '150122', 'PEN', 18, 'America/Lima', 'it', 'it')");
            long l = next(c);
            exec(c, "insert into locations (id, tenant_id, code, name, time_zone, invoice_series, receipt_series, "
                    + "invoice_credit_series, receipt_credit_series, created_by, updated_by) values (" + l + ", " + t
                    + ", 'OTH01', 'Otra sede', 'America/Lima', 'F001', 'B001', 'FC01', 'BC01', 'it', 'it')");
            long r = next(c);
            exec(c, "insert into roles (id, tenant_id, code, name, all_locations, created_by, updated_by) values ("
                    + r + ", " + t + ", 'ADMIN', 'Administrador', true, 'it', 'it')");
            exec(c, "insert into role_permissions (role_id, module, action) select " + r + ", p.module, p.action "
                    + "from role_permissions p join roles ro on ro.id = p.role_id join tenants te on te.id = ro.tenant_id "
                    + "where te.slug = 'demo' and ro.code = 'ADMIN'");
            long u = next(c);
            exec(c, "insert into users (id, tenant_id, email, password_hash, first_name, last_name, created_by, "
                    + "updated_by) select " + u + ", " + t + ", '" + ADMIN_EMAIL + "', password_hash, 'Otro', 'Admin', "
                    + "'it', 'it' from users where email = '" + DemoUsers.ADMIN.email + "'");
            exec(c, "insert into user_roles (user_id, role_id) values (" + u + ", " + r + ")");
            exec(c, "insert into user_locations (user_id, location_id) values (" + u + ", " + l + ")");
            c.commit();
            tenantId = t;
            locationId = l;
            return t;
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

    private static long next(Connection c) throws SQLException {
        return single(c, "select nextval('cuadra_id_seq')");
    }

    private static Long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        }
    }
}
