package io.cuadra.it.bench;

import io.cuadra.it.support.CounterOrders;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load on the counter: order registrations of 3 lines paid with 2 payments (Yape with a reference,
 * cash with change) in one {@code POST /api/orders}, each with its own Idempotency-Key, spread over 6
 * locations, against a running Cuadra (the run command). Every paid order goes the whole way: gap-free
 * number, OrderPaid, stock out, invoice issued and signed, outbox row, audit.
 *
 * <ol>
 *   <li>closed model: {@code clients} clients send back to back for {@code seconds}: throughput and
 *       latency percentiles;</li>
 *   <li>open model: orders are started at a constant {@code rate} per second, at most {@code clients}
 *       in flight; latency counts from the intended start, so a stalled server shows up in the
 *       percentiles (no coordinated omission);</li>
 *   <li>the server's ceiling for any request: trivial authenticated reads ({@code GET /api/payment-methods}),
 *       closed model, and the ratio orders/s ÷ reads/s;</li>
 *   <li>{@code pgbench} TPC-B (scale 10, same number of clients) on the same PostgreSQL server, and the
 *       ratio orders/s ÷ pgbench tps.</li>
 * </ol>
 * After each phase, when exactly one Payara domain runs on the machine (or one whose command line contains
 * {@code -Dbench.payara=...}, e.g. its {@code CUADRA_HOME}), the CPU Payara and PostgreSQL spent per
 * request (from {@code /proc}).
 * Run the application first ({@code ./mvnw -Prun}, embedded PostgreSQL on 15432), then from the
 * repository root (arguments by position, all optional: base URL, clients, seconds, rate, PostgreSQL port):
 * <pre>
 * ./mvnw -B -q -pl integration-tests -am package -DskipTests -Dbench=io.cuadra.it.bench.OrderLoadBenchmark \
 *      -Dbench.args="http://localhost:8080 32 60 300 15432"
 * </pre>
 * Needs {@code pgbench} on the PATH (Debian {@code postgresql-client}).
 * <p>A sixth argument {@code two-tenants} runs {@link TwoTenants} instead: half the clients on the demo tenant,
 * then both halves at once on the demo tenant and a second tenant it opens (no tenant-wide serial point);
 * {@code reads} runs only the trivial authenticated read (10 s of warm-up, then {@code seconds}).
 * {@code -Dbench.jvm="-Dbench.payara=DIR -Dbench.jfr=FILE"} picks the measured Payara and records the closed model.
 */
public final class OrderLoadBenchmark {

    private static final int LOCATIONS = 6;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final String baseUrl;
    String token;
    final List<Long> locations = new ArrayList<>();
    final List<JsonObject> items = new ArrayList<>();
    /** The payment methods of the sale: one with a reference (10.00), then cash for the rest with change. */
    String referenceMethod = "YAPE";
    String cashMethod = "EFECTIVO";

