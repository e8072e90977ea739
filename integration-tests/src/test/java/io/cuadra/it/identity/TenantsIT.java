package io.cuadra.it.identity;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Opening tenants (README, "Opening a tenant"): the platform operator's first-run link, opening a Chilean,
 * a Mexican and a Peruvian tenant over REST with their country packs, the invited administrator choosing a
 * password through the mailed link, suspension (403 for sign-in and for tokens issued before it) and
 * reactivation, and an operator who reads no tenant's business data. Ends with the operator opening a
 * Chilean tenant from the back-office page.
 */
@ExtendWith(ArquillianExtension.class)
class TenantsIT extends CuadraDeployment {

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("cuadra.it.mail.port", 28025), null, "smtp"));

    static final String OPERATOR_EMAIL = "operador@cuadra.demo";
    static final String OPERATOR_PASSWORD = "Operador-Cuadra-2026!";
    /** Set for the test domain in integration-tests/pom.xml (CUADRA_OPERATOR_EMAIL): the first-run step. */
    static final String FIRST_RUN_EMAIL = "root@platform.test";
    private static final Pattern LINK = Pattern.compile("(http\\S+reset-password\\.xhtml\\?token=(\\S+))");

    private final Http http = http();

    @Test
    void operatorOpensChileanMexicanAndPeruvianTenantsOverRestAndTheirInvitedAdminsSignIn() throws Exception {
        Http operator = operator();
        String run = UUID.randomUUID().toString().substring(0, 6);
        Map<String, Opening> openings = new HashMap<>();
        openings.put("CL", new Opening("cl-" + run, "76.086.428-5", "admin-cl-" + run + "@sipud.test"));
        openings.put("MX", new Opening("mx-" + run, "SAT970701NN3", "admin-mx-" + run + "@quenty.test"));
        openings.put("PE", new Opening("pe-" + run, "20131312955", "admin-pe-" + run + "@lab.test"));
        Map<String, Long> ids = new HashMap<>();
        for (var e : openings.entrySet()) {
            String key = "open-" + e.getValue().slug();
            Reply opened = operator.post("api/platform/tenants", body(e.getKey(), e.getValue()), "Idempotency-Key", key);
            assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
            assertThat(opened.header("Location")).endsWith("/api/platform/tenants/" + opened.json().getJsonNumber("id"));
            ids.put(e.getKey(), opened.json().getJsonNumber("id").longValue());
            Reply again = operator.post("api/platform/tenants", body(e.getKey(), e.getValue()), "Idempotency-Key", key);
            assertThat(again.status()).as("a retry with the same key: " + again).isEqualTo(201);
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
            assertThat(again.json().getJsonNumber("id").longValue()).isEqualTo(ids.get(e.getKey()));
        }
        JsonObject chile = operator.get("api/platform/tenants/" + ids.get("CL")).json();
        assertThat(chile.getString("currency")).isEqualTo("CLP");
        assertThat(chile.getString("timeZone")).isEqualTo("America/Santiago");
        assertThat(chile.getString("fiscalRegime")).isEqualTo("INTERNAL_RECEIPT");
        assertThat(chile.getString("taxId")).as("stored normalised").isEqualTo("760864285");
        assertThat(operator.get("api/platform/tenants/" + ids.get("PE")).json().getString("fiscalRegime"))
                .isEqualTo("SUNAT");
        assertThat(countRows("select count(*) from tenants where slug like '%-" + run + "'")).as("opened once each")
                .isEqualTo(3);

        // The invitations leave through the outbox after commit: one per administrator.
        Map<String, String> tokens = invitationTokens(3);
        Map<String, Http> admins = new HashMap<>();
        for (var e : openings.entrySet()) {
            String token = tokens.get(e.getValue().adminEmail());
            assertThat(token).as("invitation of " + e.getValue().adminEmail()).isNotNull();
            assertThat(http.post("api/auth/login", login(e.getValue().adminEmail(), "Elegida-Cuadra-2026")).status())
                    .as("no password before the invitation is used").isEqualTo(401);
            Reply chosen = http.post("api/auth/password/reset",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"Elegida-Cuadra-2026\"}");
            assertThat(chosen.status()).as(chosen.toString()).isEqualTo(204);
            assertThat(http.post("api/auth/password/reset",
                    "{\"token\":\"" + token + "\",\"newPassword\":\"Otra-Vez-Cuadra-2026\"}").status())
                    .as("single use").isEqualTo(422);
            admins.put(e.getKey(), DemoUsers.signIn(http, e.getValue().adminEmail(), "Elegida-Cuadra-2026"));
        }

        // Each tenant starts with its country pack: tax rates, payment methods, a location with its series.
        assertThat(names(array(admins.get("CL").get("api/catalog/tax-rates")), "name"))
                .containsExactlyInAnyOrder("IVA 19 %", "Exento");
        assertThat(names(array(admins.get("MX").get("api/catalog/tax-rates")), "name"))
                .containsExactlyInAnyOrder("IVA 16 %", "IVA 0 %", "Exento");
        assertThat(names(array(admins.get("PE").get("api/catalog/tax-rates")), "name"))
                .containsExactlyInAnyOrder("IGV 18%", "Exonerado", "Inafecto");
        assertThat(names(array(admins.get("CL").get("api/payment-methods")), "code"))
                .containsExactly("EFECTIVO", "REDCOMPRA", "TRANSFERENCIA");
        assertThat(names(array(admins.get("MX").get("api/payment-methods")), "code"))
                .containsExactly("EFECTIVO", "TARJETA", "SPEI");
        JsonArray peLocations = array(admins.get("PE").get("api/locations"));
        assertThat(peLocations).hasSize(1);
        assertThat(peLocations.getJsonObject(0).getString("invoiceSeries")).isEqualTo("F001");
        assertThat(peLocations.getJsonObject(0).getString("receiptSeries")).isEqualTo("B001");
        JsonObject clLocation = array(admins.get("CL").get("api/locations")).getJsonObject(0);
        assertThat(clLocation.getString("code")).isEqualTo("SEDE01");
        assertThat(clLocation.getString("name")).isEqualTo("Casa matriz");
        assertThat(clLocation.getString("timeZone")).isEqualTo("America/Santiago");
        assertThat(clLocation.getString("receiptSeries")).isEqualTo("B001");
        JsonObject mxCompany = admins.get("MX").get("api/company").json();
        assertThat(mxCompany.getString("currency")).isEqualTo("MXN");
        assertThat(mxCompany.getString("taxId")).isEqualTo("SAT970701NN3");
        assertThat(mxCompany.getJsonNumber("defaultTaxPercent").bigDecimalValue()).isEqualByComparingTo("16");
        assertThat(names(array(admins.get("CL").get("api/roles")), "code")).contains("ADMIN", "CASHIER");
        assertThat(admins.get("CL").get("api/orders").status()).as("the admin works in the new tenant").isEqualTo(200);

        // The languages chosen at opening stay editable in the tenant's own settings (If-Match, es/en/fr only).
        Reply languages = admins.get("MX").get("api/company/languages");
        assertThat(languages.status()).as(languages.toString()).isEqualTo(200);
        assertThat(names(languages.json().getJsonArray("languages"))).containsExactly("es");
        assertThat(admins.get("MX").put("api/company/languages", "{\"languages\":[\"en\",\"es\"]}").status())
                .as("no If-Match").isEqualTo(428);
        Reply german = admins.get("MX").put("api/company/languages", "{\"languages\":[\"es\",\"de\"]}",
                "If-Match", languages.header("ETag"));
        assertThat(german.status()).as(german.toString()).isEqualTo(422);
        assertThat(german.contentType()).startsWith("application/problem+json");
        Reply changed = admins.get("MX").put("api/company/languages", "{\"languages\":[\"en\",\"es\"]}",
                "If-Match", languages.header("ETag"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getString("defaultLanguage")).isEqualTo("en");
        assertThat(countRows("select count(*) from tenants where id = " + ids.get("MX") + " and languages = 'en,es'"))
                .isEqualTo(1);
        assertThat(admins.get("MX").put("api/company/languages", "{\"languages\":[\"fr\"]}",
                "If-Match", languages.header("ETag")).status()).as("a stale version").isEqualTo(412);

        // Refusals: a RUT with a wrong check digit, an unknown country, a taken slug, a reused key.
        Reply badRut = operator.post("api/platform/tenants", body("CL", new Opening("bad-" + run, "76.086.428-4",
                "x-" + run + "@sipud.test")));
        assertThat(badRut.status()).as(badRut.toString()).isEqualTo(422);
        assertThat(badRut.contentType()).startsWith("application/problem+json");
        assertThat(badRut.body()).contains("RUT check character should be 5");
        assertThat(operator.post("api/platform/tenants", body("AR", new Opening("ar-" + run, "20-1", "y@x.test")))
                .status()).isEqualTo(422);
        assertThat(operator.post("api/platform/tenants", body("CL", openings.get("CL"))).status())
                .as("slug taken").isEqualTo(409);
        assertThat(operator.post("api/platform/tenants", body("CL", new Opening("other-" + run, "76.086.428-5",
                "z-" + run + "@sipud.test")), "Idempotency-Key", "open-" + openings.get("CL").slug()).status())
                .as("a key reused for another request").isEqualTo(422);
        assertThat(countRows("select count(*) from tenants where slug in ('bad-" + run + "', 'other-" + run + "')"))
                .isZero();
    }

    @Test
    void aSuspendedTenantsSignInAndEveryTokenGet403UntilReactivated() throws Exception {
        Http operator = operator();
        String run = UUID.randomUUID().toString().substring(0, 6);
        Opening o = new Opening("susp-" + run, "12.345.678-5", "admin-susp-" + run + "@sipud.test");
        Reply opened = operator.post("api/platform/tenants", body("CL", o));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long id = opened.json().getJsonNumber("id").longValue();
        String token = invitationTokens(1).get(o.adminEmail());
        assertThat(http.post("api/auth/password/reset", "{\"token\":\"" + token
                + "\",\"newPassword\":\"Suspendida-Cuadra-2026\"}").status()).isEqualTo(204);
        Reply tokens = http.post("api/auth/login", login(o.adminEmail(), "Suspendida-Cuadra-2026"));
        Http before = http.as(tokens.json().getString("accessToken"));
        assertThat(before.get("api/orders").status()).isEqualTo(200);

        assertThat(operator.post("api/platform/tenants/" + id + "/suspension", "{}").status())
                .as("a reason is required").isEqualTo(400);
        Reply suspended = operator.post("api/platform/tenants/" + id + "/suspension",
                "{\"reason\":\"Facturas impagas desde septiembre\"}");
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        assertThat(suspended.json().getBoolean("active")).isFalse();
        assertThat(operator.post("api/platform/tenants/" + id + "/suspension", "{\"reason\":\"again\"}").status())
                .isEqualTo(409);

        Reply refused = before.get("api/orders");
        assertThat(refused.status()).as("a token issued before the suspension: " + refused).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getString("type")).endsWith("tenant-suspended");
        assertThat(refused.json().getString("detail")).contains("suspended");
        Reply login = http.post("api/auth/login", login(o.adminEmail(), "Suspendida-Cuadra-2026"));
        assertThat(login.status()).as(login.toString()).isEqualTo(403);
        assertThat(login.json().getString("type")).endsWith("tenant-suspended");
        assertThat(http.post("api/auth/login", login(o.adminEmail(), "Wrong-Password-2026")).status())
                .as("a wrong password learns nothing of the suspension").isEqualTo(401);
        assertThat(http.post("api/auth/refresh", "{\"refreshToken\":\"" + tokens.json().getString("refreshToken")
                + "\"}").status()).isEqualTo(401);
        assertThat(DemoUsers.ADMIN.signIn(http).get("api/orders").status()).as("other tenants go on").isEqualTo(200);

        Reply reactivated = operator.delete("api/platform/tenants/" + id + "/suspension");
        assertThat(reactivated.status()).as(reactivated.toString()).isEqualTo(200);
        assertThat(reactivated.json().getBoolean("active")).isTrue();
        assertThat(DemoUsers.signIn(http, o.adminEmail(), "Suspendida-Cuadra-2026").get("api/orders").status())
                .isEqualTo(200);
        assertThat(before.get("api/orders").status()).as("sessions ended by the suspension stay ended").isEqualTo(401);
        assertThat(countRows("select count(*) from audit_log where tenant_id = " + id
                + " and entity_type = 'Tenant' and changes like '%Facturas impagas%'"))
                .as("the tenant's own log names the suspension").isPositive();
    }

    @Test
    void theOperatorManagesTenantsAndReadsNoTenantsBusinessData() throws Exception {
        Http operator = operator();
        assertThat(operator.get("api/platform/tenants").status()).isEqualTo(200);
        assertThat(names(array(operator.get("api/platform/country-packs")), "country"))
                .containsExactly("PE", "FR", "CL", "MX");
        for (String path : List.of("api/orders", "api/customers", "api/users/me", "api/locations", "api/company",
                "api/catalog/items", "api/audit-log")) {
            Reply r = operator.get(path);
            assertThat(r.status()).as("operator on " + path + ": " + r).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        // Nor one order by its id, whose number and customer stay out of the answer.
        long orderId = countRows("select min(id) from orders where tenant_id = (select id from tenants where slug = 'demo')");
        String number = text("select number from orders where id = " + orderId);
        Reply order = operator.get("api/orders/" + orderId);
        assertThat(order.status()).as("operator on an order of the demo tenant: " + order).isEqualTo(403);
        assertThat(order.body()).doesNotContain(number);
        assertThat(DemoUsers.ADMIN.signIn(http).get("api/orders/" + orderId).status()).as("its own admin reads it")
                .isEqualTo(200);
        Reply page = http.get("platform/tenants.xhtml");
        assertThat(page.status()).as("no session").isEqualTo(302);
        assertThat(page.header("Location")).as("the operator's own sign-in page").contains("platform/login.xhtml");
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply tenantUser = admin.get("api/platform/tenants");
        assertThat(tenantUser.status()).as("a tenant's admin is no operator: " + tenantUser).isEqualTo(403);
        assertThat(admin.post("api/platform/tenants/1/suspension", "{\"reason\":\"x\"}").status()).isEqualTo(403);
        assertThat(http.get("api/platform/tenants").status()).isEqualTo(401);
        assertThat(http.post("api/platform/auth/login", login(OPERATOR_EMAIL, "Not-The-Password-1")).status())
                .isEqualTo(401);
        assertThat(http.post("api/auth/login", login(OPERATOR_EMAIL, OPERATOR_PASSWORD)).status())
                .as("an operator is no tenant user").isEqualTo(401);
    }

    @Test
    void theFirstRunLinkInTheServerLogSetsTheOperatorsPasswordOnce() throws Exception {
        Path log = Path.of(System.getProperty("payara.home"), "glassfish/domains", TestEnvironment.DOMAIN,
                "logs/server.log");
        Matcher m = Pattern.compile("Platform operator " + Pattern.quote(FIRST_RUN_EMAIL)
                + ": choose the password within 24 hours at (\\S+set-password\\.xhtml\\?token=([\\w-]+))")
                .matcher(Files.readString(log));
        String token = null;
        String link = null;
        while (m.find()) {
            link = m.group(1);
            token = m.group(2);
        }
        assertThat(token).as("the first-run link is printed in " + log).isNotNull();
        assertThat(http.get(link.substring(TestEnvironment.baseUrl().length())).status()).isEqualTo(200);
        assertThat(http.post("api/platform/auth/password", "{\"token\":\"" + token + "\",\"password\":\"short\"}")
                .status()).as("the password policy holds").isEqualTo(422);
        assertThat(http.post("api/platform/auth/password", "{\"token\":\"" + token
                + "\",\"password\":\"Primera-Vez-Plataforma-2026\"}").status()).isEqualTo(204);
        assertThat(http.post("api/platform/auth/password", "{\"token\":\"" + token
                + "\",\"password\":\"Segunda-Vez-Plataforma-2026\"}").status()).as("single use").isEqualTo(422);
        Reply signedIn = http.post("api/platform/auth/login", login(FIRST_RUN_EMAIL, "Primera-Vez-Plataforma-2026"));
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        Http first = http.as(signedIn.json().getString("accessToken"));
        assertThat(first.get("api/platform/tenants").status()).isEqualTo(200);
        // The operator's own account: a new password needs the current one, and ends the operator's tokens.
        Reply wrong = first.post("api/platform/auth/password/change",
                "{\"currentPassword\":\"Not-It-2026\",\"newPassword\":\"Cambiada-Plataforma-2026\"}");
        assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(first.post("api/platform/auth/password/change", "{\"currentPassword\":\"Primera-Vez-Plataforma-2026\","
                + "\"newPassword\":\"Cambiada-Plataforma-2026\"}").status()).isEqualTo(204);
        assertThat(first.get("api/platform/tenants").status()).as("the change ends the token").isEqualTo(401);
        assertThat(http.post("api/platform/auth/login", login(FIRST_RUN_EMAIL, "Primera-Vez-Plataforma-2026")).status())
                .isEqualTo(401);
        Reply again = http.post("api/platform/auth/login", login(FIRST_RUN_EMAIL, "Cambiada-Plataforma-2026"));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("api/platform/auth/login", login(FIRST_RUN_EMAIL, "Wrong-Guess-" + i)).status())
                    .isEqualTo(401);
        }
        assertThat(http.post("api/platform/auth/login", login(FIRST_RUN_EMAIL, "Cambiada-Plataforma-2026")).status())
                .as("five failures in 15 minutes: refused even with the right password").isEqualTo(401);
    }

    /**
     * "Done when" 1, in a browser: the operator opens a Chilean tenant from the page (its administrator gets a
     * username and the DISTRIBUTOR roles), the mailed link sets the password, the administrator signs in as
     * username@slug, adds a payment method and an item with IVA 19 %, sells at the counter with two partial
     * payments (a numbered internal receipt, whole pesos), counts the drawer to the peso and closes the day.
     * Then the same for a French tenant in a browser set to French, whose sale produces a facture.
     */
    @Test
    void theOperatorOpensAChileanAndAFrenchTenantFromTheBackOfficeAndEachSellsAndClosesItsDay() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 6);
        walk(new Walk("cl-" + run, "CL", "es-CL", "es-CL,es", "76.086.428-5", "crojas", "DISTRIBUTOR",
                "Billetera móvil", "MACH", "IVA 19 %", "11900", "5000", "6900",
                Map.of("5000", "NOTE", "1000", "NOTE", "500", "COIN"), Map.of("100", 4),
                "Comprobante de venta", "Cerrado"), "Bodega");
        walk(new Walk("fr-" + run, "FR", "fr-FR", "fr-FR,fr", "73282932000074", "cmartin", "CLINIC",
                "Portefeuille mobile", "LYDIA", "TVA 20 %", "120", "50", "70",
                Map.of("50", "NOTE", "20", "NOTE"), Map.of(), "Facture", "Clôturée"), "Praticien");
    }

    /** What differs between the Chilean and the French walk: the country's data and the words people see. */
    private record Walk(String slug, String country, String language, String acceptLanguages, String taxId,
                        String username, String roleTemplate, String walletKind, String walletCode, String taxRate,
                        String price, String firstPayment, String cashPayment, Map<String, String> onePieceOf,
                        Map<String, Integer> piecesOf, String documentKind, String closedStatus) {
    }

    private void walk(Walk w, String templateRole) throws Exception {
        String base = TestEnvironment.baseUrl();
        String password = "Camila-Cuadra-2026!";
        boolean chile = "CL".equals(w.country());
        long closureId;
        try (Browser browser = new Browser(w.language(), w.acceptLanguages())) {
            browser.open(base + "platform/tenants.xhtml").waitForUrl("platform/login.xhtml");
            browser.type("#oplogin\\:email", OPERATOR_EMAIL).type("#oplogin\\:password", OPERATOR_PASSWORD)
                    .click("#oplogin\\:submit").waitForUrl("platform/tenants.xhtml");
            new Select(browser.find("#opening\\:country")).selectByValue(w.country());
            new Select(browser.find("#opening\\:roleTemplate")).selectByValue(w.roleTemplate());
            browser.type("#opening\\:slug", w.slug())
                    .type("#opening\\:legalName", "Empresa " + w.slug())
                    .type("#opening\\:taxId", w.taxId())
                    .type("#opening\\:address", "Calle Principal 100")
                    .type("#opening\\:adminEmail", "admin@" + w.slug() + ".test")
                    .type("#opening\\:adminFirstName", "Camila")
                    .type("#opening\\:adminLastName", "Rojas")
                    .type("#opening\\:adminUsername", w.username())
                    .click("#opening\\:open")
                    .waitForText("#list\\:tenants", w.slug());
            assertThat(browser.policyViolations()).isEmpty();
            browser.click("#operator\\:logout").waitForUrl("platform/login.xhtml");

            // The invitation link from the mail stand-in sets the password; then sign-in by username@slug.
            String token = invitationTokenOf("admin@" + w.slug() + ".test");
            browser.open(base + "reset-password.xhtml?token=" + token)
                    .type("#reset\\:password_input, #reset\\:password", password)
                    .click("#reset\\:submit").waitForUrl("login.xhtml");
            browser.type("#login\\:email", w.username() + "@" + w.slug())
                    .type("#login\\:password_input, #login\\:password", password)
                    .click("#login\\:submit")
                    .waitForText(".cuadra-who", w.slug()); // admin@<slug>.test: the header names the user by e-mail

            // The roles of the seed business, by their names.
            browser.open(base + "settings/roles.xhtml").find("#roles\\:role_label");
            assertThat(browser.pageSource()).contains(templateRole);

            // A payment method of its own, then an item at the country's standard rate.
            browser.open(base + "settings/payment-methods.xhtml").find("#methods\\:table");
            browser.type("#methods\\:code", w.walletCode())
                    .type("#methods\\:name", w.walletCode())
                    .choose("#methods\\:kind", w.walletKind())
                    .click("#methods\\:save")
                    .waitForText("#methods\\:table", w.walletCode());
            String code = "SRV-" + w.country();
            browser.open(base + "catalog/item.xhtml").find("#item\\:code");
            browser.choose("#item\\:type", chile ? "Servicio" : "Service")
                    .type("#item\\:code", code)
                    .type("#item\\:name", "Servicio " + w.country())
                    .type("#item\\:price", w.price())
                    .choose("#item\\:taxRate", w.taxRate() + " (" + w.country() + ", 10)")
                    .click("#item\\:create")
                    .waitForUrl("catalog/item.xhtml?id=");
            if (!chile) {
                // A facture names the seller's legal mentions: the billing profile is filled in first.
                browser.open(base + "settings/billing-profile.xhtml").find("#profile\\:legalForm");
                browser.type("#profile\\:legalForm", "SAS")
                        .type("#profile\\:capital", "10000")
                        .type("#profile\\:siret", w.taxId())
                        .type("#profile\\:rcs", "Lyon")
                        .type("#profile\\:vat", "FR44732829320")
                        .click("#profile\\:save")
                        .waitForText("#profile\\:messages", "enregistr");
            }

            // The counter: the item, two partial payments (the wallet, then cash for the rest).
            browser.open(base + "orders/counter.xhtml").find("#counter\\:item_input").sendKeys(code, Keys.ENTER);
            waitForAmount(browser, "#counter\\:total", w.price(), chile);
            String shownTotal = browser.find("#counter\\:total").getText();
            if (chile) {
                assertThat(shownTotal).as("the peso has no cents").doesNotContainPattern("[.,]\\d{2}$");
            }
            browser.click("#counter\\:addPayment");
            new Select(browser.find("#counter\\:pay\\:0\\:method")).selectByValue(w.walletCode());
            browser.waitForAjaxIdle(); // the method's change re-renders the payment row
            enter(browser, "#counter\\:pay\\:0\\:amount", w.firstPayment());
            browser.waitForAjaxIdle();
            waitForAmount(browser, "#counter\\:balance", w.cashPayment(), chile);
            browser.click("#counter\\:addPayment");
            assertThat(new Select(browser.find("#counter\\:pay\\:1\\:method")).getFirstSelectedOption()
                    .getAttribute("value")).isEqualTo(chile ? "EFECTIVO" : "ESPECES");
            waitForAmount(browser, "#counter\\:balance", "0", chile);
            browser.click("#counter\\:register");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                    !d.findElements(By.id("counter:lastOrder")).isEmpty()
                            || !d.findElements(By.cssSelector("#counter\\:messages .ui-messages-error")).isEmpty());
            assertThat(browser.driver().findElements(By.id("counter:lastOrder"))).as("registered; the form says: "
                    + browser.find("#counter\\:messages").getAttribute("textContent")).hasSize(1);

            // The order page shows it paid and its fiscal document, numbered.
            browser.click("#counter\\:lastOrder").waitForUrl("orders/order.xhtml?id=");
            String document = browser.find("#order\\:invoice\\:0\\:document").getText();
            assertThat(browser.find(".cuadra-invoice").getText()).contains(w.documentKind());
            if (chile) {
                assertThat(document).as("the first internal receipt of the location").matches("RV-0*1");
            } else {
                assertThat(document).as("the first facture").matches("F001-0*1");
            }

            // The day is calculated, the drawer counted to the peso (or cent), and closed.
            browser.open(base + "reconciliation/closures.xhtml").find("#closures\\:run");
            browser.click("#closures\\:run").waitForAjaxIdle();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(2)).until(d -> {
                d.navigate().refresh();
                return !d.findElements(By.cssSelector("#closures\\:table a.closure-link")).isEmpty();
            });
            browser.click("#closures\\:table a.closure-link").waitForUrl("reconciliation/closure.xhtml?id=");
            waitForAmount(browser, "#closure\\:expectedCash", w.cashPayment(), chile);
            for (var piece : w.onePieceOf().entrySet()) {
                browser.type(denomination(piece.getKey(), piece.getValue(), chile), "1");
            }
            for (var coins : w.piecesOf().entrySet()) {
                browser.type(denomination(coins.getKey(), "COIN", chile), Integer.toString(coins.getValue()));
            }
            browser.click("#closure\\:expectedCash").click("#closure\\:saveCount");
            waitForAmount(browser, "#closure\\:countedCash", w.cashPayment(), chile);
            browser.type("#closure\\:notes", "OK " + w.slug())
                    .click("#closure\\:close").click(".ui-confirmdialog-yes")
                    .waitForText("#closure\\:status", w.closedStatus());
            assertThat(browser.find("html").getAttribute("lang")).as("the page's language")
                    .isEqualTo(w.language().substring(0, 2));
            closureId = Long.parseLong(browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1"));
        }
        // The closure report prints the day's amounts at the currency's digits, the tax id under its country's name.
        Http admin = DemoUsers.signIn(http, w.username() + "@" + w.slug(), password);
        Http.Bytes pdf = admin.getBytes("api/reconciliation/closures/" + closureId + "/export?format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            if (chile) {
                assertThat(text).contains("RUT 760864285", "6.900").doesNotContain("6900.00", "6.900,00");
            } else {
                assertThat(text).contains("SIRET 73282932000074", "70,00");
            }
        }
        assertThat(countRows("select count(*) from tenants t join companies c on c.tenant_id = t.id where t.slug = '"
                + w.slug() + "' and c.country = '" + w.country() + "'")).isEqualTo(1);
        assertThat(countRows("select count(*) from daily_closures cl join tenants t on t.id = cl.tenant_id where t.slug = '"
                + w.slug() + "' and cl.status = 'CLOSED' and cl.counted_cash = cl.expected_cash and cl.expected_cash = "
                + w.cashPayment())).as("the day closed, its drawer counted as expected").isEqualTo(1);
    }

    /** Waits until an amount shown reads {@code amount} (digits only: 11.900 and 11900 alike; 70,00 as 70). */
    private static void waitForAmount(Browser browser, String css, String amount, boolean noCents) {
        String digits = noCents || amount.equals("0") ? amount : amount + "00";
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> {
                    String text = d.findElement(By.cssSelector(css)).getText().replaceAll("\\D", "");
                    return text.replaceFirst("^0+(?=.)", "").equals(digits.replaceFirst("^0+(?=.)", ""))
                            || (amount.equals("0") && text.matches("0+"));
                });
    }

    /** The drawer sheet's input for one denomination: its key is at the currency's digits (5000-NOTE, 50.00-NOTE). */
    private static String denomination(String value, String form, boolean noCents) {
        return "input[data-denomination='" + value + (noCents ? "" : ".00") + "-" + form + "']";
    }

    /** Replaces a field's value and confirms it with Enter (the counter prices the draft again). */
    private static void enter(Browser browser, String css, String text) {
        WebElement field = browser.find(css);
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text, Keys.ENTER);
    }

    private Http operator() {
        Reply r = http.post("api/platform/auth/login", login(OPERATOR_EMAIL, OPERATOR_PASSWORD));
        assertThat(r.status()).as("operator sign-in: " + r).isEqualTo(200);
        return http.as(r.json().getString("accessToken"));
    }

    private static String login(String email, String password) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";
    }

    private static String body(String country, Opening o) {
        return "{\"slug\":\"" + o.slug() + "\",\"legalName\":\"Empresa " + o.slug() + " S.A.\",\"taxId\":\"" + o.taxId()
                + "\",\"address\":\"Calle Principal 100\",\"country\":\"" + country + "\",\"admin\":{\"email\":\""
                + o.adminEmail() + "\",\"firstName\":\"Ana\",\"lastName\":\"Pérez\"}}";
    }

    /**
     * The token of the invitation mailed to {@code recipient}, waiting up to 90 s for it: other mails (a
     * backlog of the outbox, other tests' invitations) may arrive before it.
     */
    private static String invitationTokenOf(String recipient) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        do {
            String token = invitationTokens(0).get(recipient);
            if (token != null) {
                return token;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < until);
        throw new AssertionError("No invitation reached " + recipient + " within 90 s");
    }

    /** The tokens of the invitation mails received, by recipient; waits for {@code count} mails. */
    private static Map<String, String> invitationTokens(int count) throws Exception {
        assertThat(MAIL.waitForIncomingEmail(60_000, count)).as(count + " invitation mails").isTrue();
        Map<String, String> tokens = new HashMap<>();
        for (MimeMessage mail : MAIL.getReceivedMessages()) {
            Matcher link = LINK.matcher(mail.getContent().toString());
            if (link.find()) {
                tokens.put(mail.getAllRecipients()[0].toString(), link.group(2));
            }
        }
        return tokens;
    }

    private static JsonArray array(Reply r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return (JsonArray) r.jsonStructure();
    }

    private static List<String> names(JsonArray array) {
        return array.getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    private static List<String> names(JsonArray array, String field) {
        return array.getValuesAs(JsonObject.class).stream().map(o -> o.getString(field)).toList();
    }

    private static long countRows(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private record Opening(String slug, String taxId, String adminEmail) {
    }
}
