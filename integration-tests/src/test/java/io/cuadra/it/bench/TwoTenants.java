package io.cuadra.it.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 23's "no tenant-wide serial point", measured: the demo tenant's orders with {@code half} clients alone,
 * then the same {@code half} clients on the demo tenant and {@code half} more on a second tenant opened here (a
 * Mexican one, as an operator opens it: its administrator's password chosen through the invitation, 6 locations,
 * 3 services at IVA 16 %, paid by its country pack's methods) at the same time. Beside the throughput, latency and
 * CPU per order of each phase, PostgreSQL is sampled every 100 ms for backends waiting on a lock, with the
 * statement waiting and the one holding it: a wait between two tenants' orders would show here.
 */
final class TwoTenants {

    private static final Pattern TOKEN = Pattern.compile("reset-password\\.xhtml\\?token=([\\w-]+)");
    private static final String OPERATOR = "{\"email\":\"operador@cuadra.demo\",\"password\":\"Operador-Cuadra-2026!\"}";
    private static final String PASSWORD = "Bench-Cuadra-2026!";

    private TwoTenants() {
    }

    /** Opens the second tenant and prepares its sale (locations, items, payment methods); signed in as its admin. */
    static OrderLoadBenchmark open(OrderLoadBenchmark demo, String baseUrl, int pgPort) throws Exception {
        OrderLoadBenchmark other = new OrderLoadBenchmark(baseUrl);
        other.token = OrderLoadBenchmark.json(other.send("POST", "/api/platform/auth/login", OPERATOR, null), 200)
                .getString("accessToken");
        String slug = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = "admin@" + slug + ".test";
        OrderLoadBenchmark.json(other.send("POST", "/api/platform/tenants", "{\"slug\":\"" + slug
                + "\",\"legalName\":\"BENCH " + slug.toUpperCase() + " SA DE CV\",\"taxId\":\"SAT970701NN3\","
                + "\"address\":\"Av. Central 100\",\"country\":\"MX\",\"locationCode\":\"BMX01\",\"admin\":{\"email\":\""
                + admin + "\",\"firstName\":\"Bench\",\"lastName\":\"" + slug + "\"}}", UUID.randomUUID().toString()), 201);
        other.token = null;
        HttpResponse<String> chosen = other.send("POST", "/api/auth/password/reset", "{\"token\":\""
                + invitationToken(pgPort, admin) + "\",\"newPassword\":\"" + PASSWORD + "\"}", null);
        if (chosen.statusCode() != 204) {
            throw new IllegalStateException("password not chosen: " + chosen.statusCode() + " " + chosen.body());
        }
        other.token = OrderLoadBenchmark.json(other.send("POST", "/api/auth/login", "{\"email\":\"" + admin
                + "\",\"password\":\"" + PASSWORD + "\"}", null), 200).getString("accessToken");
        other.locations.add(array(other, "/api/locations").getJsonObject(0).getJsonNumber("id").longValue());
        for (int n = 2; other.locations.size() < demo.locations.size(); n++) {
            other.locations.add(OrderLoadBenchmark.json(other.send("POST", "/api/locations", String.format(
                    "{\"code\":\"BMX%02d\",\"name\":\"Bench %02d\",\"timeZone\":\"America/Mexico_City\","
                            + "\"receiptSeries\":\"B%03d\"}", n, n, n), null), 201).getJsonNumber("id").longValue());
        }
        long iva = -1;
        for (JsonValue v : array(other, "/api/catalog/tax-rates")) {
            if (v.asJsonObject().getString("name").startsWith("IVA 16")) {
                iva = v.asJsonObject().getJsonNumber("id").longValue();
            }
        }
        for (int i = 1; i <= 3; i++) {
            other.items.add(OrderLoadBenchmark.json(other.send("POST", "/api/catalog/items", "{\"type\":\"SERVICE\","
                    + "\"code\":\"BENCH" + i + "\",\"name\":\"Bench service " + i + "\",\"unitCode\":\"ZZ\",\"price\":\""
                    + (100 + 10 * i) + ".00\",\"taxRateId\":" + iva + "}", null), 201));
        }
        for (JsonValue v : array(other, "/api/payment-methods")) {
            JsonObject m = v.asJsonObject();
            if ("CASH".equals(m.getString("kind"))) {
                other.cashMethod = m.getString("code");
            } else {
                other.referenceMethod = m.getString("code");
            }
        }
        System.out.printf("Second tenant %s: locations %s, payments %s + %s%n", slug, other.locations,
                other.referenceMethod, other.cashMethod);
        return other;
    }

    static void run(OrderLoadBenchmark demo, OrderLoadBenchmark other, int half, int seconds, ServerCpu cpu, int pgPort)
            throws Exception {
        System.out.printf("Warming up both tenants (10 s, %d clients each)...%n", half);
        together(demo, other, half, 10, null);
        long[] before = cpu.sample();
        OrderLoadBenchmark.Result alone = demo.closed(half, seconds, true);
        cpu.print("demo tenant alone", before, alone.count.get());
        LockWaits waits = new LockWaits(pgPort);
        before = cpu.sample();
        OrderLoadBenchmark.Result[] both = together(demo, other, half, seconds, waits);
        cpu.print("both tenants", before, both[0].count.get() + both[1].count.get());
        both[0].print("demo tenant, " + half + " clients, beside the second tenant");
        both[1].print("second tenant, " + half + " clients, beside the demo tenant");
        waits.print();
        System.out.printf("%nSUMMARY two tenants %d + %d clients: demo alone %.1f orders/s (p99 %.1f ms); together demo"
                        + " %.1f + second %.1f = %.1f orders/s (p99 %.1f / %.1f ms); lock waits seen in %d of %d samples"
                        + " (load average %s)%n", half, half, alone.throughput(), alone.p(99), both[0].throughput(),
                both[1].throughput(), both[0].throughput() + both[1].throughput(), both[0].p(99), both[1].p(99),
                waits.waiting.get(), waits.samples.get(), ServerCpu.loadAverage());
    }

    private static OrderLoadBenchmark.Result[] together(OrderLoadBenchmark a, OrderLoadBenchmark b, int clients,
                                                       int seconds, LockWaits waits) throws Exception {
        ExecutorService both = Executors.newFixedThreadPool(2);
        AtomicInteger sa = new AtomicInteger(2_000_000);
        AtomicInteger sb = new AtomicInteger(3_000_000);
        if (waits != null) {
            waits.start();
        }
        Future<OrderLoadBenchmark.Result> ra = both.submit(() -> OrderLoadBenchmark.closedLoop(clients, seconds,
                () -> a.registerOrder(sa.incrementAndGet())));
        Future<OrderLoadBenchmark.Result> rb = both.submit(() -> OrderLoadBenchmark.closedLoop(clients, seconds,
                () -> b.registerOrder(sb.incrementAndGet())));
        OrderLoadBenchmark.Result[] results = {ra.get(), rb.get()};
        if (waits != null) {
            waits.stop();
        }
        both.shutdown();
        return results;
    }

    private static JsonArray array(OrderLoadBenchmark as, String path) throws Exception {
        HttpResponse<String> r = as.send("GET", path, null, null);
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return Json.createReader(new StringReader(r.body())).readArray();
    }

    private static Connection connect(int pgPort) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + pgPort + "/cuadra", "postgres", "postgres");
    }

    /** The invitation's token, read from the mail outbox of the server's database. */
    private static String invitationToken(int pgPort, String recipient) throws SQLException {
        try (Connection c = connect(pgPort); PreparedStatement s = c.prepareStatement(
                "select body from outgoing_mail where recipient = ? order by id desc limit 1")) {
            s.setString(1, recipient);
            try (ResultSet rs = s.executeQuery()) {
                Matcher m = rs.next() ? TOKEN.matcher(rs.getString(1)) : null;
                if (m == null || !m.find()) {
                    throw new IllegalStateException("no invitation mail to " + recipient);
                }
                return m.group(1);
            }
        }
    }

    /** Samples pg_stat_activity: which statement waits on a lock, and which holds it. */
    private static final class LockWaits {
        private final int pgPort;
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicLong samples = new AtomicLong();
        private final AtomicLong waiting = new AtomicLong();
        private final Map<String, AtomicLong> pairs = new ConcurrentHashMap<>();
        private Thread sampler;

        LockWaits(int pgPort) {
            this.pgPort = pgPort;
        }

        void start() {
            running.set(true);
            sampler = new Thread(() -> {
                try (Connection c = connect(pgPort); Statement s = c.createStatement()) {
                    while (running.get()) {
                        boolean any = false;
                        try (ResultSet rs = s.executeQuery("select left(regexp_replace(w.query, '\\s+', ' ', 'g'), 90),"
                                + " left(regexp_replace(h.query, '\\s+', ' ', 'g'), 90) from pg_stat_activity w"
                                + " cross join lateral unnest(pg_blocking_pids(w.pid)) as b(pid)"
                                + " join pg_stat_activity h on h.pid = b.pid"
                                + " where w.datname = 'cuadra' and w.wait_event_type = 'Lock'")) {
                            while (rs.next()) {
                                any = true;
                                pairs.computeIfAbsent(rs.getString(1) + "\n      held by: " + rs.getString(2),
                                        k -> new AtomicLong()).incrementAndGet();
                            }
                        }
                        samples.incrementAndGet();
                        if (any) {
                            waiting.incrementAndGet();
                        }
                        Thread.sleep(100);
                    }
                } catch (SQLException e) {
                    System.out.println("lock sampling stopped: " + e.getMessage());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "lock-waits");
            sampler.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            sampler.join();
        }

        void print() {
            System.out.printf("%nLock waits: %d of %d samples (every 100 ms) saw a backend waiting on a lock;"
                    + " the most seen (waiting statement, and the one it waits for):%n", waiting.get(), samples.get());
            pairs.entrySet().stream().sorted((x, y) -> Long.compare(y.getValue().get(), x.getValue().get())).limit(8)
                    .forEach(e -> System.out.printf("  %5d  %s%n", e.getValue().get(), e.getKey()));
        }
    }
}
