package io.cuadra.it.platform;

import io.cuadra.it.support.JsonMoney;
import io.cuadra.it.inventory.InventoryIT;
import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.JsonMoney;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The back office as people see it, in headless Chromium against the deployed EAR: axe-core on every
 * page (administrator and cashier), the menus each role is offered, the home page's figures per role,
 * a count that names who can confirm it, the phone layout, the loading indicator, and the accountant
 * counting the drawer and closing the day. Screenshots go to target/screenshots for review.
 */
@ExtendWith(ArquillianExtension.class)
class BackOfficeIT extends CuadraDeployment {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final List<String> SETTINGS = List.of("payment-methods", "card-fees", "warehouses", "operations",
            "billing-profile", "bank-profiles", "roles", "users", "company", "locations");

    private final Http http = http();

    @Test
    void everyBackOfficePageHasNoSeriousOrCriticalAccessibilityViolationAndTheLoadingIndicatorForTheAdminAndTheCashier() throws Exception {
        Map<String, List<String>> found = new LinkedHashMap<>();
        List<String> withoutIndicator = new ArrayList<>();
        try (Browser anonymous = new Browser()) {
            anonymous.open(TestEnvironment.baseUrl() + "login.xhtml").waitForUrl("login.xhtml");
            record(found, "anonymous login.xhtml", anonymous.seriousAccessibilityViolations());
        }
        for (DemoUsers user : List.of(DemoUsers.ADMIN, DemoUsers.CASHIER)) {
            try (Browser browser = Browser.signedIn(user)) {
                List<String> visited = crawl(browser);
                assertThat(visited).as("pages reached as " + user).hasSizeGreaterThan(5);
                if (user == DemoUsers.ADMIN) {
                    assertThat(visited).as("the settings pages are checked too").containsAll(SETTINGS.stream()
                            .map(page -> TestEnvironment.baseUrl() + "settings/" + page + ".xhtml").toList());
                }
                System.out.println("[axe] " + user + ": " + visited.size() + " pages checked");
                for (String page : visited) {
                    browser.open(page);
                    record(found, user + " " + page.substring(TestEnvironment.baseUrl().length()),
                            browser.seriousAccessibilityViolations());
                    if (browser.driver().findElements(By.id("busy_start")).isEmpty()) {
                        withoutIndicator.add(page);
                    }
                }
            }
        }
        assertThat(found).as("serious or critical axe-core violations per page").isEmpty();
        assertThat(withoutIndicator).as("pages without the global loading indicator").isEmpty();
    }

