package io.cuadra.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tenant of a country with no integrated tax authority (Mexico, Chile), opened the way an operator opens
 * one: {@code POST /api/platform/tenants} with the country pack's defaults (IVA and exempt rates, cash and
 * transfer methods, a first location with its series), the invited administrator choosing the demo ADMIN's
 * password through the invitation's token, and a second location opened by that administrator over REST.
 */
public final class ReceiptTenant {

    /** The demo platform operator (README, "Opening a tenant"). */
    public static final String OPERATOR_EMAIL = "operador@cuadra.demo";
    public static final String OPERATOR_PASSWORD = "Operador-Cuadra-2026!";
    private static final Pattern TOKEN = Pattern.compile("reset-password\\.xhtml\\?token=([\\w-]+)");
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
    public static ReceiptTenant mexican(Http http) throws SQLException {
        return open(http, "quenty", "MX", "SAT970701NN3", "QUENTY LOGISTICA SA DE CV", "IVA 16 %", "MEX",
                "America/Mexico_City");
    }

    /** SIPUD Distribución (CL, CLP, IVA 19 %). */
    public static ReceiptTenant chilean(Http http) throws SQLException {
        return open(http, "sipud", "CL", "76.086.428-5", "SIPUD DISTRIBUCION SPA", "IVA 19 %", "STG",
                "America/Santiago");
    }

    public Http signIn(Http http) {
        return DemoUsers.signIn(http, adminEmail, OtherTenant.ADMIN_PASSWORD);
    }

    /** A service item priced with IVA included (or exempt), created over REST. */
    public void item(Http admin, String code, String price, boolean exempt) {
        Http.Reply item = admin.post("api/catalog/items", "{\"type\":\"SERVICE\",\"code\":\"" + code + "\",\"name\":\""
                + code + "\",\"unitCode\":\"ZZ\",\"price\":\"" + price + "\",\"taxRateId\":"
                + (exempt ? exemptRateId : ivaRateId) + "}");
        assertThat(item.status()).as(item.toString()).isEqualTo(201);
    }

    /** The operator's token. */
    public static Http operator(Http http) {
        Http.Reply r = http.post("api/platform/auth/login", "{\"email\":\"" + OPERATOR_EMAIL + "\",\"password\":\""
                + OPERATOR_PASSWORD + "\"}");
        assertThat(r.status()).as("operator sign-in: " + r).isEqualTo(200);
        return http.as(r.json().getString("accessToken"));
    }

    private static synchronized ReceiptTenant open(Http http, String name, String country, String taxId,
                                                   String legalName, String ivaName, String codePrefix, String zone)
            throws SQLException {
        ReceiptTenant opened = OPENED.get(name);
        if (opened != null) {
            return opened;
        }
        // A slug of this run: a database kept from an earlier run (or a half-done opening) never collides.
        String slug = name + "-" + UUID.randomUUID().toString().substring(0, 6);
        String adminEmail = "admin@" + slug + ".test";
        Http.Reply created = operator(http).post("api/platform/tenants", "{\"slug\":\"" + slug + "\",\"legalName\":\""
                + legalName + "\",\"taxId\":\"" + taxId + "\",\"address\":\"Av. Central 100\",\"country\":\"" + country
                + "\",\"locationCode\":\"" + codePrefix + "01\",\"admin\":{\"email\":\"" + adminEmail
                + "\",\"firstName\":\"Admin\",\"lastName\":\"" + slug + "\"}}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long tenantId = created.json().getJsonNumber("id").longValue();
        Http.Reply chosen = http.post("api/auth/password/reset", "{\"token\":\"" + invitationToken(adminEmail)
                + "\",\"newPassword\":\"" + OtherTenant.ADMIN_PASSWORD + "\"}");
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(204);
        Http admin = DemoUsers.signIn(http, adminEmail, OtherTenant.ADMIN_PASSWORD);
        long first = ((JsonArray) admin.get("api/locations").jsonStructure()).getJsonObject(0)
                .getJsonNumber("id").longValue();
        Http.Reply second = admin.post("api/locations", "{\"code\":\"" + codePrefix + "02\",\"name\":\"Sede "
                + codePrefix + "02\",\"timeZone\":\"" + zone + "\",\"receiptSeries\":\"B002\"}");
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        Map<String, Long> rates = new HashMap<>();
        for (JsonObject rate : ((JsonArray) admin.get("api/catalog/tax-rates").jsonStructure())
                .getValuesAs(JsonObject.class)) {
            rates.put(rate.getString("name"), rate.getJsonNumber("id").longValue());
        }
        assertThat(rates).as("the country pack's rates").containsKeys(ivaName, "Exento");
        opened = new ReceiptTenant(tenantId, first, second.json().getJsonNumber("id").longValue(), rates.get(ivaName),
                rates.get("Exento"), adminEmail);
        OPENED.put(name, opened);
        return opened;
    }

    /** The token of the invitation mail, read from the mail outbox (no SMTP stand-in needed). */
    private static String invitationToken(String recipient) throws SQLException {
        try (Connection c = TestDatabase.current().connect();
             PreparedStatement s = c.prepareStatement("select body from outgoing_mail where recipient = ?"
                     + " order by id desc limit 1")) {
            s.setString(1, recipient);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("an invitation to " + recipient).isTrue();
                Matcher m = TOKEN.matcher(rs.getString(1));
                assertThat(m.find()).as("the invitation's link").isTrue();
                return m.group(1);
            }
        }
    }
}
