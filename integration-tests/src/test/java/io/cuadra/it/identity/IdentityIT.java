package io.cuadra.it.identity;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.PdfImages;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.OtherTenant;
import io.cuadra.it.support.TenantIsolation;
import io.cuadra.it.support.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Identity and access against the deployed EAR: tokens, lockout, reset by mail, 401/403/404, audit chain. */
@ExtendWith(ArquillianExtension.class)
class IdentityIT extends CuadraDeployment {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(Integer.getInteger("cuadra.it.mail.port", 28025), null, "smtp"));

    private final Http http = http();

    @Test
    void refreshTokensRotateAndAReplayRevokesTheFamily() {
        Reply login = login(DemoUsers.CASHIER.email, DemoUsers.CASHIER.password);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        JsonObject tokens = login.json();
        assertThat(tokens.getString("tokenType")).isEqualTo("Bearer");
        assertThat(tokens.getInt("expiresIn")).isEqualTo(1800);
        assertThat(claims(tokens.getString("accessToken"))).contains("\"upn\":\"cajero@cuadra.demo\"")
                .contains("\"groups\":[\"CASHIER\"]").contains("\"tenant\":").contains("\"locations\":[");

        Reply me = http.as(tokens.getString("accessToken")).get("api/users/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().getString("email")).isEqualTo("cajero@cuadra.demo");

        String first = tokens.getString("refreshToken");
        Reply rotated = refresh(first);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.json().getString("refreshToken");
        assertThat(second).isNotEqualTo(first);

        Reply replay = refresh(first);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.contentType()).startsWith("application/problem+json");
        assertThat(refresh(second).status()).as("the whole family is revoked after a replay").isEqualTo(401);

        String third = login(DemoUsers.CASHIER.email, DemoUsers.CASHIER.password).json().getString("refreshToken");
        assertThat(http.post("api/auth/logout", "{\"refreshToken\":\"" + third + "\"}").status()).isEqualTo(204);
        assertThat(refresh(third).status()).isEqualTo(401);
    }

    @Test
    void fiveFailuresLockTheEmailWithoutRevealingWhetherItExists() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply created = admin.post("api/users", "{\"email\":\"lockme@cuadra.demo\",\"firstName\":\"Lock\","
                + "\"lastName\":\"Me\",\"password\":\"Lockable-Cuadra-2026\",\"roles\":[\"CASHIER\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        for (String email : new String[]{"lockme@cuadra.demo", "nobody-here@cuadra.demo"}) {
            for (int i = 1; i <= 4; i++) {
                Reply wrong = login(email, "wrong-password-" + i);
                assertThat(wrong.status()).isEqualTo(401);
                assertThat(wrong.json().getString("detail")).isEqualTo("The e-mail or the password is not right.");
            }
            Reply fifth = login(email, "wrong-password-5");
            assertThat(fifth.status()).as(email + " is locked after 5 failures").isEqualTo(429);
            assertThat(fifth.header("Retry-After")).isNotNull();
        }
        Reply rightButLocked = login("lockme@cuadra.demo", "Lockable-Cuadra-2026");
        assertThat(rightButLocked.status()).isEqualTo(429);
        assertThat(auditCount("login.locked-out", null)).isPositive();
    }

    @Test
    void passwordIsResetThroughALinkSentByMail() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        admin.post("api/users", "{\"email\":\"forgetful@cuadra.demo\",\"firstName\":\"Olvido\",\"lastName\":\"Frecuente\","
                + "\"password\":\"Original-Cuadra-2026\",\"roles\":[\"CASHIER\"]}");

        assertThat(http.post("api/auth/password/forgot", "{\"email\":\"forgetful@cuadra.demo\"}").status())
                .isEqualTo(202);
        assertThat(http.post("api/auth/password/forgot", "{\"email\":\"unknown@cuadra.demo\"}").status())
                .as("same answer for an unknown e-mail").isEqualTo(202);
        // Other mail may arrive meanwhile (the demo sales' invoices, sent by the notifications): find this one.
        MimeMessage mail = null;
        for (long deadline = System.nanoTime() + 60_000_000_000L; mail == null && System.nanoTime() < deadline; ) {
            mail = java.util.Arrays.stream(MAIL.getReceivedMessages()).filter(m -> {
                try {
                    return m.getAllRecipients()[0].toString().equals("forgetful@cuadra.demo");
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).findFirst().orElse(null);
            Thread.sleep(250);
        }
        assertThat(mail).as("the reset mail to forgetful@cuadra.demo").isNotNull();
        Matcher m = Pattern.compile("Reset token: (\\S+)").matcher(GreenMailUtil.getBody(mail));
        assertThat(m.find()).isTrue();
        String token = m.group(1);

        Reply weak = http.post("api/auth/password/reset", "{\"token\":\"" + token + "\",\"newPassword\":\"password1234\"}");
        assertThat(weak.status()).as("a common password is refused").isEqualTo(422);
        Reply reset = http.post("api/auth/password/reset",
                "{\"token\":\"" + token + "\",\"newPassword\":\"Renewed-Cuadra-2026\"}");
        assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
        assertThat(login("forgetful@cuadra.demo", "Renewed-Cuadra-2026").status()).isEqualTo(200);
        assertThat(login("forgetful@cuadra.demo", "Original-Cuadra-2026").status()).isEqualTo(401);
        Reply reuse = http.post("api/auth/password/reset",
                "{\"token\":\"" + token + "\",\"newPassword\":\"Another-Cuadra-2026\"}");
        assertThat(reuse.status()).as("single use").isEqualTo(422);
    }

    @Test
    void apiNeedsAValidTokenAndThePermission() {
        Reply anonymous = http.get("api/users");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(http.as("not.a.token").get("api/users").status()).isEqualTo(401);

        Reply cashier = DemoUsers.CASHIER.signIn(http).get("api/users");
        assertThat(cashier.status()).isEqualTo(403);
        assertThat(cashier.contentType()).startsWith("application/problem+json");
        assertThat(cashier.json().getString("detail")).contains("users:view");

        assertThat(DemoUsers.ADMIN.signIn(http).get("api/users").status()).isEqualTo(200);
    }

    @Test
    void otherTenantsAndOtherLocationsAnswer404() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http stranger = OtherTenant.signIn(http);
        long userId = admin.get("api/users/me").json().getJsonNumber("userId").longValue();
        long roleId = admin.get("api/roles").jsonStructure().asJsonArray().getJsonObject(0).getJsonNumber("id").longValue();
        long lim01 = locationId(admin, "LIM01");
        long cus02 = locationId(admin, "CUS02");
        TenantIsolation.assertHiddenFromOtherTenant(admin, stranger,
                "api/users/" + userId, "api/roles/" + roleId, "api/locations/" + lim01);
        TenantIsolation.assertHiddenFromOtherTenant(stranger, admin, "api/locations/" + OtherTenant.locationId());

        Http cashier = DemoUsers.CASHIER.signIn(http);
        assertThat(cashier.get("api/locations/" + lim01).status()).isEqualTo(200);
        TenantIsolation.assertNotFound(cashier, "api/locations/" + cus02);
        assertThat(cashier.get("api/locations").body()).contains("LIM01").doesNotContain("CUS02");
    }

    @Test
    void everyChangeWritesOneAuditRowAndStaleEditsAreRefused() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long cus02 = locationId(admin, "CUS02");
        Reply read = admin.get("api/locations/" + cus02);
        String etag = read.header("ETag");
        assertThat(etag).isNotNull();
        long before = auditCount(null, String.valueOf(cus02));

        String body = "{\"code\":\"CUS02\",\"name\":\"Sede Cusco - Centro\",\"timeZone\":\"America/Lima\","
                + "\"sunatEstablishment\":\"0001\",\"invoiceSeries\":\"F002\",\"receiptSeries\":\"B002\","
                + "\"invoiceCreditSeries\":\"FC02\",\"receiptCreditSeries\":\"BC02\",\"active\":true}";
        assertThat(admin.put("api/locations/" + cus02, body).status()).as("If-Match is required").isEqualTo(428);
        Reply updated = admin.put("api/locations/" + cus02, body, "If-Match", etag);
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(admin.put("api/locations/" + cus02, body, "If-Match", etag).status()).as("stale").isEqualTo(412);

        assertThat(auditCount(null, String.valueOf(cus02)) - before).isEqualTo(1);
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select action, user_email, changes::text from audit_log where entity_id = '"
                     + cus02 + "' order by id desc limit 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("location.updated");
            assertThat(rs.getString(2)).isEqualTo("admin@cuadra.demo");
            assertThat(rs.getString(3)).contains("\"before\"").contains("Sede Cusco - Wanchaq")
                    .contains("Sede Cusco - Centro");
        }
    }

    @Test
    void theChainCheckFindsARowAlteredInTheDatabase() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply intact = admin.get("api/audit-log/verification");
        assertThat(intact.json().getBoolean("valid")).as(intact.toString()).isTrue();
        assertThat(admin.get("api/audit-log?action=login.*&size=5").json().getJsonArray("items")).isNotEmpty();

        long tampered;
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("select a.seq from audit_log a join tenants t on t.id = a.tenant_id "
                    + "where t.slug = 'demo' and a.action = 'user.created' order by a.seq limit 1");
            rs.next();
            tampered = rs.getLong(1);
            s.execute("alter table audit_log disable trigger audit_log_no_update");
            s.execute("update audit_log set user_email = 'someone-else@cuadra.demo' where seq = " + tampered
                    + " and tenant_id = (select id from tenants where slug = 'demo')");
            s.execute("alter table audit_log enable trigger audit_log_no_update");
        }
        JsonObject broken = admin.get("api/audit-log/verification").json();
        assertThat(broken.getBoolean("valid")).isFalse();
        assertThat(broken.getJsonNumber("firstBrokenSeq").longValue()).isEqualTo(tampered);
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
            s.execute("alter table audit_log disable trigger audit_log_no_update");
            s.execute("update audit_log set user_email = 'system:demo' where seq = " + tampered
                    + " and tenant_id = (select id from tenants where slug = 'demo')");
            s.execute("alter table audit_log enable trigger audit_log_no_update");
        }
        assertThat(admin.get("api/audit-log/verification").json().getBoolean("valid")).isTrue();
    }

    @Test
    void theDatabaseRefusesToRewriteTheAuditLog() throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.execute("delete from audit_log"))
                    .hasMessageContaining("append-only");
        }
    }

    @Test
    void backOfficeSignInUsersPageAndSignOutInARealBrowser() throws Exception {
        try (Browser browser = new Browser()) {
            String base = io.cuadra.it.support.TestEnvironment.baseUrl();
            browser.open(base).waitForUrl("login.xhtml");
            browser.type("#login\\:email", DemoUsers.ADMIN.email)
                    .type("#login\\:password_input, #login\\:password", DemoUsers.ADMIN.password)
                    .click("#login\\:submit")
                    .waitForText(".cuadra-who", DemoUsers.ADMIN.email);
            browser.open(base + "settings/users.xhtml").waitForText("#users\\:table", "cajero@cuadra.demo");
            assertThat(browser.pageSource()).contains("supervisor@cuadra.demo");
            browser.open(base + "no-such-page.xhtml").waitForText("#error-text", "no existe");
            browser.open(base).waitForText(".cuadra-who", DemoUsers.ADMIN.email);
            browser.click("#nav\\:logout").waitForUrl("login.xhtml");
            browser.open(base + "settings/users.xhtml").waitForUrl("login.xhtml");
        }
    }

    // ---- people: custom roles, templates, username sign-in, settings screens ----

    @Test
    void aRoleClonedFromADefaultIsEditedTakesEffectAtOnceAndIsNotDeletedWhileHeld() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        JsonObject cashierRole = role(admin, "CASHIER");
        Reply cloned = admin.post("api/roles/" + cashierRole.getJsonNumber("id") + "/clone",
                "{\"name\":\"Caja nocturna\"}");
        assertThat(cloned.status()).as(cloned.toString()).isEqualTo(201);
        JsonObject night = cloned.json();
        assertThat(night.getString("code")).startsWith("CUSTOM_");
        assertThat(night.getJsonArray("permissions")).isEqualTo(cashierRole.getJsonArray("permissions"));
        assertThat(admin.post("api/roles/" + cashierRole.getJsonNumber("id") + "/clone",
                "{\"name\":\"caja NOCTURNA\"}").status()).as("names are unique, any case").isEqualTo(409);

        Reply created = admin.post("api/users", "{\"email\":\"nocturna@cuadra.demo\",\"firstName\":\"Noe\","
                + "\"lastName\":\"Turna\",\"password\":\"Nocturna-Cuadra-2026\",\"roles\":[\""
                + night.getString("code") + "\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().getJsonArray("roleNames").getString(0)).isEqualTo("Caja nocturna");
        Http user = DemoUsers.signIn(http, "nocturna@cuadra.demo", "Nocturna-Cuadra-2026");
        assertThat(user.get("api/users").status()).isEqualTo(403);

        // The matrix edited: exactly these permissions, for the same token, at once.
        String roleUrl = "api/roles/" + night.getJsonNumber("id");
        Reply edited = admin.put(roleUrl, "{\"name\":\"Caja de noche\",\"allLocations\":false,\"permissions\":"
                + "[\"users:view\",\"catalog:view\",\"orders:view\"]}", "If-Match", cloned.header("ETag"));
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        assertThat(user.get("api/users").status()).as("users:view granted at once").isEqualTo(200);
        assertThat(user.get("api/users/me").json().getJsonArray("permissions").getValuesAs(
                jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList())
                .containsExactly("catalog:view", "orders:view", "users:view");
        assertThat(user.get("api/customers").status()).as("customers:view taken away").isEqualTo(403);

        Reply held = admin.delete(roleUrl, "If-Match", edited.header("ETag"));
        assertThat(held.status()).as(held.toString()).isEqualTo(409);
        assertThat(held.contentType()).startsWith("application/problem+json");
        assertThat(held.json().getString("detail")).contains("Caja de noche").contains("held by 1 user");

        long userId = created.json().getJsonNumber("id").longValue();
        Reply moved = admin.put("api/users/" + userId, "{\"firstName\":\"Noe\",\"lastName\":\"Turna\","
                + "\"active\":true,\"roles\":[\"CASHIER\"]}", "If-Match",
                admin.get("api/users/" + userId).header("ETag")); // signing in changed the user (last login)
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(admin.delete(roleUrl, "If-Match", edited.header("ETag")).status()).isEqualTo(204);
        assertThat(admin.get(roleUrl).status()).isEqualTo(404);
        assertThat(auditCount("role.created", String.valueOf(night.getJsonNumber("id")))).isEqualTo(1);
        assertThat(auditCount("role.deleted", String.valueOf(night.getJsonNumber("id")))).isEqualTo(1);
    }

    @Test
    void aTemplateSetGivesATenantItsBusinessRolesOnce() throws Exception {
        Http other = OtherTenant.signIn(http);
        Reply templates = other.get("api/roles/templates");
        assertThat(templates.body()).contains("DISTRIBUTOR").contains("Bodega").contains("Laboratorista")
                .contains("Praticien");
        Reply applied = other.post("api/roles/templates/DISTRIBUTOR", "");
        assertThat(applied.status()).as(applied.toString()).isEqualTo(200);
        Reply again = other.post("api/roles/templates/DISTRIBUTOR", "");
        assertThat(again.jsonStructure().asJsonArray()).as("applying twice creates nothing more").isEmpty();
        assertThat(other.get("api/roles").body()).contains("\"Bodega\"").contains("\"Ventas\"")
                .contains("\"Gerente\"");
        assertThat(DemoUsers.ADMIN.signIn(http).get("api/roles").body()).as("only that tenant")
                .doesNotContain("\"Bodega\"");
        assertThat(other.post("api/roles/templates/NOPE", "").status()).isEqualTo(404);
    }

    @Test
    void aUsernameOnlyUserSignsInAsUsernameAtTenantAndAnAdministratorResetsThePassword() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply created = admin.post("api/users", "{\"username\":\"JPerez\",\"firstName\":\"Juan\","
                + "\"lastName\":\"Pérez\",\"password\":\"Bodeguero-Cuadra-2026\",\"roles\":[\"CASHIER\"]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("email")).as("no e-mail").isIn(null, jakarta.json.JsonValue.NULL);
        assertThat(created.json().getString("username")).isEqualTo("jperez");
        assertThat(admin.post("api/users", "{\"username\":\"jperez\",\"firstName\":\"Otro\",\"lastName\":\"Juan\","
                + "\"password\":\"Bodeguero-Cuadra-2026\",\"roles\":[\"CASHIER\"]}").status())
                .as("unique in the tenant").isEqualTo(409);
        assertThat(admin.post("api/users", "{\"firstName\":\"Sin\",\"lastName\":\"Nada\","
                + "\"password\":\"Bodeguero-Cuadra-2026\",\"roles\":[\"CASHIER\"]}").status())
                .as("an e-mail or a username").isEqualTo(422);

        Reply signedIn = login("jperez@demo", "Bodeguero-Cuadra-2026");
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(claims(signedIn.json().getString("accessToken"))).contains("\"upn\":\"jperez\"");
        assertThat(login("jperez", "Bodeguero-Cuadra-2026").status()).as("a bare username names no tenant")
                .isEqualTo(401);
        assertThat(login("jperez@other", "Bodeguero-Cuadra-2026").status()).as("another tenant's slug")
                .isEqualTo(401);

        long id = created.json().getJsonNumber("id").longValue();
        assertThat(http.post("api/auth/password/forgot", "{\"email\":\"jperez@demo\"}").status()).isEqualTo(202);
        long deadline = System.currentTimeMillis() + 20_000;
        while (auditCount("password.reset-refused-no-email", String.valueOf(id)) == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(auditCount("password.reset-refused-no-email", String.valueOf(id))).isEqualTo(1);
        assertThat(auditCount("password.reset-requested", String.valueOf(id))).as("no link: no e-mail").isZero();
        assertThat(admin.post("api/users/" + id + "/password-reset", "").status()).isEqualTo(422);
        assertThat(admin.put("api/users/" + id + "/password", "{\"password\":\"123\"}").status()).isEqualTo(422);
        assertThat(admin.put("api/users/" + id + "/password", "{\"password\":\"Repuesta-Cuadra-2026\"}").status())
                .isEqualTo(204);
        assertThat(login("jperez@demo", "Bodeguero-Cuadra-2026").status()).isEqualTo(401);

        try (Browser browser = new Browser()) {
            String base = io.cuadra.it.support.TestEnvironment.baseUrl();
            browser.open(base).waitForUrl("login.xhtml");
            assertThat(browser.find("label[for='login:email']").getText()).contains("Correo o usuario");
            browser.type("#login\\:email", "jperez@demo")
                    .type("#login\\:password_input, #login\\:password", "Repuesta-Cuadra-2026")
                    .click("#login\\:submit")
                    .waitForText(".cuadra-who", "jperez");
        }
    }

    @Test
    void theAdministratorWalksTheSettingsScreensInABrowser() throws Exception {
        String base = io.cuadra.it.support.TestEnvironment.baseUrl();
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            browser.open(base + "settings/payment-methods.xhtml").waitForText("#methods\\:table", "EFECTIVO");
            browser.type("#methods\\:code", "PLIN")
                    .type("#methods\\:name", "Plin")
                    .choose("#methods\\:kind", "Billetera móvil")
                    .click("#methods\\:save")
                    .waitForText("#methods\\:table", "Plin");
            browser.open(base + "settings/warehouses.xhtml").find("#warehouses\\:table");
            browser.choose("#warehouses\\:location", locationName("LIM01"))
                    .type("#warehouses\\:code", "CAMARA")
                    .type("#warehouses\\:name", "Cámara de frío")
                    .click("#warehouses\\:save")
                    .waitForText("#warehouses\\:table", "Cámara de frío");
            browser.open(base + "settings/operations.xhtml").waitForText("#operations\\:stock", "FIFO");
            browser.click("label[for='operations:picking:1']")
                    .click("#operations\\:saveStock")
                    .waitForText("#operations\\:messages", "Cambios guardados");
            browser.open(base + "settings/roles.xhtml").find("#roles\\:role_label");
            assertThat(browser.pageSource()).contains("Supervisor de sede").doesNotContain("SUPERVISOR ·");
            // The other settings pages render for the administrator, in Spanish.
            browser.open(base + "settings/card-fees.xhtml").waitForText("#fees", "Proveedor");
            browser.open(base + "settings/billing-profile.xhtml").waitForText("#profile", "Forma jurídica");
            browser.open(base + "settings/bank-profiles.xhtml").waitForText("#banks\\:table", "BCP");
            browser.open(base + "settings/company.xhtml").waitForText("#logo", "Logo de la empresa");
        }
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply settings = admin.get("api/inventory/settings");
        try {
            assertThat(settings.json().getString("pickingOrder")).isEqualTo("FIFO");
            assertThat(admin.get("api/payment-methods").body()).contains("\"PLIN\"").contains("MOBILE_WALLET");
            assertThat(admin.get("api/inventory/warehouses").body()).contains("CAMARA");
        } finally {
            admin.put("api/inventory/settings", "{\"neverNegative\":" + settings.json().getBoolean("neverNegative")
                    + ",\"reserveOnRegister\":" + settings.json().getBoolean("reserveOnRegister")
                    + ",\"skipExpiredLots\":" + settings.json().getBoolean("skipExpiredLots")
                    + ",\"expiryAlertDays\":" + settings.json().getInt("expiryAlertDays")
                    + ",\"pickingOrder\":\"FEFO\"}", "If-Match", settings.header("ETag"));
        }
    }

    @Test
    void aLogoIsJudgedByItsContentAndPrintedOnTheInvoicePdf() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply order = admin.post("api/orders", "{\"locationId\":" + locationId(admin, "LIM01")
                + ",\"lines\":[{\"itemCode\":\"LAB-GLU\",\"quantity\":1}],\"payments\":[{\"methodCode\":"
                + "\"EFECTIVO\",\"amount\":1000.00}]}");
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        long invoice = admin.get("api/billing/invoices/by-order/" + order.json().getJsonNumber("id")).json()
                .getJsonObject("summary").getJsonNumber("id").longValue();
        Reply company = admin.get("api/company");
        String etag = company.header("ETag");
        String svgWithScript = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        String demo = "tenant_id = (select id from tenants where slug = 'demo')";
        byte[] logoBefore;
        String typeBefore;
        try (Connection c = TestDatabase.current().connect(); Statement q = c.createStatement();
             ResultSet rs = q.executeQuery("select logo, logo_content_type from companies where " + demo)) {
            rs.next();
            logoBefore = rs.getBytes(1);
            typeBefore = rs.getString(2);
        }
        try {
            Reply script = admin.put("api/company/logo", utf8(svgWithScript), "Content-Type", "image/svg+xml",
                    "If-Match", etag);
            assertThat(script.status()).as(script.toString()).isEqualTo(422);
            assertThat(script.json().getString("detail")).contains("script");
            Reply pdfNamedPng = admin.put("api/company/logo", utf8("%PDF-1.7 not an image"), "Content-Type",
                    "image/png", "If-Match", etag);
            assertThat(pdfNamedPng.status()).as("judged by content, not by the declared type").isEqualTo(422);
            Reply tooBig = admin.put("api/company/logo", utf8("<svg xmlns=\"http://www.w3.org/2000/svg\">"
                    + " ".repeat(600 * 1024) + "</svg>"), "Content-Type", "image/svg+xml", "If-Match", etag);
            assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(422);
            assertThat(tooBig.json().getString("detail")).contains("512 KB");

            Reply svg = admin.put("api/company/logo", utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90\" "
                    + "height=\"30\"><rect width=\"90\" height=\"30\" fill=\"#0a6\"/></svg>"), "Content-Type",
                    "image/svg+xml", "If-Match", etag);
            assertThat(svg.status()).as(svg.toString()).isEqualTo(200);
            assertThat(svg.json().getBoolean("hasLogo")).isTrue();
            Http.Bytes stored = admin.getBytes("api/company/logo");
            assertThat(stored.contentType()).as("an SVG is stored as the PNG it draws").startsWith("image/png");
            Http.Bytes pdf = admin.getBytes("api/billing/invoices/" + invoice + "/pdf?format=ticket");
            assertThat(pdf.status()).isEqualTo(200);
            assertThat(PdfImages.onFirstPage(pdf.body())).as("the logo is on the invoice")
                    .isEqualTo(1);

            Reply removed = admin.delete("api/company/logo", "If-Match", svg.header("ETag"));
            assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
            assertThat(PdfImages.onFirstPage(admin.getBytes("api/billing/invoices/" + invoice
                    + "/pdf?format=ticket").body())).as("without a logo no image (the QR is drawn)").isZero();
        } finally {
            try (Connection c = TestDatabase.current().connect(); PreparedStatement q = c.prepareStatement(
                    "update companies set logo = ?, logo_content_type = ? where " + demo)) {
                q.setBytes(1, logoBefore);
                q.setString(2, typeBefore);
                q.executeUpdate();
            }
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static JsonObject role(Http admin, String code) {
        return admin.get("api/roles").jsonStructure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("code").equals(code)).findFirst().orElseThrow();
    }

    private static String locationName(String code) throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select l.name from locations l join tenants t on t.id = l.tenant_id "
                     + "where t.slug = 'demo' and l.code = '" + code + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Reply login(String email, String password) {
        return http.post("api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private Reply refresh(String token) {
        return http.post("api/auth/refresh", "{\"refreshToken\":\"" + token + "\"}");
    }

    private static long locationId(Http client, String code) {
        return client.get("api/locations").jsonStructure().asJsonArray().getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("code").equals(code)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private static String claims(String jwt) {
        return new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private static long auditCount(String action, String entityId) throws Exception {
        String sql = "select count(*) from audit_log where (? is null or action = ?) and (? is null or entity_id = ?)";
        try (Connection c = TestDatabase.current().connect(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, action);
            q.setString(2, action);
            q.setString(3, entityId);
            q.setString(4, entityId);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
