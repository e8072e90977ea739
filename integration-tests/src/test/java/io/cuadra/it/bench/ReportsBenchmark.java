package io.cuadra.it.bench;

import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestLocations;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports over two years of 1,000,000 orders at 10 locations, against the deployed EAR. The orders, their lines
 * and payments (the aggregates' sources) and the aggregates themselves are loaded with COPY; then every report
 * is asked through the REST API as a manager would (a year, or two for weeks and months), and the home page's
 * dashboard figures; p50/p95 printed per report. Then a year of daily sales is exported as XLSX, CSV and PDF,
 * timed. Prints, never asserts a time; asserts only that the figures are those of the data loaded.
 *
 * <p>Not part of {@code ./mvnw verify} (not an *IT). Run alone, on free ports:
 * <pre>
 * ./mvnw -B verify -pl integration-tests -am -Dit.test=ReportsBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
 *    -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false [-Dcuadra.bench.orders=1000000] [port options]
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
class ReportsBenchmark extends CuadraDeployment {

    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final int LOCATIONS = 10;
    private static final int DAYS = 730;
    private static final int CHUNK = 50_000;
    /** Timed requests per report ({@code -Dcuadra.bench.runs}, 20 by default), after 3 warm-ups. */
    private static final int RUNS = Integer.getInteger("cuadra.bench.runs", 20);
    private static final String[] CHANNELS = {"COUNTER", "COUNTER", "WHATSAPP", "WEB"};
    private static final String[] CASHIERS = {"caja1@bench", "caja2@bench", "caja3@bench", "caja4@bench", "caja5@bench"};

    private final Http http = http();

    @Test
    void twoYearsOfAMillionOrdersReport() throws Exception {
        int orders = Integer.getInteger("cuadra.bench.orders", 1_000_000);
        Http admin = DemoUsers.ADMIN.signIn(http);
        long[] locations = new long[LOCATIONS];
        String[] codes = new String[LOCATIONS];
        int tag = (int) (System.currentTimeMillis() % 1000);
        for (int i = 0; i < LOCATIONS; i++) {
            codes[i] = "RB" + tag + i;
            locations[i] = TestLocations.open(admin, codes[i], tag * 10 + i, "0012", 'K', 'J');
        }
        LocalDate last = LocalDate.now(LIMA).minusDays(1);
        LocalDate first = last.minusDays(DAYS - 1);
        long t0 = System.nanoTime();
        BigDecimal gross = load(locations, codes, orders, first);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[bench] loaded %,d orders (%,d lines, %,d payments) and their aggregates with COPY in %.1f s"
                + " (load average %s)%n", orders, orders, orders, seconds, ServerCpu.loadAverage());

        JsonObject all = admin.get("api/reports/sales?group=month&from=" + first + "&to=" + last).json();
        BigDecimal reported = BigDecimal.ZERO;
        for (JsonObject row : all.getJsonArray("rows").getValuesAs(JsonObject.class)) {
            reported = reported.add(io.cuadra.it.support.JsonMoney.of(row.getJsonArray("values").get(1)));
        }
        assertThat(reported).as("gross of the two years (demo and other orders included)").isGreaterThanOrEqualTo(gross);

        LocalDate yearAgo = last.minusDays(364);
        String year = "&from=" + yearAgo + "&to=" + last;
        String two = "&from=" + first + "&to=" + last;
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("sales by day, 1 year", "api/reports/sales?group=day" + year);
        reports.put("sales by week, 2 years", "api/reports/sales?group=week" + two);
        reports.put("sales by month, 2 years", "api/reports/sales?group=month" + two);
        reports.put("sales by location, 1 year", "api/reports/sales?group=location" + year);
        reports.put("sales by channel, 1 year", "api/reports/sales?group=channel" + year);
        reports.put("sales by cashier, 1 year", "api/reports/sales?group=cashier" + year);
        reports.put("sales by day, 1 location, 1 year", "api/reports/sales?group=day&location=" + locations[3] + year);
        reports.put("payments by method, 1 year", "api/reports/payments?group=method" + year);
        reports.put("payments by day, 1 year", "api/reports/payments?group=day" + year);
        reports.put("top 20 items by revenue, 1 year", "api/reports/items?order=revenue" + year);
        reports.put("bottom 20 items by quantity, 1 year", "api/reports/items?order=quantity&bottom=true" + year);
        reports.put("items by category, 1 year", "api/reports/items?group=category" + year);
        reports.put("top 20 items by margin, 1 year", "api/reports/items?order=margin" + year);
        reports.put("bottom 20 items by margin, 1 year", "api/reports/items?order=margin&bottom=true" + year);
        reports.put("items by category with margin, 2 years", "api/reports/items?group=category" + two);
        reports.put("top 20 customers, 1 year", "api/reports/customers?group=top" + year);
        reports.put("new vs recurrent customers, 1 year", "api/reports/customers?group=new" + year);
        reports.put("cash by location, 1 year", "api/reports/cash?group=location" + year);
        reports.put("cash by month, 2 years", "api/reports/cash?group=month" + two);
        reports.put("cash by cashier, 1 year", "api/reports/cash?group=cashier" + year);
        reports.put("documents by status, 1 year", "api/reports/documents?group=status" + year);
        reports.put("documents by rejection code, 1 year", "api/reports/documents?group=rejection" + year);
        reports.put("stock valuation by warehouse", "api/reports/stock?group=warehouse" + year);
        reports.put("stock valuation by category", "api/reports/stock?group=category" + year);
        reports.put("rotation by item, 1 year", "api/reports/rotation?group=item" + year);
        reports.put("lots expiring in 30 days", "api/reports/expiring?group=lot&days=30" + year);
        reports.put("wastage by reason, 1 year", "api/reports/wastage?group=reason" + year);
        reports.put("purchases by supplier, 1 year", "api/reports/purchases?group=supplier" + year);
        reports.put("drill: one day's orders at a location", "api/reports/sales/drill?group=day&key=" + last
                + "&location=" + locations[0] + "&from=" + last + "&to=" + last);
        reports.put("dashboard (today vs last week, days to close)", "api/reports/dashboard");
        reports.put("accountant's dashboard (days to close, SUNAT states)", "api/reports/dashboard/accounting");
        reports.put("clerk's dashboard (latest alerts)", "api/notifications/alerts");
        // CPU from /proc: what a report costs whatever the other engineers' load does to the wall clock
        ServerCpu cpu = ServerCpu.find(Integer.getInteger("cuadra.it.db.port", 25432),
                System.getProperty("cuadra.it.work", "target"));
        // What the idle server burns per second (timers, pollers): taken off each report's CPU, which would
        // otherwise grow with the wall time the machine's load stretches each request to.
        long[] idleBefore = cpu.sample();
        long idleStart = System.nanoTime();
        Thread.sleep(10_000);
        double[] idle = cpu.perRequest(idleBefore, 1);
        double idleSeconds = (System.nanoTime() - idleStart) / 1e9;
        System.out.printf("[bench] idle server: Payara %.1f ms + PostgreSQL %.1f ms of CPU per second (taken off below)%n",
                idle[0] / idleSeconds, idle[1] / idleSeconds);
        System.out.printf("[bench] %-52s %8s %8s %8s %12s %12s  %s%n", "report (" + RUNS + " runs after 3 warm-ups)",
                "p50 ms", "p95 ms", "max ms", "Payara CPU", "PG CPU", "load average");
        for (Map.Entry<String, String> r : reports.entrySet()) {
            warm(admin, r.getValue());
            long[] before = cpu.sample();
            long start = System.nanoTime();
            double[] ms = time(admin, r.getValue());
            double[] used = withoutIdle(cpu.perRequest(before, RUNS), idle, idleSeconds, start, RUNS);
            System.out.printf("[bench] %-52s %8.1f %8.1f %8.1f %9.1f ms %9.1f ms  %s%n", r.getKey(), ms[0], ms[1], ms[2],
                    used[0], used[1], ServerCpu.loadAverage());
        }
        for (String format : List.of("xlsx", "csv", "pdf")) {
            double[] took = new double[3];
            long[] before = cpu.sample();
            long start = System.nanoTime();
            int size = 0;
            for (int i = 0; i < took.length; i++) {
                long s = System.nanoTime();
                Http.Bytes file = admin.getBytes("api/reports/sales/export?format=" + format + "&group=day" + year);
                took[i] = (System.nanoTime() - s) / 1e6;
                assertThat(file.status()).isEqualTo(200);
                size = file.body().length;
            }
            double[] used = withoutIdle(cpu.perRequest(before, took.length), idle, idleSeconds, start, took.length);
            Arrays.sort(took);
            System.out.printf("[bench] export of a year's daily sales as %s (3 runs): min %.0f ms, max %.0f ms, %,d bytes;"
                    + " CPU Payara %.0f ms + PostgreSQL %.0f ms each; load average %s%n", format, took[0], took[2], size,
                    used[0], used[1], ServerCpu.loadAverage());
        }
    }

    /** CPU per request less the idle server's share of the wall time the requests took. */
    private static double[] withoutIdle(double[] perRequest, double[] idle, double idleSeconds, long startNanos,
                                        int requests) {
        if (perRequest[0] < 0) {
            return perRequest;
        }
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        return new double[] {Math.max(0, perRequest[0] - idle[0] / idleSeconds * seconds / requests),
                Math.max(0, perRequest[1] - idle[1] / idleSeconds * seconds / requests)};
    }

    private static void warm(Http admin, String path) {
        for (int i = 0; i < 3; i++) {
            Reply r = admin.get(path);
            assertThat(r.status()).as(path + " " + r).isEqualTo(200);
        }
    }

    /** p50, p95 and max of {@link #RUNS} requests. */
    private static double[] time(Http admin, String path) {
        double[] ms = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long s = System.nanoTime();
            Reply r = admin.get(path);
            ms[i] = (System.nanoTime() - s) / 1e6;
            assertThat(r.status()).isEqualTo(200);
        }
        Arrays.sort(ms);
        return new double[] {ms[RUNS / 2], ms[(int) Math.ceil(RUNS * 0.95) - 1], ms[RUNS - 1]};
    }

    /** Sums kept per aggregate row while the orders are written. */
    private static final class Sums {
        final long[] counts = new long[4];
        final BigDecimal[] money = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /**
     * Orders spread evenly over the days and locations, 07:00–21:00 Lima; 1 to 3 units of one of the tenant's
     * services; three in ten for a named customer; one in a hundred cancelled the same day; paid by cash, card
     * (3.99 % + 0.50) or Yape. Returns the gross of the orders loaded.
     */
    private static BigDecimal load(long[] locations, String[] codes, int count, LocalDate first) throws Exception {
        try (Connection c = TestDatabase.current().connect()) {
            c.setAutoCommit(false);
            long tenant = single(c, "select tenant_id from locations where id = " + locations[0]);
            List<long[]> items = rows(c, "select id, coalesce(category_id, 0) from items where tenant_id = " + tenant
                    + " and type = 'SERVICE' and active order by id limit 6");
            List<String[]> itemText = new ArrayList<>();
            for (long[] it : items) {
                itemText.add(texts(c, "select code, name, unit_code, price from items where id = " + it[0]));
            }
            List<long[]> customers = rows(c, "select id, 0 from customers where tenant_id = " + tenant + " limit 200");
            long cash = single(c, "select id from payment_methods where tenant_id = " + tenant + " and code = 'EFECTIVO'");
            long card = single(c, "select id from payment_methods where tenant_id = " + tenant + " and code = 'VISA'");
            long yape = single(c, "select id from payment_methods where tenant_id = " + tenant + " and code = 'YAPE'");
            long firstId = single(c, "select nextval('cuadra_id_seq')") + 1;
            single(c, "select setval('cuadra_id_seq', " + (firstId + 3L * count + 1000) + ")");
            c.commit();

            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder o = new StringBuilder();
            StringBuilder l = new StringBuilder();
            StringBuilder p = new StringBuilder();
            Map<String, Sums> sales = new HashMap<>();
            Map<String, Sums> payments = new HashMap<>();
            Map<String, Sums> lines = new HashMap<>();
            Map<String, Sums> buyers = new HashMap<>();
            Map<String, Sums> costs = new HashMap<>();
            BigDecimal costShare = new BigDecimal("0.45");
            Map<String, Integer> sequences = new HashMap<>();
            BigDecimal gross = BigDecimal.ZERO;
            BigDecimal fixed = new BigDecimal("0.50");
            BigDecimal percent = new BigDecimal("0.0399");
            for (int i = 0; i < count; i++) {
                int loc = i % LOCATIONS;
                LocalDate day = first.plusDays((long) i * DAYS / count);
                Instant at = day.atTime(7, 0).atZone(LIMA).toInstant().plusSeconds((i * 37L) % (14 * 3600));
                int itemIndex = (i / 7) % items.size();
                long itemId = items.get(itemIndex)[0];
                String[] item = itemText.get(itemIndex);
                BigDecimal qty = BigDecimal.valueOf(1 + i % 3);
                BigDecimal total = new BigDecimal(item[3]).multiply(qty).setScale(2, RoundingMode.HALF_UP);
                BigDecimal base = total.divide(new BigDecimal("1.18"), 2, RoundingMode.HALF_UP);
                BigDecimal tax = total.subtract(base);
                String channel = CHANNELS[(i / 3) % CHANNELS.length];
                String cashier = CASHIERS[(i / 11) % CASHIERS.length];
                boolean cancelled = i % 100 == 42;
                Long customer = i % 10 < 3 && !customers.isEmpty() ? customers.get((i / 10) % customers.size())[0] : null;
                int year = day.getYear();
                int seq = sequences.merge(loc + "-" + year, 1, Integer::sum);
                long orderId = firstId + i;
                o.append(orderId).append('\t').append(tenant).append('\t').append(codes[loc]).append('-').append(year)
                        .append('-').append(String.format("%06d", seq)).append('\t').append(locations[loc]).append('\t')
                        .append(year).append('\t').append(seq).append('\t').append(customer == null ? "\\N" : customer)
                        .append('\t').append(channel).append('\t').append(cancelled ? "CANCELLED" : "COMPLETED")
                        .append('\t').append(cancelled ? "PENDING" : "PAID").append("\tPEN\ttrue\t").append(at).append('\t')
                        .append(cancelled ? "\\N" : at.plusSeconds(60)).append('\t')
                        .append(cancelled ? at.plusSeconds(120) : "\\N").append('\t')
                        .append(cancelled ? "Cliente desistió" : "\\N").append('\t').append(total).append("\t0.00\t")
                        .append(base).append('\t').append(tax).append('\t').append(total).append('\t')
                        .append(cancelled ? "0.00" : total).append('\t').append(cashier).append('\t').append(cashier)
                        .append('\n');
                l.append(firstId + count + i).append('\t').append(tenant).append('\t').append(orderId).append("\t1\t")
                        .append(itemId).append('\t').append(item[0]).append('\t').append(item[1]).append("\tSERVICE\t")
                        .append(item[2]).append('\t').append(qty).append('\t').append(item[3]).append("\t18.00\t10\t")
                        .append("0.00\t0.00\t").append(base).append('\t').append(tax).append('\t').append(total).append('\t')
                        .append(base.divide(qty, 10, RoundingMode.HALF_UP)).append('\t')
                        .append(total.divide(qty, 10, RoundingMode.HALF_UP)).append('\t').append(cashier).append('\t')
                        .append(cashier).append('\n');
                String key = locations[loc] + "\t" + day + "\t" + channel;
                Sums s = sales.computeIfAbsent(key + "\t" + cashier, k -> new Sums());
                s.counts[0]++;
                s.money[0] = s.money[0].add(total);
                s.money[1] = s.money[1].add(base);
                s.money[2] = s.money[2].add(tax);
                Sums it = lines.computeIfAbsent(key + "\t" + itemId, k -> new Sums());
                it.money[0] = it.money[0].add(qty);
                it.money[1] = it.money[1].add(base);
                it.money[2] = it.money[2].add(total);
                Sums b = customer == null ? null : buyers.computeIfAbsent(key + "\t" + customer, k -> new Sums());
                if (b != null) {
                    b.counts[0]++;
                    b.money[0] = b.money[0].add(total);
                }
                gross = gross.add(total);
                if (cancelled) {
                    s.counts[1]++;
                    s.money[3] = s.money[3].add(total);
                    it.money[3] = it.money[3].add(qty);
                    if (b != null) {
                        b.money[1] = b.money[1].add(total);
                    }
                } else {
                    // cost of goods as inventory would publish it: 45 % of the value, on the payment's day
                    Sums cost = costs.computeIfAbsent(key + "\t" + itemId, k -> new Sums());
                    cost.money[0] = cost.money[0].add(base.multiply(costShare).setScale(2, RoundingMode.HALF_UP));
                    int m = i % 5;
                    long method = m < 3 ? cash : m == 3 ? card : yape;
                    String code = method == cash ? "EFECTIVO" : method == card ? "VISA" : "YAPE";
                    String kind = method == cash ? "CASH" : method == card ? "CARD" : "MOBILE_WALLET";
                    BigDecimal fee = method == card ? total.multiply(percent).add(fixed).setScale(2, RoundingMode.HALF_UP)
                            : null;
                    p.append(firstId + 2L * count + i).append('\t').append(tenant).append('\t').append(orderId).append('\t')
                            .append(method).append('\t').append(code).append('\t').append(kind).append('\t').append(total)
                            .append('\t').append(total).append("\t0.00\t").append(method == cash ? "\\N" : "OP" + i)
                            .append('\t').append(at.plusSeconds(60)).append('\t').append(cashier).append('\t')
                            .append(fee == null ? "\\N" : fee).append('\t').append(fee == null ? total : total.subtract(fee))
                            .append('\t').append(cashier).append('\t').append(cashier).append('\n');
                    Sums pay = payments.computeIfAbsent(locations[loc] + "\t" + day + "\t" + code + "\t" + kind + "\t"
                            + cashier, k -> new Sums());
                    pay.counts[0]++;
                    pay.money[0] = pay.money[0].add(total);
                    pay.money[1] = pay.money[1].add(fee == null ? BigDecimal.ZERO : fee);
                }
                if ((i + 1) % CHUNK == 0 || i == count - 1) {
                    copy.copyIn("copy orders (id, tenant_id, number, location_id, year, sequence, customer_id, channel,"
                            + " status, payment_status, currency, prices_include_tax, registered_at, paid_at, cancelled_at,"
                            + " cancel_reason, subtotal, discount_total, base_total, tax_total, total, paid_total,"
                            + " created_by, updated_by) from stdin", new StringReader(o.toString()));
                    copy.copyIn("copy order_lines (id, tenant_id, order_id, line_number, item_id, item_code, item_name,"
                            + " item_type, unit_code, quantity, unit_price, tax_percent, affectation_code,"
                            + " line_discount_total, order_discount_share, base, tax, total, unit_value, unit_sale_price,"
                            + " created_by, updated_by) from stdin", new StringReader(l.toString()));
                    copy.copyIn("copy order_payments (id, tenant_id, order_id, method_id, method_code, method_kind, amount,"
                            + " tendered, change_given, reference, paid_at, registered_by, card_fee, net_amount, created_by,"
                            + " updated_by) from stdin", new StringReader(p.toString()));
                    o.setLength(0);
                    l.setLength(0);
                    p.setLength(0);
                }
            }
            StringBuilder rows = new StringBuilder();
            sales.forEach((k, s) -> rows.append(tenant).append('\t').append(k).append('\t').append(s.counts[0])
                    .append('\t').append(s.money[0]).append("\t0\t").append(s.money[1]).append('\t').append(s.money[2])
                    .append('\t').append(s.counts[1]).append('\t').append(s.money[3]).append("\t0\t0\n"));
            copy.copyIn("copy rpt_sales_daily (tenant_id, location_id, business_day, channel, cashier, orders, gross,"
                    + " discounts, base, tax, cancelled_orders, cancelled_total, returns, returned_total) from stdin",
                    new StringReader(rows.toString()));
            rows.setLength(0);
            payments.forEach((k, s) -> rows.append(tenant).append('\t').append(k).append('\t').append(s.counts[0])
                    .append('\t').append(s.money[0]).append('\t').append(s.money[1]).append("\t0\t0\n"));
            copy.copyIn("copy rpt_payments_daily (tenant_id, location_id, business_day, method_code, method_kind, cashier,"
                    + " payments, amount, card_fees, refunds, refunded) from stdin", new StringReader(rows.toString()));
            rows.setLength(0);
            lines.forEach((k, s) -> rows.append(tenant).append('\t').append(k).append('\t').append(s.money[0])
                    .append('\t').append(s.money[1]).append('\t').append(s.money[2]).append('\t').append(s.money[3])
                    .append("\t0\t0\n"));
            copy.copyIn("copy rpt_items_daily (tenant_id, location_id, business_day, channel, item_id, sold_qty, sold_base,"
                    + " sold_total, back_qty, back_base, back_total) from stdin", new StringReader(rows.toString()));
            rows.setLength(0);
            buyers.forEach((k, s) -> rows.append(tenant).append('\t').append(k).append('\t').append(s.counts[0])
                    .append('\t').append(s.money[0]).append('\t').append(s.money[1]).append('\n'));
            copy.copyIn("copy rpt_customers_daily (tenant_id, location_id, business_day, channel, customer_id, orders,"
                    + " spent, back) from stdin", new StringReader(rows.toString()));
            rows.setLength(0);
            costs.forEach((k, s) -> rows.append(tenant).append('\t').append(k).append('\t').append(s.money[0])
                    .append("\t0\n"));
            copy.copyIn("copy rpt_costs_daily (tenant_id, location_id, business_day, channel, item_id, out_cost,"
                    + " back_cost) from stdin", new StringReader(rows.toString()));
            c.commit();
            System.out.printf("[bench] aggregate rows: sales %,d, payments %,d, items %,d, customers %,d, costs %,d%n",
                    sales.size(), payments.size(), lines.size(), buyers.size(), costs.size());
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                for (String t : List.of("orders", "order_lines", "order_payments", "rpt_sales_daily", "rpt_payments_daily",
                        "rpt_items_daily", "rpt_customers_daily", "rpt_costs_daily")) {
                    s.execute("vacuum analyze " + t);
                }
            }
            return gross;
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<long[]> rows(Connection c, String sql) throws Exception {
        List<long[]> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
        }
        return out;
    }

    private static String[] texts(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            String[] out = new String[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) {
                out[i] = rs.getString(i + 1);
            }
            return out;
        }
    }
}