    OrderLoadBenchmark(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep a failed run alive
        }
    }

    private static void run(String[] args) throws Exception {
        String baseUrl = arg(args, 0, "http://localhost:8080");
        int clients = Integer.parseInt(arg(args, 1, "32"));
        int seconds = Integer.parseInt(arg(args, 2, "60"));
        int rate = Integer.parseInt(arg(args, 3, "300"));
        int pgPort = Integer.parseInt(arg(args, 4, "15432"));
        OrderLoadBenchmark bench = new OrderLoadBenchmark(baseUrl);
        ServerCpu cpu = ServerCpu.find(pgPort);
        bench.prepare();
        if ("two-tenants".equals(arg(args, 5, ""))) {
            TwoTenants.run(bench, TwoTenants.open(bench, baseUrl, pgPort), clients / 2, seconds, cpu, pgPort);
            return;
        }
        if ("reads".equals(arg(args, 5, ""))) { // the trivial read alone, after a warm-up of its own
            bench.trivialReads(clients, 10);
            long[] before = cpu.sample();
            Result reads = bench.trivialReads(clients, seconds);
            cpu.print("trivial reads", before, reads.count.get());
            return;
        }
        System.out.printf("Warming up (10 s, %d clients)...%n", clients);
        bench.closed(clients, 10, false);
        // -Dbench.jfr=FILE: a JFR recording of Payara during the closed model (jfr-summary.py reads it)
        String jfr = System.getProperty("bench.jfr", "");
        boolean recording = !jfr.isBlank() && cpu.startRecording(jfr);
        long[] before = cpu.sample();
        Result closed = bench.closed(clients, seconds, true);
        cpu.print("closed model", before, closed.count.get());
        if (recording) {
            cpu.stopRecording();
        }
        before = cpu.sample();
        Result open = bench.open(clients, Math.max(10, seconds / 2), rate);
        cpu.print("open model", before, open.count.get());
        before = cpu.sample();
        Result floor = bench.trivialReads(clients, Math.max(10, seconds / 2));
        cpu.print("trivial reads", before, floor.count.get());
        double tps = pgbench(pgPort, clients, 30);
        System.out.printf("%nSUMMARY closed %d clients: %.1f orders/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors"
                        + " (load average %s)%n", clients, closed.throughput(), closed.p(50), closed.p(95), closed.p(99),
                closed.errors, closed.load);
        System.out.printf("SUMMARY open %d/s offered: %.1f orders/s done, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, %d errors"
                        + " (load average %s)%n", rate, open.throughput(), open.p(50), open.p(95), open.p(99), open.errors,
                open.load);
        System.out.printf("SUMMARY trivial authenticated read (GET /api/payment-methods) %d clients: %.0f requests/s,"
                        + " p99 %.1f ms; orders/s ÷ trivial reads/s = %.3f (load average %s)%n",
                clients, floor.throughput(), floor.p(99), closed.throughput() / floor.throughput(), floor.load);
        if (tps > 0) {
            System.out.printf("SUMMARY pgbench TPC-B %d clients: %.0f tps; orders/s ÷ pgbench tps = %.3f (load average %s)%n",
                    clients, tps, closed.throughput() / tps, ServerCpu.loadAverage());
        }
    }

    /** Signs in, makes sure there are 6 locations with their own series, picks 3 sellable services. */
    private void prepare() throws Exception {
        JsonObject login = json(send("POST", "/api/auth/login",
                "{\"email\":\"admin@cuadra.demo\",\"password\":\"Admin-Cuadra-2026!\"}", null), 200);
        token = login.getString("accessToken");
        JsonArray existing = Json.createReader(new StringReader(send("GET", "/api/locations", null, null).body()))
                .readArray();
        for (JsonValue v : existing) {
            JsonObject l = v.asJsonObject();
            if (l.getBoolean("active", true)) {
                locations.add(l.getJsonNumber("id").longValue());
            }
        }
        for (int n = 3; locations.size() < LOCATIONS; n++) {
            String code = String.format("BEN%02d", n);
            HttpResponse<String> created = send("POST", "/api/locations", String.format(
                    "{\"code\":\"%s\",\"name\":\"Benchmark %s\",\"timeZone\":\"America/Lima\",\"sunatEstablishment\":\"%04d\","
                            + "\"invoiceSeries\":\"F%03d\",\"receiptSeries\":\"B%03d\",\"invoiceCreditSeries\":\"FC%02d\","
                            + "\"receiptCreditSeries\":\"BC%02d\"}", code, code, n, n, n, n, n), null);
            if (created.statusCode() == 201) {
                locations.add(json(created, 201).getJsonNumber("id").longValue());
            } else if (created.statusCode() != 409) {
                throw new IllegalStateException("Could not create location " + code + ": " + created.body());
            }
        }
        JsonArray services = json(send("GET", "/api/catalog/items?type=SERVICE&active=true&size=50", null, null), 200)
                .getJsonArray("items");
        for (JsonValue v : services) {
            if (items.size() < 3) {
                items.add(v.asJsonObject());
            }
        }
        if (items.size() < 3) {
            throw new IllegalStateException("The benchmark needs 3 active services in the catalog (the demo data has them)");
        }
        System.out.printf("Locations %s; items %s%n", locations,
                items.stream().map(i -> i.getString("code")).toList());
    }

    private String orderBody(int n) {
        return CounterOrders.paidSale(n, locations.get(n % locations.size()), items, "YP")
                .replace("\"methodCode\":\"YAPE\"", "\"methodCode\":\"" + referenceMethod + "\"")
                .replace("\"methodCode\":\"EFECTIVO\"", "\"methodCode\":\"" + cashMethod + "\"");
    }

    Result closed(int clients, int seconds, boolean report) throws InterruptedException {
        AtomicInteger sequence = new AtomicInteger();
        Result result = closedLoop(clients, seconds, () -> registerOrder(sequence.incrementAndGet()));
        if (report) {
            result.print("closed model, " + clients + " clients, " + seconds + " s");
        }
        return result;
    }

    /** {@code clients} threads sending {@code request} back to back for {@code seconds}; its status is recorded. */
    static Result closedLoop(int clients, int seconds, IntSupplier request) throws InterruptedException {
        Result result = new Result();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
                    long t0 = System.nanoTime();
                    result.record(request.getAsInt(), System.nanoTime() - t0);
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120L, TimeUnit.SECONDS);
        result.elapsedNanos = System.nanoTime() - start;
        return result;
    }

    private Result open(int clients, int seconds, int rate) throws InterruptedException {
        Result result = new Result();
        Semaphore inFlight = new Semaphore(clients);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        int total = rate * seconds;
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        for (int n = 0; n < total; n++) {
            long intended = start + n * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            inFlight.acquire();
            int number = 1_000_000 + n;
            pool.execute(() -> {
                try {
                    result.record(registerOrder(number), System.nanoTime() - intended);
                } finally {
                    inFlight.release();
                    done.countDown();
                }
            });
        }
        done.await(seconds + 300L, TimeUnit.SECONDS);
        result.elapsedNanos = System.nanoTime() - start;
        pool.shutdown();
        result.print("open model, " + rate + " orders/s offered for " + seconds + " s, at most " + clients + " in flight");
        return result;
    }

    /**
     * The ceiling of this server for any request: an authenticated read of the payment methods (token check,
     * permission, one EJB call, one small query, JSON), closed model. An order can cost no less than this.
     */
    private Result trivialReads(int clients, int seconds) throws InterruptedException {
        Result result = closedLoop(clients, seconds, () -> status("GET", "/api/payment-methods", null, null));
        result.print("trivial authenticated reads (GET /api/payment-methods), " + clients + " clients, " + seconds + " s");
        return result;
    }

    int registerOrder(int n) {
        return status("POST", "/api/orders", orderBody(n), UUID.randomUUID().toString());
    }

    /** The answer's status, -1 when there was none. */
    private int status(String method, String path, String body, String idempotencyKey) {
        try {
            return send(method, path, body, idempotencyKey).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    HttpResponse<String> send(String method, String path, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            b.header("Idempotency-Key", idempotencyKey);
        }
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(HttpResponse<String> response, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    /** pgbench TPC-B on a database of its own in the same server; 0 when pgbench is not available. */
    private static double pgbench(int port, int clients, int seconds) throws InterruptedException {
        Map<String, String> env = Map.of("PGPASSWORD", "postgres");
        String[] conn = {"-h", "localhost", "-p", String.valueOf(port), "-U", "postgres"};
        try {
            run(env, concat(new String[]{"psql"}, conn, new String[]{"-q", "-d", "postgres", "-c",
                    "drop database if exists cuadra_pgbench", "-c", "create database cuadra_pgbench"}));
            run(env, concat(new String[]{"pgbench"}, conn, new String[]{"-i", "-q", "-s", "10", "cuadra_pgbench"}));
            String out = run(env, concat(new String[]{"pgbench"}, conn, new String[]{"-c", String.valueOf(clients),
                    "-j", "2", "-T", String.valueOf(seconds), "cuadra_pgbench"}));
            run(env, concat(new String[]{"psql"}, conn, new String[]{"-q", "-d", "postgres", "-c",
                    "drop database cuadra_pgbench"}));
            Matcher m = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)").matcher(out);
            if (m.find()) {
                double tps = Double.parseDouble(m.group(1));
                System.out.printf("%npgbench TPC-B, scale 10, %d clients, %d s: %.0f tps%n", clients, seconds, tps);
                return tps;
            }
            System.out.println("pgbench gave no tps:\n" + out);
        } catch (IOException e) {
            System.out.println("pgbench not run: " + e.getMessage());
        }
        return 0;
    }

    private static String run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static String[] concat(String[]... parts) {
        return Arrays.stream(parts).flatMap(Arrays::stream).toArray(String[]::new);
    }

    private static String arg(String[] args, int i, String fallback) {
        return args.length > i ? args[i] : fallback;
    }

    /** Latencies of the successful orders and the count of the others, by status. */
    static final class Result {
        private final long[] latencies = new long[2_000_000];
        final AtomicInteger count = new AtomicInteger();
        private final Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();
        private long errors;
        private long elapsedNanos;
        /** The machine's load average when the phase ended (it is shared: read every figure beside it). */
        private String load = "?";

        void record(int status, long nanos) {
            if (status == 201 || status == 200) {
                int i = count.getAndIncrement();
                if (i < latencies.length) {
                    latencies[i] = nanos;
                }
            } else {
                failures.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                synchronized (this) {
                    errors++;
                }
            }
        }

        double throughput() {
            return count.get() / (elapsedNanos / 1e9);
        }

        double p(double percentile) {
            int n = Math.min(count.get(), latencies.length);
            if (n == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            int index = (int) Math.ceil(percentile / 100 * n) - 1;
            return sorted[Math.max(0, index)] / 1e6;
        }

        void print(String what) {
            load = ServerCpu.loadAverage();
            System.out.printf("%n%s (load average %s)%n  requests answered 200/201: %,d in %.1f s = %.1f per second%n"
                            + "  latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n  failures: %s%n",
                    what, load, count.get(), elapsedNanos / 1e9, throughput(), p(50), p(95), p(99), p(100),
                    failures.isEmpty() ? "none" : failures);
        }
    }
}