    @Test
    void aRequiredValueIsAskedForBesideItsInputInSpanishAndTheFormKeepsWhatWasTyped() throws Exception {
        try (Browser admin = Browser.signedIn(DemoUsers.ADMIN)) {
            admin.open(TestEnvironment.baseUrl() + "settings/bank-profiles.xhtml").find("#banks\\:code");
            assertThat(admin.find("#banks\\:headerRows").getAttribute("type")).as("a whole number").isEqualTo("number");
            assertThat(admin.driver().findElements(By.cssSelector("#banks\\:editor .formgrid .field label[for]")))
                    .as("labels on the grid, bound to their inputs").hasSizeGreaterThan(10);
            String code = "BK" + SEQ.incrementAndGet() + System.nanoTime() % 100_000;
            admin.type("#banks\\:code", code).type("#banks\\:currency", "PEN").type("#banks\\:csvSeparator", ";")
                    .type("#banks\\:datePattern", "dd/MM/yyyy").type("#banks\\:decimalSeparator", ".")
                    .type("#banks\\:headerRows", "1").type("#banks\\:dateColumn", "1")
                    .type("#banks\\:descriptionColumn", "2");
            // A value left out: the required message beside the input, in Spanish
            admin.click("#banks\\:save").waitForText("#banks\\:name_fieldMessage", "obligatorio");
            assertThat(admin.driver().findElement(By.id("banks:messages")).getText()).as("not repeated on top")
                    .doesNotContain("obligatorio");
            // What was typed stays to be corrected
            assertThat(admin.find("#banks\\:code").getAttribute("value")).isEqualTo(code);
            assertThat(admin.find("#banks\\:currency").getAttribute("value")).isEqualTo("PEN");

            // A rule of the business (one signed amount column, or a credit and a debit one): beside the amount
            // column, in Spanish, not in the banner; what was typed stays; nothing stored
            admin.type("#banks\\:name", "Banco de prueba " + code).type("#banks\\:amountColumn", "3")
                    .type("#banks\\:creditColumn", "4").type("#banks\\:debitColumn", "");
            admin.click("#banks\\:save").waitForText("#banks\\:amountColumn_fieldMessage", "columna de monto con signo");
            assertThat(admin.driver().findElement(By.id("banks:messages")).getText()).as("not repeated on top")
                    .doesNotContain("columna de monto");
            assertThat(admin.find("#banks\\:creditColumn").getAttribute("value")).isEqualTo("4");
            assertThat(admin.find("#banks\\:amountColumn").getAttribute("value")).as("the refused input too").isEqualTo("3");
            assertThat(bankProfiles(code)).isZero();

            // Corrected (one signed amount column): saved, said so, and listed
            admin.type("#banks\\:creditColumn", "");
            admin.click("#banks\\:save");
            try {
                admin.waitForText("#banks\\:messages", "Cambios guardados");
            } catch (org.openqa.selenium.TimeoutException e) {
                admin.screenshot("bank-profile-not-saved", 1440, 900);
                throw new AssertionError("not saved after the correction; stored: " + bankProfiles(code)
                        + " | banner: " + admin.script("return document.getElementById('banks:messages').textContent")
                        + " | beside: " + admin.script("return [...document.querySelectorAll('#banks .ui-message')]"
                                + ".map(m => m.id + '=' + m.textContent).join('; ')")
                        + " | columns: " + admin.script("return ['amountColumn','creditColumn','debitColumn']"
                                + ".map(i => i + '=' + document.getElementById('banks:' + i).value).join(', ')")
                        + " | table: " + admin.script("return document.getElementById('banks:table').textContent"), e);
            }
            assertThat(bankProfiles(code)).isEqualTo(1);
            assertThat(admin.find("#banks\\:table").getText()).contains(code, "Banco de prueba " + code);
            assertThat(admin.driver().findElements(By.id("banks:amountColumn_fieldMessage"))).as("the old refusal gone")
                    .isEmpty();
        }
    }

    private static long bankProfiles(String code) {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from bank_profiles where code = '" + code + "'")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void eachRoleIsOfferedOnlyWhatItMayDo() throws Exception {
        String base = TestEnvironment.baseUrl();
        try (Browser cashier = Browser.signedIn(DemoUsers.CASHIER)) {
            List<String> menu = menu(cashier);
            assertThat(menu).anyMatch(h -> h.contains("orders/counter.xhtml")).anyMatch(h -> h.contains("reconciliation/closures.xhtml"))
                    .noneMatch(h -> h.contains("reconciliation/bank.xhtml")).noneMatch(h -> h.contains("reconciliation/jobs.xhtml"))
                    .noneMatch(h -> h.contains("settings/users.xhtml"));
            // Not offered, and not reachable by typing the address either.
            cashier.open(base + "reconciliation/bank.xhtml");
            assertThat(cashier.pageSource()).doesNotContain("id=\"upload\"");
            cashier.open(base + "reconciliation/jobs.xhtml");
            assertThat(cashier.driver().findElements(By.id("jobs:table"))).isEmpty();
        }
        Reply imported = DemoUsers.CASHIER.signIn(http).post("api/reconciliation/bank-statements",
                "{\"profileId\":1,\"accountNumber\":\"191-1\",\"fileName\":\"a.csv\",\"content\":\"YQ==\"}");
        assertThat(imported.status()).as("importing a statement needs reconciliation:edit").isEqualTo(403);
        try (Browser clerk = Browser.signedIn(DemoUsers.WAREHOUSE)) {
            assertThat(menu(clerk)).anyMatch(h -> h.contains("inventory/stock.xhtml")).anyMatch(h -> h.contains("inventory/counts.xhtml"))
                    .anyMatch(h -> h.contains("purchasing/receive.xhtml"))
                    .noneMatch(h -> h.contains("reconciliation/")).noneMatch(h -> h.contains("orders/counter.xhtml"));
        }
        try (Browser accountant = Browser.signedIn(DemoUsers.ACCOUNTANT)) {
            assertThat(menu(accountant)).anyMatch(h -> h.contains("reconciliation/closures.xhtml"))
                    .anyMatch(h -> h.contains("reconciliation/bank.xhtml")).noneMatch(h -> h.contains("orders/counter.xhtml"));
            accountant.open(base + "reconciliation/bank.xhtml");
            accountant.find("#upload\\:import");
        }
    }

