package io.cuadra.it.reports;

import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.JsonMoney;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import io.cuadra.it.support.TestLocations;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports against the deployed EAR: the aggregates agree with a recomputation from the raw orders, payments,
 * refunds and returns after random activity (closed-day refusals included); a report's figure matches the
 * raw data; every report opens in the browser, drills down and downloads its XLSX; a user sees only their
 * locations; exports are audited; the anonymised export names nobody.
 */
@ExtendWith(ArquillianExtension.class)
class ReportsIT extends CuadraDeployment {

    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final AtomicInteger SEQ = new AtomicInteger(940);
    private static final List<String> SERVICES = List.of("LAB-HEM", "LAB-GLU", "LAB-LIP", "LAB-COV", "IMG-ECO");
    private static final List<String> CHANNELS = List.of("COUNTER", "WHATSAPP", "WEB");

    private final Http http = new Http(TestEnvironment.baseUrl());

    /** An order the random walk keeps track of. */
    private static final class Tracked {
        final long id;
        final long location;
        String status = "REGISTERED";
        String payment;

        Tracked(long id, long location, String payment) {
            this.id = id;
            this.location = location;
            this.payment = payment;
        }
    }

    @Test
    void everyAggregateEqualsItsRecomputationAfterRandomActivity() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long seed = Long.getLong("reports.seed", System.nanoTime());
        System.out.println("[ReportsIT] random activity seed " + seed + " (-Dreports.seed=" + seed + " replays it)");
        Random random = new Random(seed);
        long a = newLocation(admin);
        long b = newLocation(admin);
        long maria = customerId(admin, "45871236");
        List<Long> customers = new ArrayList<>(java.util.Arrays.asList(maria, null));
        List<Tracked> orders = new ArrayList<>();
        Map<String, Integer> done = new HashMap<>();
        for (int step = 0; step < 70; step++) {
            int what = orders.size() < 5 ? 0 : random.nextInt(6);
            switch (what) {
                case 0, 1 -> orders.add(register(admin, random, random.nextBoolean() ? a : b,
                        customers.get(random.nextInt(customers.size()))));
                case 2 -> pick(orders, random, o -> !o.payment.equals("PAID") && !o.status.equals("CANCELLED"))
                        .ifPresent(o -> payRest(admin, o, random));
                case 3 -> pick(orders, random, o -> List.of("REGISTERED", "IN_PROCESS").contains(o.status))
                        .ifPresent(o -> cancel(admin, o));
                case 4 -> pick(orders, random, o -> o.payment.equals("PAID") && List.of("REGISTERED", "IN_PROCESS")
                        .contains(o.status)).ifPresent(o -> complete(admin, o));
                default -> pick(orders, random, o -> List.of("COMPLETED", "PARTIALLY_RETURNED").contains(o.status))
                        .ifPresent(o -> giveBack(admin, o, random));
            }
            done.merge(Integer.toString(what), 1, Integer::sum);
        }
        System.out.println("[ReportsIT] steps by kind " + done + ", orders " + orders.size());
        assertAgree(admin, a);
        assertAgree(admin, b);

