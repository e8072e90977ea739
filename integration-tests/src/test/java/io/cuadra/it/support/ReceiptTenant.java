package io.cuadra.it.support;

import static io.cuadra.it.support.OtherTenant.exec;
import static io.cuadra.it.support.OtherTenant.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * A tenant of a country with no integrated tax authority (Mexico, Chile), written straight into the database
 * like {@link OtherTenant} until tenants are opened over REST: company, two locations, its IVA rate and an
 * exempt one, cash and transfer, and an administrator with the demo ADMIN's permissions and password. No
 * billing profile: the regime comes from the country.
 */
public final class ReceiptTenant {

    private static final Map<String, ReceiptTenant> OPENED = new HashMap<>();

    public final long tenantId;
    public final long locationId;
    public final long secondLocationId;
    public final long ivaRateId;
    public final long exemptRateId;
    public final String adminEmail;

    private ReceiptTenant(long tenantId, long locationId, long secondLocationId, long ivaRateId, long exemptRateId,
                          String adminEmail) {
        this.tenantId = tenantId;
        this.locationId = locationId;
        this.secondLocationId = secondLocationId;
        this.ivaRateId = ivaRateId;
        this.exemptRateId = exemptRateId;
        this.adminEmail = adminEmail;
    }

    /** Quenty Logística (MX, MXN, IVA 16 %). */
    public static ReceiptTenant mexican() throws SQLException {
        return open("quenty", "MX", "QLO180101AB1", "QUENTY LOGISTICA SA DE CV", "MXN", "America/Mexico_City", 16,
                "MEX", "admin@quenty.test");
    }

    /** SIPUD Distribución (CL, CLP, IVA 19 %). */
    public static ReceiptTenant chilean() throws SQLException {
        return open("sipud", "CL", "76123456-0", "SIPUD DISTRIBUCION SPA", "CLP", "America/Santiago", 19, "STG",
                "admin@sipud.test");
    }

    public Http signIn(Http http) {
        return DemoUsers.signIn(http, adminEmail, OtherTenant.ADMIN_PASSWORD);
    }

    /** A service item priced with IVA included (or exempt), created over REST. */
    public void item(Http admin, String code, String price, boolean exempt) {
        Http.Reply item = admin.post("api/catalog/items", "{\"type\":\"SERVICE\",\"code\":\"" + code + "\",\"name\":\""
                + code + "\",\"unitCode\":\"ZZ\",\"price\":" + price + ",\"taxRateId\":"
                + (exempt ? exemptRateId : ivaRateId) + "}");
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
    }

    private static synchronized ReceiptTenant open(String slug, String country, String taxId, String legalName,
                                                   String currency, String zone, int iva, String codePrefix,
                                                   String adminEmail) throws SQLException {
        ReceiptTenant opened = OPENED.get(slug);
        if (opened != null) {
            return opened;
        }
        try (Connection c = TestDatabase.current().connect()) {
            c.setAutoCommit(false);
            long t = next(c);
            exec(c, "insert into tenants (id, slug, name, created_by, updated_by) values (" + t + ", '" + slug + "', '"
                    + legalName + "', 'it', 'it')");
            exec(c, "insert into companies (id, tenant_id, country, tax_id, legal_name, fiscal_address, currency,"
                    + " default_tax_percent, time_zone, created_by, updated_by) values (" + next(c) + ", " + t + ", '"
                    + country + "', '" + taxId + "', '" + legalName + "', 'Av. Central 100', '" + currency + "', " + iva
                    + ", '" + zone + "', 'it', 'it')");
            long first = location(c, t, codePrefix + "01", zone);
            long second = location(c, t, codePrefix + "02", zone);
            long ivaRate = next(c);
            exec(c, "insert into tax_rates (id, tenant_id, country, name, percent, affectation_code, created_by,"
                    + " updated_by) values (" + ivaRate + ", " + t + ", '" + country + "', 'IVA " + iva + " %', " + iva
                    + ", '10', 'it', 'it')");
            long exempt = next(c);
            exec(c, "insert into tax_rates (id, tenant_id, country, name, percent, affectation_code, created_by,"
                    + " updated_by) values (" + exempt + ", " + t + ", '" + country + "', 'Exento', 0, '20', 'it', 'it')");
            exec(c, "insert into payment_methods (id, tenant_id, code, name, kind, created_by, updated_by) values ("
                    + next(c) + ", " + t + ", 'EFECTIVO', 'Efectivo', 'CASH', 'it', 'it')");
            exec(c, "insert into payment_methods (id, tenant_id, code, name, kind, created_by, updated_by) values ("
                    + next(c) + ", " + t + ", 'TRANSFERENCIA', 'Transferencia', 'BANK_TRANSFER', 'it', 'it')");
            long r = next(c);
            exec(c, "insert into roles (id, tenant_id, code, name, all_locations, created_by, updated_by) values (" + r
                    + ", " + t + ", 'ADMIN', 'Administrador', true, 'it', 'it')");
            exec(c, "insert into role_permissions (role_id, module, action) select " + r + ", p.module, p.action"
                    + " from role_permissions p join roles ro on ro.id = p.role_id join tenants te"
                    + " on te.id = ro.tenant_id where te.slug = 'demo' and ro.code = 'ADMIN'");
            long u = next(c);
            exec(c, "insert into users (id, tenant_id, email, password_hash, first_name, last_name, created_by,"
                    + " updated_by) select " + u + ", " + t + ", '" + adminEmail + "', password_hash, 'Admin', '"
                    + slug + "', 'it', 'it' from users where email = '" + DemoUsers.ADMIN.email + "'");
            exec(c, "insert into user_roles (user_id, role_id) values (" + u + ", " + r + ")");
            exec(c, "insert into user_locations (user_id, location_id) values (" + u + ", " + first + "), (" + u + ", "
                    + second + ")");
            c.commit();
            opened = new ReceiptTenant(t, first, second, ivaRate, exempt, adminEmail);
            OPENED.put(slug, opened);
            return opened;
        }
    }

    private static long location(Connection c, long tenant, String code, String zone) throws SQLException {
        long id = next(c);
        exec(c, "insert into locations (id, tenant_id, code, name, time_zone, created_by, updated_by) values (" + id
                + ", " + tenant + ", '" + code + "', 'Sede " + code + "', '" + zone + "', 'it', 'it')");
        return id;
    }
}
