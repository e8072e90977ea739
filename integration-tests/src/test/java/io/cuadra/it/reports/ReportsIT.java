package io.cuadra.it.reports;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
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
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    /** The SMTP server the deployed EAR sends to (scheduled reports, threshold e-mails). */
    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("cuadra.it.mail.port", 28025), null, "smtp"));

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
        // A parameter that is not a value is a 400 naming it, by the API's one parameter rule.
        Reply badDate = supervisor.get("api/reports/sales?from=yesterday");
        assertThat(badDate.status()).as(badDate.toString()).isEqualTo(400);
        assertThat(badDate.contentType()).startsWith("application/problem+json");
        assertThat(badDate.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("from");
        assertThat(supervisor.get("api/reports/sales?location=LIM01").status()).isEqualTo(400);
        // A closed set is an enum of the document: a value outside it is a 400 naming the parameter and its values;
        // a group of the set that this report does not take stays the report's rule (422).
        Reply unknownGroup = supervisor.get("api/reports/payments?group=planet");
        assertThat(unknownGroup.status()).as(unknownGroup.toString()).isEqualTo(400);
        assertThat(unknownGroup.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("group");
        assertThat(unknownGroup.json().getString("detail")).contains("METHOD").contains("CASHIER");
        assertThat(supervisor.get("api/reports/payments?group=week").status()).isEqualTo(422);
        assertThat(supervisor.get("api/reports/sales?compare=decade").status()).isEqualTo(400);
        assertThat(supervisor.get("api/reports/sales?channel=PIGEON").status()).isEqualTo(400);
        assertThat(supervisor.get("api/reports/items?order=colour").status()).isEqualTo(400);
        assertThat(supervisor.get("api/reports/sales?compare=previous&channel=counter&group=Week").status())
                .as("any case, as before").isEqualTo(200);
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
        Reply docx = supervisor.get("api/reports/payments/export?format=docx");
        assertThat(docx.status()).as(docx.toString()).isEqualTo(400);
        assertThat(docx.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("format");
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
        writeOffOne(admin);
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            for (String report : List.of("sales", "payments", "items", "customers", "cash", "documents", "stock",
                    "rotation", "expiring", "wastage", "purchases")) {
                // expiring: far enough ahead that the demo's lots are all in it
                browser.open(TestEnvironment.baseUrl() + "reports/index.xhtml?r=" + report
                        + (report.equals("expiring") ? "&days=3650" : ""));
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
                // "-" on the page is either an empty label or the report's own "-" (a receipt with no supplier)
                assertThat(sheet.get(3).get(0)).as(report + " first row").isIn(label, label.equals("-") ? "" : label);
                JsonObject api = admin.get("api/reports/" + report + "?" + href.substring(href.indexOf('?') + 1)).json();
                int figure = firstNumeric(api);
                JsonValue expected = api.getJsonArray("rows").getJsonObject(0).getJsonArray("values").get(figure);
                assertThat(new BigDecimal(sheet.get(3).get(1 + figure))).as(report + " first figure")
                        .isEqualByComparingTo(JsonMoney.of(expected));
            }
        }
    }

    @Test
    void aThresholdCrossedAlertsTheSupervisorsOnceADay() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim01 = locationId(admin, "LIM01");
        Reply bad = admin.post("api/reports/alerts", "{\"locationId\":" + lim01 + ",\"kind\":\"SALES_ABOVE\","
                + "\"threshold\":\"10\",\"checkAt\":\"18:00\"}");
        assertThat(bad.status()).as(bad.toString()).isIn(400, 422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        // Sales can never reach this today; open discrepancies at LIM01 are far fewer than a thousand.
        Reply sales = admin.post("api/reports/alerts", "{\"locationId\":" + lim01 + ",\"kind\":\"SALES_BELOW\","
                + "\"threshold\":\"99999999.00\",\"checkAt\":\"00:00\"}");
        assertThat(sales.status()).as(sales.toString()).isEqualTo(201);
        // Money in and out as the contract writes it: a decimal string at the currency's digits; a number is a 400.
        assertThat(sales.json().getString("threshold")).isEqualTo("99999999.00");
        Reply number = admin.post("api/reports/alerts", "{\"locationId\":" + lim01 + ",\"kind\":\"SALES_BELOW\","
                + "\"threshold\":2000,\"checkAt\":\"00:00\"}");
        assertThat(number.status()).as(number.toString()).isEqualTo(400);
        Reply few = admin.post("api/reports/alerts", "{\"locationId\":" + lim01 + ",\"kind\":\"DISCREPANCIES_ABOVE\","
                + "\"threshold\":\"1000\",\"checkAt\":\"00:00\"}");
        assertThat(few.status()).as(few.toString()).isEqualTo(201);
        long salesRule = sales.json().getJsonNumber("id").longValue();
        assertThat(DemoUsers.CASHIER.signIn(http).post("api/reports/alerts/evaluation", "{}").status())
                .as("only who edits settings").isEqualTo(403);
        long before = count("select count(*) from notification_messages where event = 'REPORT_THRESHOLD'"
                + " and channel = 'ALERT'");
        long beforeMail = count("select count(*) from notification_messages where event = 'REPORT_THRESHOLD'"
                + " and channel = 'EMAIL'");
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
        assertThat(count("select count(*) from notification_messages where event = 'REPORT_THRESHOLD'"
                + " and channel = 'EMAIL'")).as("and one e-mail each").isEqualTo(beforeMail + supervisors);
        assertThat(single("select variables from notification_messages where event = 'REPORT_THRESHOLD'"
                + " order by id desc limit 1")).contains("LIM01").contains("salesBelow");
        for (JsonObject rule : ((JsonArray) admin.get("api/reports/alerts").jsonStructure()).getValuesAs(JsonObject.class)) {
            assertThat(admin.delete("api/reports/alerts/" + rule.getJsonNumber("id").longValue()).status()).isEqualTo(204);
        }
    }

    @Test
    void marginStockAndInventoryReportsFollowTheStockLedger() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long location = newLocation(admin);
        long warehouse = Long.parseLong(single("select id from warehouses where location_id = " + location
                + " and is_default"));
        long tube = Long.parseLong(single("select id from items where code = 'INS-TUB' and tenant_id = (select tenant_id"
                + " from locations where id = " + location + ")"));
        LocalDate today = LocalDate.now(LIMA);
        // Two lots at two costs: FIFO/FEFO takes the one expiring first, then the other.
        long early = lotOf(receive(admin, warehouse, tube, "RPT-E" + location, today.plusDays(20), "4", "0.800000"));
        receive(admin, warehouse, tube, "RPT-L" + location, today.plusDays(200), "20", "1.250000");
        long sold = sell(admin, location, "5");
        long cancelled = sell(admin, location, "2");
        complete(admin, new Tracked(sold, location, "PAID"));
        Reply back = admin.post("api/orders/" + sold + "/returns", "{\"reason\":\"Tubo roto\",\"lines\":[{"
                + "\"lineNumber\":1,\"quantity\":2}]}", "If-Match", admin.get("api/orders/" + sold).header("ETag"));
        assertThat(back.status()).as(back.toString()).isEqualTo(201);
        cancel(admin, new Tracked(cancelled, location, "PAID"));
        Reply wasted = admin.post("api/inventory/wastage", "{\"warehouseId\":" + warehouse + ",\"itemId\":" + tube
                + ",\"lotId\":" + early + ",\"quantity\":1,\"reason\":\"DAMAGED\"}");
        assertThat(wasted.status()).as(wasted.toString()).isEqualTo(201);
        assertAgree(admin, location);

        String at = "&location=" + location + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        // Cost of goods = what the ledger's sale moves cost minus what came back at the cost it left with.
        BigDecimal out = new BigDecimal(single("select coalesce(sum(cost), 0) from order_line_costs where location_id = "
                + location));
        BigDecimal returned = new BigDecimal(single("select coalesce(sum(round(m.quantity * m.unit_cost, 2)), 0) from"
                + " stock_moves m where m.type = 'RETURN' and m.reference_type = 'ORDER' and m.warehouse_id = " + warehouse));
        assertThat(out).isEqualByComparingTo("6.95"); // 4 × 0.80 + 1 × 1.25 (the earlier lot first), then 2 × 1.25
        assertThat(returned).isPositive();
        JsonObject items = admin.get("api/reports/items?order=margin" + at).json();
        JsonObject row = items.getJsonArray("rows").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("key").equals(Long.toString(tube))).findFirst().orElseThrow();
        assertThat(value(row, items, "cost")).isEqualByComparingTo(out.subtract(returned));
        assertThat(value(row, items, "margin")).isEqualByComparingTo(value(row, items, "revenue")
                .subtract(out.subtract(returned)));
        assertThat(value(row, items, "quantity")).isEqualByComparingTo("3"); // 5 + 2 sold, 2 returned, 2 cancelled

        BigDecimal stockValue = new BigDecimal(single("select round(sum(b.on_hand * l.unit_cost), 2) from stock_balances b"
                + " join inventory_lots l on l.id = b.lot_id where b.warehouse_id = " + warehouse));
        JsonObject stock = admin.get("api/reports/stock?group=warehouse" + at).json();
        assertThat(total(stock, "stockValue")).isEqualByComparingTo(stockValue);
        assertThat(total(stock, "onHand")).isEqualByComparingTo("20"); // 24 in, 3 kept by customers, 1 wasted
        JsonObject rotation = admin.get("api/reports/rotation?group=item" + at).json();
        assertThat(total(rotation, "costOfGoods")).isEqualByComparingTo(out.subtract(returned));
        assertThat(total(rotation, "stockValue")).isEqualByComparingTo(stockValue);

        JsonObject soon = admin.get("api/reports/expiring?group=lot&days=30" + at).json();
        assertThat(soon.getJsonArray("rows").getValuesAs(JsonObject.class)).extracting(r -> r.getString("key"))
                .containsExactly(Long.toString(early));
        assertThat(admin.get("api/reports/expiring?group=lot&days=10" + at).json().getJsonArray("rows")).isEmpty();
        assertThat(admin.get("api/reports/expiring?days=-1" + at).status()).isEqualTo(422);

        JsonObject wastage = admin.get("api/reports/wastage?group=reason" + at).json();
        assertThat(wastage.getJsonArray("rows").getValuesAs(JsonObject.class)).extracting(r -> r.getString("key"))
                .containsExactly("DAMAGED");
        assertThat(total(wastage, "costOfGoods")).isEqualByComparingTo("0.80");
        JsonObject purchases = admin.get("api/reports/purchases?group=location" + at).json();
        assertThat(total(purchases, "purchased")).isEqualByComparingTo("28.20"); // 4 × 0.80 + 20 × 1.25
        List<DrillRow> lots = drillKinds(admin, "api/reports/stock/drill?group=warehouse&key=" + warehouse + at);
        assertThat(lots).extracting(DrillRow::kind).containsOnly("LOT");
        assertThat(drillKinds(admin, "api/reports/wastage/drill?group=reason&key=DAMAGED" + at))
                .extracting(DrillRow::kind).containsExactly("WASTAGE");
        assertThat(drillKinds(admin, "api/reports/purchases/drill?group=location&key=" + location + at))
                .extracting(DrillRow::kind).containsExactly("RECEIPT", "RECEIPT");
        for (String other : List.of("cash?group=month", "cash?group=cashier", "documents?group=rejection",
                "customers?group=new", "items?order=margin&bottom=true&group=category")) {
            Reply r = admin.get("api/reports/" + other + at);
            assertThat(r.status()).as(other + " " + r).isEqualTo(200);
        }
        JsonObject accounting = admin.get("api/reports/dashboard/accounting").json();
        assertThat(accounting.getJsonArray("locations").getValuesAs(JsonObject.class))
                .extracting(l -> l.getString("code")).contains(single("select code from locations where id = " + location));
        for (JsonObject day : ((JsonArray) admin.get("api/reports/dashboard").jsonStructure()).getValuesAs(JsonObject.class)) {
            assertThat(day.getString("net")).as("net sales as money").matches("-?\\d+(\\.\\d{2})?");
            assertThat(day.getString("lastWeekNet")).matches("-?\\d+(\\.\\d{2})?");
        }
    }

    @Test
    void aScheduledReportIsMailedOncePerPeriodWhoeverRunsIt() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim01 = locationId(admin, "LIM01");
        String body = "{\"name\":\"Ventas LIM01\",\"report\":\"sales\",\"filters\":{\"location\":\"" + lim01
                + "\",\"group\":\"channel\"},\"format\":\"XLSX\",\"frequency\":\"DAILY\",\"sendTime\":\"00:00\","
                + "\"recipients\":[\"jefa@rpt-a.example\",\"conta@rpt-b.example\"],\"language\":\"es\"}";
        assertThat(DemoUsers.CASHIER.signIn(http).post("api/reports/schedules", body).status()).isEqualTo(403);
        Reply bad = admin.post("api/reports/schedules", body.replace("DAILY", "HOURLY"));
        assertThat(bad.status()).as(bad.toString()).isIn(400, 422);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        Reply noAddress = admin.post("api/reports/schedules", body.replace("jefa@rpt-a.example", "jefa"));
        assertThat(noAddress.status()).as(noAddress.toString()).isEqualTo(422);
        Reply created = admin.post("api/reports/schedules", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long schedule = created.json().getJsonNumber("id").longValue();

        // Four "servers" send what is due at the same moment: one run, one e-mail per recipient.
        List<Http> servers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            servers.add(DemoUsers.ADMIN.signIn(new Http(TestEnvironment.baseUrl())));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> made = new ArrayList<>();
        for (Http server : servers) {
            made.add(pool.submit(() -> {
                start.await();
                Reply r = server.post("api/reports/schedules/due", "{}");
                assertThat(r.status()).as(r.toString()).isEqualTo(200);
                return r.json().getInt("made");
            }));
        }
        start.countDown();
        int runs = 0;
        for (java.util.concurrent.Future<Integer> f : made) {
            runs += f.get(60, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        // The server's own five-minute timer may have been first: then these four made none.
        assertThat(runs).isBetween(0, 1);
        assertThat(count("select count(*) from rpt_schedule_runs where schedule_id = " + schedule)).isEqualTo(1);
        assertThat(admin.post("api/reports/schedules/due", "{}").json().getInt("made")).isZero();
        assertThat(count("select count(*) from notification_messages where event = 'SCHEDULED_REPORT' and recipient"
                + " in ('jefa@rpt-a.example', 'conta@rpt-b.example')")).isEqualTo(2);
        for (String to : List.of("jefa@rpt-a.example", "conta@rpt-b.example")) {
            List<List<String>> sheet = cells(awaitAttachmentMailedTo(to, ".xlsx"));
            assertThat(sheet.get(0).get(0)).as("the file's title").contains(LocalDate.now(LIMA).minusDays(1).toString());
        }
        JsonArray listed = (JsonArray) admin.get("api/reports/schedules").jsonStructure();
        assertThat(listed.getValuesAs(JsonObject.class)).filteredOn(s -> s.getJsonNumber("id").longValue() == schedule)
                .singleElement().satisfies(s -> assertThat(s.getString("lastPeriodStart"))
                        .isEqualTo(LocalDate.now(LIMA).minusDays(1).toString()));
        assertThat(admin.delete("api/reports/schedules/" + schedule).status()).isEqualTo(204);
    }

    /** The alert rules and schedules page: a rule added and removed through the form, as a supervisor would. */
    @Test
    void theRulesPageAddsAndRemovesARule() throws Exception {
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            browser.open(TestEnvironment.baseUrl() + "reports/rules.xhtml");
            long before = count("select count(*) from rpt_alert_rules");
            browser.find("#rules\\:threshold").sendKeys("2000");
            browser.find("#rules\\:addRule").click();
            browser.waitForAjaxIdle();
            assertThat(count("select count(*) from rpt_alert_rules")).isEqualTo(before + 1);
            assertThat(browser.find("#rules\\:ruleTable").getText()).contains("18:00");
            List<WebElement> deletes = browser.driver().findElements(By.cssSelector("[id$='deleteRule']"));
            deletes.get(deletes.size() - 1).click();
            browser.waitForAjaxIdle();
            assertThat(count("select count(*) from rpt_alert_rules")).isEqualTo(before);
        }
    }

    private static Reply receive(Http admin, long warehouse, long item, String lot, LocalDate expires, String quantity,
                                 String unitCost) {
        Reply r = admin.post("api/purchasing/receipts", "{\"warehouseId\":" + warehouse + ",\"lines\":[{\"itemId\":"
                + item + ",\"lotCode\":\"" + lot + "\",\"expiresOn\":\"" + expires + "\",\"quantity\":" + quantity
                + ",\"unitCost\":" + unitCost + "}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private static long lotOf(Reply receipt) {
        return receipt.json().getJsonArray("lines").getJsonObject(0).getJsonNumber("lotId").longValue();
    }

    /** A paid counter sale of INS-TUB tubes, cash paying what is due. */
    private static long sell(Http admin, long location, String quantity) {
        Reply r = admin.post("api/orders", "{\"locationId\":" + location + ",\"lines\":[{\"itemCode\":\"INS-TUB\","
                + "\"quantity\":" + quantity + "}],\"payments\":[{\"methodCode\":\"EFECTIVO\",\"amount\":\"2000.00\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(r.json().getString("paymentStatus")).isEqualTo("PAID");
        return r.json().getJsonNumber("id").longValue();
    }

    /** One unit of a lot with stock at LIM01 written off today, so the wastage report has a row. */
    private static void writeOffOne(Http admin) throws Exception {
        String[] b = single("select b.warehouse_id || ',' || b.item_id || ',' || b.lot_id from stock_balances b join"
                + " warehouses w on w.id = b.warehouse_id join locations l on l.id = w.location_id where l.code = 'LIM01'"
                + " and b.on_hand >= 5 order by b.on_hand desc limit 1").split(",");
        Reply r = admin.post("api/inventory/wastage", "{\"warehouseId\":" + b[0] + ",\"itemId\":" + b[1]
                + ",\"lotId\":" + b[2] + ",\"quantity\":1,\"reason\":\"EXPIRED\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }

    /** A drill-down's rows, read as kind only. */
    private record DrillRow(String kind) {
    }

    private static List<DrillRow> drillKinds(Http admin, String path) {
        Reply r = admin.get(path);
        assertThat(r.status()).as(path + " " + r).isEqualTo(200);
        List<JsonObject> rows = ((JsonArray) r.jsonStructure()).getValuesAs(JsonObject.class);
        // A drilled row's amount is money: a decimal string, like every amount of the API.
        rows.stream().filter(o -> o.containsKey("amount") && !o.isNull("amount")).forEach(o ->
                assertThat(o.get("amount").getValueType()).as(path).isEqualTo(jakarta.json.JsonValue.ValueType.STRING));
        return rows.stream().map(o -> new DrillRow(o.getString("kind"))).toList();
    }

    private static int firstNumeric(JsonObject report) {
        List<JsonObject> columns = report.getJsonArray("columns").getValuesAs(JsonObject.class);
        for (int i = 0; i < columns.size(); i++) {
            if (List.of("COUNT", "MONEY", "QUANTITY").contains(columns.get(i).getString("kind"))) {
                return i;
            }
        }
        throw new AssertionError("no figure in " + report);
    }

    /** The attachment (by file ending) of the mail the SMTP stand-in received for {@code to}; waits for the outbox. */
    private static byte[] awaitAttachmentMailedTo(String to, String ending) throws Exception {
        long until = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < until) {
            for (MimeMessage m : MAIL.getReceivedMessagesForDomain(to)) {
                for (int i = 0; m.getContent() instanceof Multipart mixed && i < mixed.getCount(); i++) {
                    BodyPart part = mixed.getBodyPart(i);
                    if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) && part.getFileName().endsWith(ending)) {
                        return part.getInputStream().readAllBytes();
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("No mail with a " + ending + " file reached " + to);
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
        Reply count = admin.post("api/reconciliation/closures/" + id + "/cash-count", "{\"lines\":[{\"value\":\"100.00\","
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
