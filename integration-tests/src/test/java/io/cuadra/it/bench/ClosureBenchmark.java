package io.cuadra.it.bench;

import io.cuadra.it.support.JsonMoney;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily closure of one location's day of 100,000 orders, against the deployed EAR: the day is
 * loaded with COPY into the real orders, payments (and, once the billing component's table exists,
 * documents) tables, then the closure job runs through the REST API as a supervisor would start it,
 * and the day is closed (which computes it again, in the request). Prints orders/s, times and the
 * machine's load average; asserts only that the figures are those of the data loaded.
 *
 * <p>Not part of {@code ./mvnw verify} (not an *IT). Run alone, on free ports:
 * <pre>
 * ./mvnw -B verify -pl integration-tests -am -Dit.test=ClosureBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
 *    -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false [-Dcuadra.bench.orders=100000] \
 *    [-Dcuadra.bench.itemCounts=default,default,5000] [port options]
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
class ClosureBenchmark extends CuadraDeployment {

    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);
    private static final int CHUNK = 20_000;

    private final Http http = http();

    @Test
    void aDayOfOneHundredThousandOrdersCloses() throws Exception {
        int orders = Integer.getInteger("cuadra.bench.orders", 100_000);
        Http admin = DemoUsers.ADMIN.signIn(http);
        String code = "BN" + (System.currentTimeMillis() % 100_000_000);
        Reply location = admin.post("api/locations", "{\"code\":\"" + code + "\",\"name\":\"Benchmark\","
                + "\"timeZone\":\"America/Lima\",\"sunatEstablishment\":\"0009\"}");
        assertThat(location.status()).as(location.toString()).isEqualTo(201);
        long locationId = location.json().getJsonNumber("id").longValue();

        Loaded loaded = load(locationId, code, orders);
        System.out.printf("[bench] loaded %,d orders, %,d payments, %,d documents with COPY in %.1f s (%,.0f rows/s)%n",
                loaded.orders, loaded.payments, loaded.documents, loaded.seconds,
                (loaded.orders + loaded.payments + loaded.documents) / loaded.seconds);

        // The configured chunk size first (a first computation: every discrepancy is new), then the same
        // day again with each other item count asked for (a re-run of an open day recomputes it).
        for (String itemCount : System.getProperty("cuadra.bench.itemCounts", "default,default,5000").split(",")) {
            runJob(admin, locationId, itemCount.strip(), loaded.orders);
        }

        Reply closures = admin.get("api/reconciliation/closures?locationId=" + locationId + "&from=" + DAY + "&to=" + DAY);
        JsonObject closure = closures.json().getJsonArray("items").getJsonObject(0);
        assertThat(closure.getInt("orderCount") + closure.getInt("cancelledOrderCount")).isEqualTo(orders);
        assertThat(JsonMoney.of(closure, "expectedTotal")).isEqualByComparingTo(loaded.expectedTotal);
        System.out.printf("[bench] figures: %,d orders (%,d cancelled), expected %s PEN (cash %s), %,d discrepancies%n",
                closure.getInt("orderCount"), closure.getInt("cancelledOrderCount"), closure.get("expectedTotal"),
                closure.get("expectedCash"), closure.getInt("discrepancyCount"));

        long closureId = closure.getJsonNumber("id").longValue();
        // A day that took cash closes with its drawer count (any count: the notes justify the difference).
        Reply counted = admin.post("api/reconciliation/closures/" + closureId + "/cash-count",
                "{\"lines\":[{\"value\":\"100\",\"count\":1}]}", "If-Match",
                admin.get("api/reconciliation/closures/" + closureId).header("ETag"));
        assertThat(counted.status()).as(counted.toString()).isEqualTo(201);
        Reply read = admin.get("api/reconciliation/closures/" + closureId);
        long t0 = System.nanoTime();
        Reply closed = admin.post("api/reconciliation/closures/" + closureId + "/close", "{\"notes\":\"benchmark\"}",
                "If-Match", read.header("ETag"));
        double closing = (System.nanoTime() - t0) / 1e9;
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        System.out.printf("[bench] closing the day (computed again in the request): %.2f s%n", closing);
    }

    /** Runs the closure job of the day once and prints its time, rate and the machine's load around it. */
    private static void runJob(Http admin, long locationId, String itemCount, int orders) throws Exception {
        String load = loadAverage();
        long t0 = System.nanoTime();
        Reply run = admin.post("api/reconciliation/closures/run", "{\"locationId\":" + locationId
                + ",\"businessDate\":\"" + DAY + "\"" + ("default".equals(itemCount) ? "" : ",\"itemCount\":" + itemCount)
                + "}");
        assertThat(run.status()).as(run.toString()).isEqualTo(202);
        JsonObject execution = await(admin, run.json().getJsonNumber("executionId").longValue());
        double wall = (System.nanoTime() - t0) / 1e9;
        assertThat(execution.getString("batchStatus")).as(execution.toString()).isEqualTo("COMPLETED");
        double job = Duration.between(OffsetDateTime.parse(execution.getString("startedAt")),
                OffsetDateTime.parse(execution.getString("endedAt"))).toMillis() / 1000.0;
        JsonObject step = execution.getJsonArray("steps").getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getString("name").equals("tally-one")).findFirst().orElseThrow();
        System.out.printf("[bench] closure job (item count %s): %.2f s from start to end (%.2f s seen by the client), "
                        + "%,d items read in %d commits: %,.0f orders/s; load average before %s, after %s%n", itemCount,
                job, wall, step.getJsonNumber("read").longValue(), step.getJsonNumber("commits").longValue(),
                orders / job, load, loadAverage());
    }

    /** The 1, 5 and 15 minute load averages (what uptime prints): the machine is shared. */
    private static String loadAverage() throws java.io.IOException {
        String[] parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    private record Loaded(int orders, int payments, int documents, double seconds, BigDecimal expectedTotal) {
    }

    /**
     * A busy counter day: totals from 10.00 to 194.63, three payments in four cash (tendered to the next
     * ten, change given), then card with its fee, transfer, Yape; one order in ten paid half cash half
     * card; one in a hundred cancelled; one transfer in two hundred without its operation number; a receipt
     * per paid order but one in two hundred.
     */
    private static Loaded load(long locationId, String code, int count) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = TestDatabase.current().connect()) {
            c.setAutoCommit(false);
            long tenant = single(c, "select tenant_id from locations where id = " + locationId);
            long cash = single(c, "select id from payment_methods where tenant_id = " + tenant + " and kind = 'CASH' order by position limit 1");
            long card = single(c, "select id from payment_methods where tenant_id = " + tenant + " and kind = 'CARD' order by position limit 1");
            long transfer = single(c, "select id from payment_methods where tenant_id = " + tenant + " and kind = 'BANK_TRANSFER' order by position limit 1");
            long wallet = single(c, "select id from payment_methods where tenant_id = " + tenant + " and kind = 'MOBILE_WALLET' order by position limit 1");
            String cashCode = text(c, cash);
            String cardCode = text(c, card);
            String transferCode = text(c, transfer);
            String walletCode = text(c, wallet);
            // A block of ids nobody else will be given: the sequence moves past it.
            long first = single(c, "select nextval('cuadra_id_seq')") + 1;
            long span = 3L * count + 100;
            single(c, "select setval('cuadra_id_seq', " + (first + span + 100) + ")");
            c.commit();

            boolean billing = single(c, "select count(*) from pg_tables where tablename = 'billing_documents'") > 0;
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder orderRows = new StringBuilder();
            StringBuilder paymentRows = new StringBuilder();
            StringBuilder documentRows = new StringBuilder();
            long documentId = first + 2L * count + 50;
            int documents = 0;
            long paymentId = first + count;
            int payments = 0;
            BigDecimal expected = BigDecimal.ZERO;
            Instant start = DAY.atTime(7, 0).atZone(LIMA).toInstant();
            for (int i = 0; i < count; i++) {
                long orderId = first + i;
                BigDecimal total = new BigDecimal("10.00").add(new BigDecimal("0.37").multiply(BigDecimal.valueOf(i % 500)));
                BigDecimal base = total.divide(new BigDecimal("1.18"), 2, RoundingMode.HALF_UP);
                Instant at = start.plusMillis(i * 500L);
                boolean cancelled = i % 100 == 99;
                orderRows.append(orderId).append('\t').append(tenant).append('\t').append(code).append("-2026-")
                        .append(String.format("%06d", i + 1)).append('\t').append(locationId).append("\t2026\t")
                        .append(i + 1).append("\tCOUNTER\t").append(cancelled ? "CANCELLED" : "COMPLETED").append('\t')
                        .append(cancelled ? "PENDING" : "PAID").append("\tPEN\ttrue\t").append(at).append('\t')
                        .append(cancelled ? "\\N" : at.plusSeconds(1)).append('\t')
                        .append(cancelled ? "Cliente desistió" : "\\N").append('\t')
                        .append(total).append("\t0.00\t").append(base).append('\t').append(total.subtract(base)).append('\t')
                        .append(total).append('\t').append(cancelled ? "0.00" : total).append("\tbench\tbench\n");
                if (!cancelled) {
                    int kind = i % 4;
                    if (i % 10 == 3) {
                        BigDecimal half = total.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
                        paymentRows.append(payment(paymentId++, tenant, orderId, cash, cashCode, "CASH", half, half, null, at));
                        paymentRows.append(payment(paymentId++, tenant, orderId, card, cardCode, "CARD", total.subtract(half),
                                null, "V" + i, at));
                        payments += 2;
                    } else {
                        long method = kind < 3 ? cash : i % 8 == 3 ? card : i % 8 == 7 ? transfer : wallet;
                        String methodCode = method == cash ? cashCode : method == card ? cardCode
                                : method == transfer ? transferCode : walletCode;
                        String methodKind = method == cash ? "CASH" : method == card ? "CARD"
                                : method == transfer ? "BANK_TRANSFER" : "MOBILE_WALLET";
                        BigDecimal tendered = method == cash ? total.divide(BigDecimal.TEN, 0, RoundingMode.CEILING)
                                .multiply(BigDecimal.TEN).setScale(2) : null;
                        String reference = method == cash || i % 200 == 7 ? null : "OP" + i;
                        paymentRows.append(payment(paymentId++, tenant, orderId, method, methodCode, methodKind, total,
                                tendered, reference, at));
                        payments++;
                    }
                    expected = expected.add(total);
                    // One paid order in two hundred was never given its receipt.
                    if (billing && i % 200 != 11) {
                        documents++;
                        documentRows.append(documentId++).append('\t').append(tenant).append("\tBOLETA\t03\t")
                                .append(locationId).append('\t').append(orderId).append("\tB999\t").append(documents)
                                .append("\tB999-").append(String.format("%08d", documents)).append("\tACCEPTED\t")
                                .append(DAY).append('\t').append(at.plusSeconds(2)).append("\tAmerica/Lima\tPEN\tPE\t")
                                .append("20601030013\tLaboratorios Cuadra Demo S.A.C.\tAv. Javier Prado Este 1234\t0\t-\t")
                                .append("Cliente varios\t").append(base).append('\t').append(total.subtract(base)).append('\t')
                                .append(total).append("\tbench\tbench\n");
                    }
                }
                if ((i + 1) % CHUNK == 0 || i == count - 1) {
                    copy.copyIn("copy orders (id, tenant_id, number, location_id, year, sequence, channel, status, "
                            + "payment_status, currency, prices_include_tax, registered_at, paid_at, cancel_reason, "
                            + "subtotal, discount_total, base_total, tax_total, total, paid_total, created_by, updated_by) "
                            + "from stdin", new StringReader(orderRows.toString()));
                    copy.copyIn("copy order_payments (id, tenant_id, order_id, method_id, method_code, method_kind, amount, "
                            + "tendered, change_given, reference, paid_at, registered_by, card_fee, net_amount, created_by, "
                            + "updated_by) from stdin", new StringReader(paymentRows.toString()));
                    if (billing) {
                        copy.copyIn("copy billing_documents (id, tenant_id, kind, type_code, location_id, order_id, series, "
                                + "number, display_number, status, issue_date, issued_at, time_zone, currency, issuer_country, "
                                + "issuer_tax_id, issuer_legal_name, issuer_address, customer_doc_type, customer_doc_number, "
                                + "customer_name, total_value, total_tax, total_amount, created_by, updated_by) from stdin",
                                new StringReader(documentRows.toString()));
                    }
                    orderRows.setLength(0);
                    paymentRows.setLength(0);
                    documentRows.setLength(0);
                }
            }
            c.commit();
            // Vacuumed as well as analysed: rows written by the day's traffic are long settled when the day
            // closes; rows just copied are not, and the first read would pay for setting their hint bits.
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze orders");
                s.execute("vacuum analyze order_payments");
                if (billing) {
                    s.execute("vacuum analyze billing_documents");
                }
            }
            if (!billing) {
                System.out.println("[bench] billing_documents does not exist yet: the day has no documents, and every "
                        + "paid order is a MISSING_INVOICE discrepancy");
            }
            return new Loaded(count, payments, documents, (System.nanoTime() - t0) / 1e9, expected);
        }
    }

    /** One payment row; cash tendered above the amount comes back as change, a card pays its provider's fee. */
    private static String payment(long id, long tenant, long orderId, long method, String code, String kind,
                                  BigDecimal amount, BigDecimal tendered, String reference, Instant at) {
        BigDecimal given = tendered == null ? amount : tendered;
        BigDecimal fee = "CARD".equals(kind) ? amount.multiply(new BigDecimal("0.0399")).add(new BigDecimal("0.50"))
                .setScale(2, RoundingMode.HALF_UP) : null;
        return id + "\t" + tenant + "\t" + orderId + "\t" + method + "\t" + code + "\t" + kind + "\t" + amount + "\t"
                + given + "\t" + given.subtract(amount) + "\t" + (reference == null ? "\\N" : reference) + "\t"
                + at.plusSeconds(1) + "\tbench\t" + (fee == null ? "\\N" : fee) + "\t"
                + (fee == null ? amount : amount.subtract(fee)) + "\tbench\tbench\n";
    }

    private static JsonObject await(Http client, long executionId) throws InterruptedException {
        while (true) {
            JsonObject e = client.get("api/reconciliation/jobs/" + executionId).json();
            if (List.of("COMPLETED", "FAILED", "STOPPED").contains(e.getString("batchStatus"))) {
                return e;
            }
            Thread.sleep(100);
        }
    }

    private static long single(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, long methodId) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select code from payment_methods where id = "
                + methodId)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