    @Test
    void theHomePageShowsEachRoleTheFiguresItStartsTheDayWith() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        try (NewLocation loc = NewLocation.create(admin)) {
            theHomePageShowsEachRoleItsFigures(admin, loc);
        }
    }

    private static void theHomePageShowsEachRoleItsFigures(Http admin, NewLocation loc) throws Exception {
        BigDecimal first = loc.cashSale(admin);
        BigDecimal second = loc.cashSale(admin);
        BigDecimal sales = first.add(second);
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            browser.open(TestEnvironment.baseUrl() + "index.xhtml");
            assertThat(figure(browser, loc.code, "orders")).isEqualTo("2");
            assertThat(amountIn(figure(browser, loc.code, "cash"))).isEqualByComparingTo(sales);
            assertThat(amountIn(figure(browser, loc.code, "sales"))).isEqualByComparingTo(sales);
            assertThat(figure(browser, loc.code, "sales").replace('\u00A0', ' ')).as("soles by their symbol").startsWith("S/ ")
                    .doesNotContain("PEN");
            assertThat(figure(browser, loc.code, "day")).as("the day as Peru writes it")
                    .startsWith(LocalDate.now(LIMA).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
            assertWaitingForSunatMatchesTheDatabase(browser);
            // A figure for the note, not an assertion: the admin's home page reads every location's day.
            Object timing = browser.script("const n = performance.getEntriesByType('navigation')[0];"
                    + " return Math.round(n.responseStart - n.requestStart) + ' ms to first byte, '"
                    + " + Math.round(n.loadEventEnd - n.startTime) + ' ms to load'");
            System.out.println("[home] admin, " + locationsShown(browser).size() + " locations: " + timing);
            browser.screenshot("home-admin", 1440, 900);
            browser.screenshot("home-admin", 390, 844);
        }
        try (Browser cashier = Browser.signedIn(DemoUsers.CASHIER)) {
            cashier.open(TestEnvironment.baseUrl() + "index.xhtml");
            assertThat(locationsShown(cashier)).as("the cashier's own location only").containsExactly("LIM01");
            cashier.find("#sunat");
            cashier.screenshot("home-cashier", 1440, 900);
            cashier.screenshot("home-cashier", 390, 844);
        }
        try (Browser clerk = Browser.signedIn(DemoUsers.WAREHOUSE)) {
            clerk.open(TestEnvironment.baseUrl() + "index.xhtml");
            assertThat(clerk.driver().findElements(By.id("today"))).as("no money for the clerk").isEmpty();
            assertThat(clerk.driver().findElements(By.id("sunat"))).isEmpty();
            assertThat(clerk.driver().findElements(By.id("openDiscrepancies"))).isEmpty();
            assertThat(clerk.pageSource()).contains("inventory/stock.xhtml");
        }
        try (Browser accountant = Browser.signedIn(DemoUsers.ACCOUNTANT)) {
            accountant.open(TestEnvironment.baseUrl() + "index.xhtml");
            assertThat(amountIn(figure(accountant, loc.code, "cash"))).isEqualByComparingTo(sales);
            accountant.find("#openDiscrepancies");
            accountant.find("#sunat");
        }
    }

    @Test
    void theAuditTrailSaysWhoChangedWhichFieldFromWhatToWhatInLocalTime() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        try (NewLocation loc = NewLocation.create(admin)) {
            String renamed = "Sede renombrada " + loc.code;
            Reply current = admin.get("api/locations/" + loc.id);
            Reply put = admin.put("api/locations/" + loc.id, NewLocation.body(loc.code, true)
                    .replace("\"Sede " + loc.code + "\"", "\"" + renamed + "\""), "If-Match", current.header("ETag"));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
                browser.open(TestEnvironment.baseUrl() + "settings/audit.xhtml").type("#audit\\:entity", "Location")
                        .click("#audit\\:filter").waitForText("#audit\\:table", renamed);
                WebElement row = browser.driver().findElement(By.xpath(
                        "//tbody[@id='audit:table_data']/tr[.//td[normalize-space()='" + renamed + "']]"));
                List<String> cells = row.findElements(By.xpath("./td")).stream().map(WebElement::getText).toList();
                // #, when, who, what, which, changes, IP
                assertThat(cells.get(1)).as("the tenant's local time to the minute: no UTC, no microseconds")
                        .matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
                java.time.LocalDateTime shown = java.time.LocalDateTime.parse(cells.get(1),
                        java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
                assertThat(java.time.Duration.between(shown, java.time.LocalDateTime.now(LIMA)).abs())
                        .as("Lima's clock, not UTC's").isLessThan(java.time.Duration.ofMinutes(10));
                assertThat(cells.get(2)).as("a person, not 'User 1'").contains("Ana Quispe");
                assertThat(cells.get(3)).isEqualTo("Modificó");
                assertThat(cells.get(4)).startsWith("Sede");
                List<WebElement> change = row.findElements(By.xpath(".//table[contains(@class,'cuadra-diff')]//tbody/tr"
                        + "[td[1][normalize-space()='Nombre']]/td"));
                assertThat(change.stream().map(WebElement::getText).toList()).as("field, before, after")
                        .containsExactly("Nombre", "Sede " + loc.code, renamed);
                assertThat(row.getText()).as("no raw JSON").doesNotContain("{").doesNotContain("\"after\"");
            }
        }
    }

    @Test
    void aCountWaitingForConfirmationTellsTheClerkWhoCanConfirmIt() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim = InventoryIT.location("LIM01");
        Reply warehouse = admin.post("api/inventory/warehouses", "{\"locationId\":" + lim + ",\"code\":\"BO"
                + (System.currentTimeMillis() % 100_000) + SEQ.incrementAndGet() + "\",\"name\":\"Depósito de prueba\"}");
        assertThat(warehouse.status()).as(warehouse.toString()).isEqualTo(201);
        Reply count = DemoUsers.WAREHOUSE.signIn(http).post("api/inventory/counts",
                "{\"warehouseId\":" + warehouse.json().getJsonNumber("id").longValue() + "}");
        assertThat(count.status()).as(count.toString()).isEqualTo(201);
        try (Browser clerk = Browser.signedIn(DemoUsers.WAREHOUSE)) {
            clerk.open(TestEnvironment.baseUrl() + "inventory/count.xhtml?id=" + count.json().getJsonNumber("id").longValue());
            String who = clerk.find("#whoConfirms").getText();
            // The supervisor of LIM01 and the administrator hold inventory:approve there; the clerk does not.
            assertThat(who).contains("Sofía Mamani").contains("Ana Quispe").doesNotContain("Wilmer Condori")
                    .doesNotContain("Lucía Flores");
            assertThat(clerk.driver().findElements(By.id("count:confirm"))).isEmpty();
            assertThat(LocalisationIT.englishIn(clerk.find("body").getText())).as("English on the count page").isEmpty();
        }
    }

    @Test
    void onAPhoneTheMenuCollapsesAndTablesKeepTheirMainColumns() throws Exception {
        try (Browser cashier = Browser.signedIn(DemoUsers.CASHIER)) {
            cashier.size(390, 844).open(TestEnvironment.baseUrl() + "orders/list.xhtml");
            WebElement toggle = cashier.find("#menuToggle");
            assertThat(toggle.getAttribute("aria-label")).isNotBlank();
            List<WebElement> entries = cashier.driver().findElements(By.cssSelector(
                    "#nav\\:menu > ul > li.ui-menuitem:not(.ui-menubar-start):not(.ui-menubar-end)"));
            assertThat(entries).isNotEmpty().as("the menu bar's entries fold into the button").noneMatch(WebElement::isDisplayed);
            cashier.click("#menuToggle");
            assertThat(cashier.find("#phoneNav").getText()).contains("Inicio").contains("Ventas");
            assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
            List<WebElement> headers = cashier.driver().findElements(By.cssSelector("#orders\\:table thead th, [id$=':table'] thead th"));
            assertThat(headers).isNotEmpty();
            List<WebElement> shown = headers.stream().filter(WebElement::isDisplayed).toList();
            assertThat(shown).as("low-priority columns step aside").hasSizeLessThan(headers.size()).hasSizeGreaterThanOrEqualTo(2);
            for (WebElement th : shown) {
                assertThat(th.getSize().getWidth()).as("header " + th.getText() + " keeps room for its words")
                        .isGreaterThanOrEqualTo(60);
            }
            assertThat(((Number) cashier.script("return document.documentElement.scrollWidth")).intValue())
                    .as("nothing wider than the phone").isLessThanOrEqualTo(390);
            cashier.screenshot("orders-list-cashier", 390, 844);
        }
    }

    @Test
    void theAccountantCountsTheCashAndClosesTheDayWithTheLoadingIndicatorOnEveryAction() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        // A location in another zone than the tenant's: its day and its instants are Paris's
        try (NewLocation loc = NewLocation.create(admin, PARIS)) {
            theAccountantCountsAndCloses(admin, loc);
        }
    }

    private static void theAccountantCountsAndCloses(Http admin, NewLocation loc) throws Exception {
        BigDecimal expected = loc.cashSale(admin);
        LocalDate today = LocalDate.now(loc.zone);
        Reply run = admin.post("api/reconciliation/closures/run", "{\"locationId\":" + loc.id + ",\"businessDate\":\"" + today + "\"}");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        awaitJob(admin, run.json().getJsonNumber("executionId").longValue());
        long closureId = closure(admin, loc.id, today).getJsonNumber("id").longValue();
        String base = TestEnvironment.baseUrl();
        try (Browser browser = Browser.signedIn(DemoUsers.ACCOUNTANT)) {
            browser.open(base + "reconciliation/closures.xhtml").waitForText("#closures\\:table", loc.code);
            browser.open(base + "reconciliation/closure.xhtml?id=" + closureId)
                    .waitForText("#closure\\:expectedCash", expected.toPlainString());
            assertThat(LocalisationIT.englishIn(browser.find("body").getText())).as("English on the closure page").isEmpty();
            assertThat(browser.layoutProblems("#main", false)).as("the closure page reads label by value").isEmpty();
            browser.screenshot("closure-open", 1440, 900);
            browser.screenshot("closure-open", 390, 844);
            browser.size(1440, 900);
            watchLoadingIndicator(browser);
            browser.type("input[data-denomination='50.00-NOTE']", "1")
                    .click("#closure\\:expectedCash")
                    .waitForText("#closure\\:typedTotal", "50");
            assertThat(loadingIndicatorWasShown(browser)).as("the change of a count line went out with the indicator").isTrue();
            watchLoadingIndicator(browser);
            browser.click("#closure\\:saveCount").waitForText("#closure\\:countedCash", "50.00");
            assertThat(loadingIndicatorWasShown(browser)).as("saving the count showed the indicator").isTrue();
            browser.type("#closure\\:notes", "Conteo del día de prueba")
                    .click("#closure\\:close")
                    .click(".ui-confirmdialog-yes")
                    .waitForText("#closure\\:status", "Cerrado");
            // Closed "now" as the location's clock reads it, to the minute, not the tenant's (Lima) nor UTC's
            String closedLine = browser.find("#closure\\:closedLine").getText();
            java.util.regex.Matcher at = java.util.regex.Pattern.compile("(\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2})(?![:.\\d])")
                    .matcher(closedLine);
            assertThat(at.find()).as("a day and a time to the minute, no seconds or microseconds: " + closedLine).isTrue();
            java.time.LocalDateTime shown = java.time.LocalDateTime.parse(at.group(1),
                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm"));
            assertThat(java.time.Duration.between(shown, java.time.LocalDateTime.now(loc.zone)).abs())
                    .as("the location's clock (" + loc.zone + "): " + closedLine).isLessThan(java.time.Duration.ofMinutes(3));
            // Long work that is not AJAX (the day's PDF, sent as a whole form): the same status until the file arrived
            watchLoadingIndicator(browser);
            browser.click("#closure\\:pdf");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(d -> loadingIndicatorWasShown(browser) && !browser.find("body").getText().isEmpty()
                            && browser.driver().findElement(By.id("busy_start")).getAttribute("style").contains("none"));
            browser.screenshot("closure-closed", 1440, 900);
            browser.screenshot("closure-closed", 390, 844);

            // A report's file prepared on the server: the same status from the click until the file has arrived
            browser.open(base + "reports/index.xhtml?r=cash").find("#csv");
            watchLoadingIndicator(browser);
            browser.click("#csv");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                    .until(d -> loadingIndicatorWasShown(browser)
                            && browser.driver().findElement(By.id("busy_start")).getAttribute("style").contains("none"));
            assertThat(browser.find("#csv").getAttribute("href")).as("the link asked for the page's download cookie")
                    .contains("monitor=_reports_index");
            assertThat(browser.driver().getCurrentUrl()).as("the page stays").contains("reports/index.xhtml");
        }
        JsonObject closed = admin.get("api/reconciliation/closures/" + closureId).json();
        assertThat(closed.getString("status")).isEqualTo("CLOSED");
        assertThat(closed.getString("closedBy")).isEqualTo(DemoUsers.ACCOUNTANT.email);
        assertThat(JsonMoney.of(closed, "countedCash")).isEqualByComparingTo("50.00");
        assertThat(JsonMoney.of(closed, "cashDifference"))
                .isEqualByComparingTo(new BigDecimal("50.00").subtract(expected));
    }

    // --- helpers

    private static void record(Map<String, List<String>> found, String page, List<String> violations) {
        if (!violations.isEmpty()) {
            found.put(page, violations);
        }
    }

    /** The menu's pages, then one page of each kind they link to (detail pages: order, document, lot, closure…). */
    private static List<String> crawl(Browser browser) {
        String base = TestEnvironment.baseUrl();
        List<String> pages = new ArrayList<>();
        pages.add(base + "index.xhtml");
        menu(browser).stream().filter(h -> !pages.contains(h)).forEach(pages::add);
        Map<String, String> details = new LinkedHashMap<>();
        for (String page : List.copyOf(pages)) {
            browser.open(page);
            for (String link : links(browser)) {
                String path = link.replaceAll("[?#].*$", "");
                boolean known = pages.stream().anyMatch(p -> p.replaceAll("[?#].*$", "").equals(path));
                if (link.startsWith(base) && path.endsWith(".xhtml") && link.contains("?") && !known) {
                    details.putIfAbsent(path, link);
                }
            }
        }
        pages.addAll(details.values());
        return pages;
    }

    @SuppressWarnings("unchecked")
    private static List<String> menu(Browser browser) {
        browser.open(TestEnvironment.baseUrl() + "index.xhtml");
        return ((List<String>) browser.script("return [...document.querySelectorAll('#nav a[href]')]"
                + ".map(a => a.href).filter(h => h.includes('.xhtml'))")).stream().distinct().toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> links(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('#main a[href]')].map(a => a.href)");
    }

    private static String figure(Browser browser, String location, String name) {
        return browser.find("dl[data-location='" + location + "'] [data-figure='" + name + "']").getText();
    }

    @SuppressWarnings("unchecked")
    private static List<String> locationsShown(Browser browser) {
        return (List<String>) browser.script("return [...document.querySelectorAll('dl[data-location]')].map(d => d.dataset.location)");
    }

    /** The number in a figure as shown ("S/ 1,234.50"): digits, the decimal point and the sign. */
    private static BigDecimal amountIn(String shown) {
        return new BigDecimal(shown.replaceAll("[^0-9.\\-]", ""));
    }

    /**
     * Documents waiting for SUNAT move while the outbox works; the page's figure is compared with counts of
     * the database taken just before and after it was read, when both agree.
     */
    private static void assertWaitingForSunatMatchesTheDatabase(Browser browser) throws Exception {
        for (int attempt = 1; ; attempt++) {
            long before = waitingForSunat();
            browser.open(TestEnvironment.baseUrl() + "index.xhtml");
            long shown = Long.parseLong(browser.find("[data-figure='sunatWaiting']").getText().replaceAll("\\D", ""));
            long after = waitingForSunat();
            if (before == after || attempt == 10) {
                assertThat(before).as("the outbox kept moving documents while the page was read").isEqualTo(after);
                assertThat(shown).isEqualTo(before);
                return;
            }
            Thread.sleep(500);
        }
    }

    private static long waitingForSunat() throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from billing_documents d join tenants t on t.id = d.tenant_id "
                     + "where t.slug = 'demo' and d.status in ('PENDING', 'SENT')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Records in the page whether the global AJAX status showed its indicator from now on. */
    private static void watchLoadingIndicator(Browser browser) {
        browser.script("""
                window.cuadraBusySeen = false;
                const busy = document.getElementById('busy_start');
                new MutationObserver(() => { if (busy.offsetParent !== null) { window.cuadraBusySeen = true; } })
                    .observe(busy, {attributes: true, attributeFilter: ['style', 'class']});
                """);
    }

    private static boolean loadingIndicatorWasShown(Browser browser) {
        return Boolean.TRUE.equals(browser.script("return window.cuadraBusySeen === true"));
    }

    private static JsonObject closure(Http client, long locationId, LocalDate day) {
        Reply list = client.get("api/reconciliation/closures?locationId=" + locationId + "&from=" + day + "&to=" + day);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().getJsonArray("items").getJsonObject(0);
    }

    private static void awaitJob(Http client, long executionId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            JsonObject run = client.get("api/reconciliation/jobs/" + executionId).json();
            boolean stepsDone = run.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                    .noneMatch(s -> List.of("STARTING", "STARTED").contains(s.getString("batchStatus", "")));
            if (List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED").contains(run.getString("batchStatus")) && stepsDone) {
                assertThat(run.getString("batchStatus")).isEqualTo("COMPLETED");
                return;
            }
            assertThat(System.currentTimeMillis()).as("closure run " + executionId).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    /**
     * A location of the demo tenant of the test's own, created by the admin, where only this test sells;
     * closing it puts the location out of service, so other classes still see the demo's two locations.
     */
    private record NewLocation(Http admin, long id, String code, ZoneId zone) implements AutoCloseable {

        static NewLocation create(Http admin) {
            return create(admin, LIMA);
        }

        static NewLocation create(Http admin, ZoneId zone) {
            String code = "BO" + (System.currentTimeMillis() % 100_000) + SEQ.incrementAndGet();
            Reply r = admin.post("api/locations", body(code, true, zone));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
            return new NewLocation(admin, r.json().getJsonNumber("id").longValue(), code, zone);
        }

        private static String body(String code, boolean active) {
            return body(code, active, LIMA);
        }

        private static String body(String code, boolean active, ZoneId zone) {
            return "{\"code\":\"" + code + "\",\"name\":\"Sede " + code + "\","
                    + "\"timeZone\":\"" + zone.getId() + "\",\"sunatEstablishment\":\"0008\",\"invoiceSeries\":\"F008\","
                    + "\"receiptSeries\":\"B008\",\"invoiceCreditSeries\":\"FC08\",\"receiptCreditSeries\":\"BC08\","
                    + "\"active\":" + active + "}";
        }

        @Override
        public void close() {
            Reply current = admin.get("api/locations/" + id);
            Reply closed = admin.put("api/locations/" + id, body(code, false, zone), "If-Match", current.header("ETag"));
            assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        }

        /** A counter sale paid in cash, now; answers its total. */
        BigDecimal cashSale(Http client) {
            Reply order = client.post("api/orders", "{\"locationId\":" + id + ",\"channel\":\"COUNTER\","
                    + "\"lines\":[{\"itemCode\":\"IMG-ECO\",\"quantity\":1}]}");
            assertThat(order.status()).as(order.toString()).isEqualTo(201);
            BigDecimal total = JsonMoney.of(order.json(), "total");
            Reply pay = client.post("api/orders/" + order.json().getJsonNumber("id").longValue() + "/payments",
                    "{\"methodCode\":\"EFECTIVO\",\"amount\":\"" + total + "\"}");
            assertThat(pay.status()).as(pay.toString()).isEqualTo(201);
            return total;
        }
    }
}