        // Close B's day: what would move money in it is refused and leaves no figure behind.
        closeToday(admin, b);
        Tracked late = pick(orders, random, o -> o.location == b && !o.payment.equals("PAID")
                && !o.status.equals("CANCELLED")).orElseGet(() -> null);
        Reply refusedRegistration = admin.post("api/orders", "{\"locationId\":" + b
                + ",\"lines\":[{\"itemCode\":\"LAB-GLU\",\"quantity\":1}]}");
        assertThat(refusedRegistration.status()).as(refusedRegistration.toString()).isEqualTo(409);
        if (late != null) {
            Reply refused = admin.post("api/orders/" + late.id + "/payments", "{\"methodCode\":\"EFECTIVO\","
                    + "\"amount\":\"1.00\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        }
        assertAgree(admin, b);

        // A figure read through the report equals the raw orders, by another route than the aggregates' SQL.
        LocalDate today = LocalDate.now(LIMA);
        JsonObject sales = admin.get("api/reports/sales?group=location&location=" + a + "&from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1)).json();
        BigDecimal gross = new BigDecimal(single("select coalesce(sum(total), 0) from orders where location_id = " + a));
        assertThat(sales.getJsonArray("rows")).hasSize(1);
        assertThat(value(sales.getJsonArray("rows").getJsonObject(0), sales, "gross")).isEqualByComparingTo(gross);
        BigDecimal cards = new BigDecimal(single("select coalesce(sum(p.card_fee), 0) from order_payments p join orders o"
                + " on o.id = p.order_id where o.location_id = " + a));
        JsonObject methods = admin.get("api/reports/payments?location=" + a + "&from=" + today.minusDays(1) + "&to="
                + today.plusDays(1)).json();
        assertThat(total(methods, "cardFees")).isEqualByComparingTo(cards);
    }

    @Test
    void aUserSeesOnlyTheirLocationsAndExportsAreAudited() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long cus02 = locationId(admin, "CUS02");
        long lim01 = locationId(admin, "LIM01");
        Http supervisor = DemoUsers.SUPERVISOR.signIn(http);
        String lastYear = "&from=" + LocalDate.now(LIMA).minusDays(365) + "&to=" + LocalDate.now(LIMA).plusDays(1);
        JsonObject byLocation = supervisor.get("api/reports/sales?group=location" + lastYear).json();
        assertThat(byLocation.getJsonArray("rows").getValuesAs(JsonObject.class))
                .allSatisfy(r -> assertThat(r.getString("key")).isEqualTo(Long.toString(lim01)));
        for (String path : List.of("api/reports/sales?location=" + cus02, "api/reports/sales/drill?key=" + cus02
                + "&group=location&location=" + cus02, "api/reports/items/export?format=csv&location=" + cus02)) {
            Reply other = supervisor.get(path);
            assertThat(other.status()).as(path + " " + other).isEqualTo(404);
            assertThat(other.contentType()).startsWith("application/problem+json");
        }
        Reply badDate = supervisor.get("api/reports/sales?from=yesterday");
        assertThat(badDate.status()).as(badDate.toString()).isEqualTo(422);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
        Reply unknownGroup = supervisor.get("api/reports/payments?group=planet");
        assertThat(unknownGroup.status()).isEqualTo(422);
        Reply unknown = supervisor.get("api/reports/horoscope");
        assertThat(unknown.status()).isEqualTo(404);

        // The cashier may look, not take the data away.
        Http cashier = DemoUsers.CASHIER.signIn(http);
        assertThat(cashier.get("api/reports/sales").status()).isEqualTo(200);
        assertThat(cashier.get("api/reports/sales/export?format=xlsx").status()).isEqualTo(403);
        String supervisorExports = "select count(*) from audit_log where action = 'report.exported'"
                + " and entity_id = 'payments' and user_id = (select id from users where email = '"
                + DemoUsers.SUPERVISOR.email + "')";
        long before = count(supervisorExports);
        Http.Bytes csv = supervisor.getBytes("api/reports/payments/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("gross").contains("cardFees");
        Http.Bytes pdf = supervisor.getBytes("api/reports/payments/export?format=pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(supervisor.get("api/reports/payments/export?format=docx").status()).isEqualTo(422);
        assertThat(count(supervisorExports)).as("one audit line per file").isEqualTo(before + 2);

        // Anonymised: no names or documents, the same pseudonym every time.
        Http.Bytes first = admin.getBytes("api/reports/customers-anonymous/export?format=xlsx" + lastYear);
        Http.Bytes second = admin.getBytes("api/reports/customers-anonymous/export?format=xlsx" + lastYear);
        assertThat(first.status()).isEqualTo(200);
        List<List<String>> sheet = cells(first.body());
        List<List<String>> again = cells(second.body());
        String all = sheet.toString();
        assertThat(all).doesNotContain("González").doesNotContain("45871236");
        List<String> pseudonyms = sheet.stream().skip(3).map(r -> r.get(0)).filter(s -> s.startsWith("C-")).toList();
        assertThat(pseudonyms).isNotEmpty().allSatisfy(p -> assertThat(p).matches("C-[0-9a-f]{32}"));
        assertThat(again.stream().skip(3).map(r -> r.get(0)).filter(s -> s.startsWith("C-")).toList())
                .isEqualTo(pseudonyms);
    }

    @Test
    void eachReportOpensDrillsDownAndDownloadsItsXlsx() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        // Something to report on today at LIM01, whatever ran before.
        register(admin, new Random(7), locationId(admin, "LIM01"), customerId(admin, "45871236"));
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            for (String report : List.of("sales", "payments", "items", "customers", "cash", "documents")) {
                browser.open(TestEnvironment.baseUrl() + "reports/index.xhtml?r=" + report);
                browser.waitForText("#reports\\:table", "");
                List<WebElement> drills = browser.driver().findElements(By.cssSelector("a.report-drill"));
                assertThat(drills).as(report + " has rows").isNotEmpty();
                drills.get(0).click();
                browser.waitForAjaxIdle();
                assertThat(browser.find("#drillTitle").getText()).as(report).isNotBlank();
                if (List.of("sales", "payments", "items", "customers").contains(report)) {
                    assertThat(browser.driver().findElements(By.cssSelector("a.drill-order"))).as(report + " drill")
                            .isNotEmpty();
                }
                String href = browser.find("#xlsx").getAttribute("href");
                byte[] xlsx = download(browser, href);
                List<List<String>> sheet = cells(xlsx);
                // The first row's label and first figure, as the page's table shows them, are in the file.
                String label = browser.find("#reports\\:table\\:0\\:drill").getText();
                assertThat(sheet.get(3).get(0)).as(report + " first row").isEqualTo(label.equals("-") ? "" : label);
                JsonObject api = admin.get("api/reports/" + report + "?" + href.substring(href.indexOf('?') + 1)).json();
                int figure = 0;
                JsonValue expected = api.getJsonArray("rows").getJsonObject(0).getJsonArray("values").get(figure);
                assertThat(new BigDecimal(sheet.get(3).get(1))).as(report + " first figure")
                        .isEqualByComparingTo(JsonMoney.of(expected));
            }
        }
    }

    @Test
    void aThresholdCrossedAlertsTheSupervisorsOnceADay() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim01 = locationId(admin, "LIM01");
        Reply bad = admin.post("api/reports/alerts", "{\"locationId\":" + lim01 + ",\"kind\":\"SALES_ABOVE\","
                + "\"threshold\":10,\"checkAt\":\"18:00\"}");
        assertThat(bad.status()).as(bad.toString()).isIn(400, 422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        // Sales can never reach this today; open discrepancies at LIM01 are far fewer than a thousand.
        Reply sales = admin.post("api/reports/alerts", "{\"locationId\":" + lim01 + ",\"kind\":\"SALES_BELOW\","
                + "\"threshold\":99999999.00,\"checkAt\":\"00:00\"}");
        assertThat(sales.status()).as(sales.toString()).isEqualTo(201);
        Reply few = admin.post("api/reports/alerts", "{\"locationId\":" + lim01 + ",\"kind\":\"DISCREPANCIES_ABOVE\","
                + "\"threshold\":1000,\"checkAt\":\"00:00\"}");
        assertThat(few.status()).as(few.toString()).isEqualTo(201);
        long salesRule = sales.json().getJsonNumber("id").longValue();
        assertThat(DemoUsers.CASHIER.signIn(http).post("api/reports/alerts/evaluation", "{}").status())
                .as("only who edits settings").isEqualTo(403);
        long before = count("select count(*) from notification_messages where event = 'REPORT_THRESHOLD'"
                + " and channel = 'ALERT'");
        JsonArray raised = (JsonArray) admin.post("api/reports/alerts/evaluation", "{}").jsonStructure();
        assertThat(raised.getValuesAs(JsonObject.class)).extracting(r -> r.getJsonNumber("id").longValue())
                .containsExactly(salesRule);
        JsonArray again = (JsonArray) admin.post("api/reports/alerts/evaluation", "{}").jsonStructure();
        assertThat(again).as("once per day").isEmpty();
        long supervisors = count("select count(distinct u.id) from users u join user_roles ur on ur.user_id = u.id"
                + " join roles r on r.id = ur.role_id join role_permissions p on p.role_id = r.id"
                + " and p.module = 'RECONCILIATION' and p.action = 'APPROVE' where u.tenant_id = (select tenant_id"
                + " from locations where id = " + lim01 + ") and u.active and (r.all_locations or exists (select 1"
                + " from user_locations ul where ul.user_id = u.id and ul.location_id = " + lim01 + "))");
        assertThat(supervisors).isPositive();
        assertThat(count("select count(*) from notification_messages where event = 'REPORT_THRESHOLD'"
                + " and channel = 'ALERT'")).as("one in-app alert per supervisor of LIM01").isEqualTo(before + supervisors);
        assertThat(single("select variables from notification_messages where event = 'REPORT_THRESHOLD'"
                + " order by id desc limit 1")).contains("LIM01").contains("salesBelow");
        for (JsonObject rule : ((JsonArray) admin.get("api/reports/alerts").jsonStructure()).getValuesAs(JsonObject.class)) {
            assertThat(admin.delete("api/reports/alerts/" + rule.getJsonNumber("id").longValue()).status()).isEqualTo(204);
        }
    }

    // --- activity ------------------------------------------------------------------------------------------

    private static Tracked register(Http admin, Random random, long location, Long customer) {
        StringBuilder lines = new StringBuilder();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            lines.append(i == 0 ? "" : ",").append("{\"itemCode\":\"").append(SERVICES.get((i + random.nextInt(5)) % 5))
                    // an anonymous sale stays under S/ 700: above it a boleta must name its customer
                    .append("\",\"quantity\":").append(customer == null ? 1 : 1 + random.nextInt(3)).append('}');
        }
        String pay = switch (random.nextInt(4)) {
            case 0 -> "";
            case 1 -> ",\"payments\":[{\"methodCode\":\"YAPE\",\"amount\":\"10.00\",\"reference\":\"R" + SEQ.incrementAndGet()
                    + "\"}]";
            // cash without "tendered" pays what is due and gives the rest back as change
            case 2 -> ",\"payments\":[{\"methodCode\":\"EFECTIVO\",\"amount\":\"2000.00\"}]";
            default -> ",\"payments\":[{\"methodCode\":\"VISA\",\"amount\":\"5.00\",\"reference\":\"V" + SEQ.incrementAndGet()
                    + "\"},{\"methodCode\":\"EFECTIVO\",\"amount\":\"2000.00\"}]";
        };
        Reply r = admin.post("api/orders", "{\"locationId\":" + location + (customer == null ? "" : ",\"customerId\":"
                + customer) + ",\"channel\":\"" + (customer == null ? "COUNTER" : CHANNELS.get(random.nextInt(3)))
                + "\",\"lines\":[" + lines + "]" + pay
                + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Tracked(r.json().getJsonNumber("id").longValue(), location, r.json().getString("paymentStatus"));
    }

    private static void payRest(Http admin, Tracked o, Random random) {
        JsonObject order = admin.get("api/orders/" + o.id).json();
        BigDecimal due = JsonMoney.of(order, "balanceDue");
        String method = random.nextBoolean() ? "{\"methodCode\":\"EFECTIVO\",\"amount\":\"" + due + "\",\"tendered\":\""
                + due.add(BigDecimal.TEN) + "\"}" : "{\"methodCode\":\"VISA\",\"amount\":\"" + due + "\",\"reference\":\"V"
                + SEQ.incrementAndGet() + "\"}";
        Reply r = admin.post("api/orders/" + o.id + "/payments", method);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        o.payment = "PAID";
    }

    private static void cancel(Http admin, Tracked o) {
        Reply r = admin.post("api/orders/" + o.id + "/cancel", "{\"reason\":\"Cliente desistió\"}", "If-Match",
                admin.get("api/orders/" + o.id).header("ETag"));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        o.status = "CANCELLED";
    }

    private static void complete(Http admin, Tracked o) {
        for (String status : o.status.equals("REGISTERED") ? List.of("IN_PROCESS", "COMPLETED") : List.of("COMPLETED")) {
            Reply r = admin.put("api/orders/" + o.id + "/status", "{\"status\":\"" + status + "\"}", "If-Match",
                    admin.get("api/orders/" + o.id).header("ETag"));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        o.status = "COMPLETED";
    }

    /** Part of one line, or what is left of all of them. */
    private static void giveBack(Http admin, Tracked o, Random random) {
        Reply current = admin.get("api/orders/" + o.id);
        JsonArray lines = current.json().getJsonArray("lines");
        JsonObject line = lines.getJsonObject(random.nextInt(lines.size()));
        Reply r = admin.post("api/orders/" + o.id + "/returns", "{\"reason\":\"Muestra repetida\",\"lines\":[{"
                + "\"lineNumber\":" + line.getInt("lineNumber") + ",\"quantity\":1}]}", "If-Match", current.header("ETag"));
        // A line already given back entirely is refused (422): the walk just goes on.
        assertThat(r.status()).as(r.toString()).isIn(201, 422);
        if (r.status() == 201) {
            o.status = admin.get("api/orders/" + o.id).json().getString("status");
        }
    }

    private static <T> java.util.Optional<T> pick(List<T> all, Random random, java.util.function.Predicate<T> which) {
        List<T> some = all.stream().filter(which).toList();
        return some.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(some.get(random.nextInt(some.size())));
    }

    private void closeToday(Http admin, long location) {
        LocalDate today = LocalDate.now(LIMA);
        Reply run = admin.post("api/reconciliation/closures/run", "{\"locationId\":" + location + ",\"businessDate\":\""
                + today + "\"}");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        long execution = run.json().getJsonNumber("executionId").longValue();
        long deadline = System.currentTimeMillis() + 120_000;
        while (!List.of("COMPLETED", "FAILED", "STOPPED").contains(admin.get("api/reconciliation/jobs/" + execution)
                .json().getString("batchStatus"))) {
            assertThat(System.currentTimeMillis()).as("closure job").isLessThan(deadline);
            sleep(300);
        }
        JsonObject closure = admin.get("api/reconciliation/closures?locationId=" + location + "&from=" + today + "&to="
                + today).json().getJsonArray("items").getJsonObject(0);
        long id = closure.getJsonNumber("id").longValue();
        Reply count = admin.post("api/reconciliation/closures/" + id + "/cash-count", "{\"lines\":[{\"value\":100,"
                + "\"count\":1}]}", "If-Match", admin.get("api/reconciliation/closures/" + id).header("ETag"));
        assertThat(count.status()).as(count.toString()).isEqualTo(201);
        Reply closed = admin.post("api/reconciliation/closures/" + id + "/close", "{\"notes\":\"Cierre de prueba\"}",
                "If-Match", admin.get("api/reconciliation/closures/" + id).header("ETag"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
    }

    private static void assertAgree(Http admin, long location) {
        Reply r = admin.get("api/reports/aggregates/verification?location=" + location);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getJsonNumber("rowsChecked").longValue()).as("aggregate rows").isPositive();
        assertThat(r.json().getJsonNumber("differences").longValue()).as(r.json().toString()).isZero();
    }

    // --- helpers -------------------------------------------------------------------------------------------

    private static long newLocation(Http admin) {
        int n = SEQ.incrementAndGet();
        return TestLocations.open(admin, "RP" + n, n, "0011", 'R', 'Q');
    }

    private static long locationId(Http admin, String code) {
        return ((JsonArray) admin.get("api/locations").jsonStructure()).getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("code").equals(code)).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    private static long customerId(Http client, String document) {
        return client.get("api/customers?q=" + document).json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
    }

    /** A row's value of a column, by the column's key. */
    private static BigDecimal value(JsonObject row, JsonObject report, String column) {
        return JsonMoney.of(row.getJsonArray("values").get(columnIndex(report, column)));
    }

    private static BigDecimal total(JsonObject report, String column) {
        return JsonMoney.of(report.getJsonArray("totals").get(columnIndex(report, column)));
    }

    private static int columnIndex(JsonObject report, String column) {
        List<JsonObject> columns = report.getJsonArray("columns").getValuesAs(JsonObject.class);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).getString("key").equals(column)) {
                return i;
            }
        }
        throw new AssertionError("no column " + column + " in " + report);
    }

