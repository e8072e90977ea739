package io.cuadra.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestLis;
import io.cuadra.it.support.TestLocations;
import io.cuadra.lis.simulator.LisSimulator;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 5,000 lab orders synced to the LIS stand-in over MLLP by the deployed EAR, end to end: each registered through
 * the REST API (4 clients) at a location connected to the stand-in, its ORM^O01 written to the outbox in the same
 * transaction and sent after commit. The clock runs until the last message is acknowledged. A baseline of orders
 * at a location without a LIS (the same lines, nothing sent) gives the CPU of registering alone, so the CPU of
 * the sync itself is the difference. Prints figures; asserts only that each order reached the LIS once.
 *
 * <pre>
 * ./mvnw -B verify -pl integration-tests -am -Dit.test=LabSyncBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false [-Dcuadra.bench.lab=5000] [-Dcuadra.bench.lab.baseline=1000]
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
class LabSyncBenchmark extends CuadraDeployment {

    @Test
    void syncsFiveThousandOrdersToTheLisStandIn() throws Exception {
        int n = Integer.getInteger("cuadra.bench.lab", 5_000);
        int baselineOrders = Integer.getInteger("cuadra.bench.lab.baseline", 1_000);
        Http admin = DemoUsers.ADMIN.signIn(http());
        LisSimulator lis = TestLis.simulator();
        lis.reset();
        lis.resultsDelay(-1);
        int tag = ThreadLocalRandom.current().nextInt(1000, 1200);
        long plain = TestLocations.open(admin, "LP" + tag, tag, "0005", 'M', 'N');
        long synced = TestLocations.open(admin, "LS" + tag, tag + 1, "0005", 'M', 'N');
        Reply connected = admin.put("api/lab/connections/" + synced, "{\"adapter\":\"MLLP\",\"mllpHost\":\"localhost\","
                + "\"mllpPort\":" + TestLis.mllpPort() + ",\"connectTimeoutMs\":1000,\"readTimeoutMs\":5000}");
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);

        Duration cpu0 = CustomerImportBenchmark.serverCpu();
        double baselineSeconds = register(admin, plain, baselineOrders);
        double baselineCpu = CustomerImportBenchmark.serverCpu().minus(cpu0).toMillis() / 1e3;

        String loadBefore = CustomerImportBenchmark.loadAverage();
        Duration cpuBefore = CustomerImportBenchmark.serverCpu();
        Duration payaraBefore = CustomerImportBenchmark.payaraCpu();
        long t0 = System.nanoTime();
        double registering = register(admin, synced, n);
        String where = " from lab_sync_logs where location_id = " + synced + " and kind = 'NEW'";
        long delivered;
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        do {
            delivered = count("select count(*)" + where + " and status = 'SUCCESS'");
            assertThat(System.nanoTime()).as(delivered + " of " + n + " delivered after an hour").isLessThan(deadline);
            if (delivered < n) {
                Thread.sleep(250);
            }
        } while (delivered < n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = CustomerImportBenchmark.serverCpu().minus(cpuBefore).toMillis() / 1e3;
        double payara = CustomerImportBenchmark.payaraCpu().minus(payaraBefore).toMillis() / 1e3;
        double registerCpuPerOrder = baselineCpu / baselineOrders;
        String[] figures = single("select round(avg(attempts), 2) || ' ' || max(attempts) || ' '"
                + " || percentile_disc(0.5) within group (order by duration_ms) || ' '"
                + " || percentile_disc(0.99) within group (order by duration_ms) || ' '"
                + " || round(extract(epoch from percentile_disc(0.5) within group (order by completed_at - created_at)) * 1000)"
                + " || ' ' || round(extract(epoch from percentile_disc(0.99) within group (order by completed_at - created_at))"
                + " * 1000) || ' ' || round(extract(epoch from max(completed_at) - min(first_attempt_at)), 1)" + where)
                .split(" ");

        System.out.printf("%n[bench] lab sync: %,d lab orders registered over REST (4 clients) in %.1f s = %.0f orders/s;"
                + " the last acknowledged by the LIS stand-in %.1f s after the first registration%n", n, registering,
                n / registering, seconds);
        System.out.printf("[bench]   outbox to LIS over MLLP: %,d ORM^O01 acknowledged in %s s (first attempt to last"
                + " acknowledgement) = %.0f messages/s; registered-to-acknowledged p50 %s ms, p99 %s ms%n", n,
                figures[6], n / Double.parseDouble(figures[6]), figures[4], figures[5]);
        System.out.printf("[bench]   MLLP exchange p50 %s ms, p99 %s ms; attempts per message mean %s, max %s%n",
                figures[2], figures[3], figures[0], figures[1]);
        System.out.printf("[bench]   CPU of Payara and PostgreSQL: %.1f s for registering and syncing = %.2f ms per order"
                + " (Payara %.2f ms); registering alone (baseline of %,d orders without a LIS, %.1f s): %.2f ms per order;"
                + " so the sync costs about %.2f ms of CPU per message%n", cpu, cpu * 1e3 / n, payara * 1e3 / n,
                baselineOrders, baselineSeconds, registerCpuPerOrder * 1e3, (cpu / n - registerCpuPerOrder) * 1e3);
        System.out.printf("[bench]   machine load average before: %s, after: %s (%d cores)%n%n", loadBefore,
                CustomerImportBenchmark.loadAverage(), Runtime.getRuntime().availableProcessors());
        long distinct = lis.received().stream().filter(r -> "NW".equals(r.action()) && "AA".equals(r.answer()))
                .map(r -> r.placer()).distinct().count();
        long total = lis.received().stream().filter(r -> "NW".equals(r.action()) && "AA".equals(r.answer())).count();
        assertThat(distinct).as("every order reached the LIS").isEqualTo(n);
        assertThat(total).as("each order taken once").isEqualTo(n);
        assertThat(count("select count(*) from lab_sync_logs where location_id = " + plain)).as("nothing sent without a LIS")
                .isZero();
    }

    /** Registers {@code n} unpaid orders of two lab tests at a location with 4 clients; returns the seconds taken. */
    private static double register(Http admin, long location, int n) throws Exception {
        long r0 = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<Long>> registered = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                registered.add(clients.submit(() -> {
                    Reply r = admin.post("api/orders", "{\"locationId\":" + location + ",\"lines\":[{\"itemCode\":"
                            + "\"LAB-HEM\",\"quantity\":1},{\"itemCode\":\"LAB-GLU\",\"quantity\":1}],\"payments\":[]}");
                    assertThat(r.status()).as(r.toString()).isEqualTo(201);
                    return r.json().getJsonNumber("id").longValue();
                }));
            }
            for (Future<Long> f : registered) {
                f.get();
            }
        } finally {
            clients.shutdown();
        }
        return (System.nanoTime() - r0) / 1e9;
    }

    private static String single(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(single(sql));
    }
}