    /** The file behind a link, fetched by the page itself with its session (what a click downloads). */
    private static byte[] download(Browser browser, String href) {
        Object b64 = ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.ok ? r.arrayBuffer()"
                        + " : Promise.reject(r.status)).then(buf => { let s = ''; const bytes = new Uint8Array(buf);"
                        + " for (let i = 0; i < bytes.length; i++) { s += String.fromCharCode(bytes[i]); }"
                        + " done(btoa(s)); }).catch(e => done('ERROR ' + e));", href);
        assertThat(String.valueOf(b64)).as(href).doesNotStartWith("ERROR");
        return Base64.getDecoder().decode(String.valueOf(b64));
    }

    private static List<List<String>> cells(byte[] xlsx) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter plain = new DataFormatter(java.util.Locale.ROOT);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            for (int i = 0; i <= sheet.getLastRowNum(); i++) {
                Row row = sheet.getRow(i);
                List<String> values = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        var cell = row.getCell(c);
                        values.add(cell == null ? "" : cell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
                                ? BigDecimal.valueOf(cell.getNumericCellValue()).toPlainString() : plain.formatCellValue(cell));
                    }
                }
                rows.add(values);
            }
        }
        return rows;
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(single(sql));
    }

    private static String single(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            Object v = rs.getObject(1);
            return v instanceof BigDecimal bd ? bd.toPlainString() : String.valueOf(v);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
