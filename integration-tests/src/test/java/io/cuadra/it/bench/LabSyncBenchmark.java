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
 * 5,000 lab orders synced to the LIS stand-in over MLLP by the deployed EAR. The orders are registered through
 * the REST API while the stand-in's MLLP port is closed (each order's message waits in the outbox, retrying);
 * the port then opens and the clock runs until every message is acknowledged: prints messages per second and the
 * CPU per message of Payara and PostgreSQL. Prints figures; asserts only that each order reached the LIS once.
 *
 * <pre>
 * ./mvnw -B verify -pl integration-tests -am -Dit.test=LabSyncBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false [-Dcuadra.bench.lab=5000]
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
class LabSyncBenchmark extends CuadraDeployment {

    @Test
    void syncsFiveThousandOrdersToTheLisStandIn() throws Exception {
        int n = Integer.getInteger("cuadra.bench.lab", 5_000);
        Http admin = DemoUsers.ADMIN.signIn(http());
        LisSimulator lis = TestLis.simulator();
        lis.reset();
        lis.resultsDelay(-1);
        int tag = ThreadLocalRandom.current().nextInt(1000, 1200);
        long location = TestLocations.open(admin, "LS" + tag, tag, "0005", 'M', 'N');
        Reply connected = admin.put("api/lab/connections/" + location, "{\"adapter\":\"MLLP\",\"mllpHost\":\"localhost\","
                + "\"mllpPort\":" + TestLis.mllpPort() + ",\"connectTimeoutMs\":1000,\"readTimeoutMs\":5000}");
        assertThat(connected.status()).as(connected.toString()).isEqualTo(200);

        lis.down();
        long r0 = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(4);
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
        clients.shutdown();
        double registering = (System.nanoTime() - r0) / 1e9;
        String where = " from lab_sync_logs where location_id = " + location + " and kind = 'NEW'";
        assertThat(count("select count(*)" + where)).isEqualTo(n);

        Duration cpuBefore = CustomerImportBenchmark.serverCpu();
        Duration payaraBefore = CustomerImportBenchmark.payaraCpu();
        String loadBefore = CustomerImportBenchmark.loadAverage();
        long t0 = System.nanoTime();
        lis.up();
        long delivered;
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        do {
            Thread.sleep(250);
            delivered = count("select count(*)" + where + " and status = 'SUCCESS'");
            assertThat(System.nanoTime()).as(delivered + " of " + n + " delivered after an hour").isLessThan(deadline);
        } while (delivered < n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = CustomerImportBenchmark.serverCpu().minus(cpuBefore).toMillis() / 1e3;
        double payara = CustomerImportBenchmark.payaraCpu().minus(payaraBefore).toMillis() / 1e3;
        String[] attempts = single("select round(avg(attempts), 1) || ' ' || max(attempts) || ' '"
                + " || percentile_disc(0.5) within group (order by duration_ms) || ' '"
                + " || percentile_disc(0.99) within group (order by duration_ms)" + where).split(" ");

        System.out.printf("%n[bench] lab sync: %,d orders registered over REST (LIS down) in %.1f s = %.0f orders/s%n",
                n, registering, n / registering);
        System.out.printf("[bench]   LIS back: %,d ORM^O01 acknowledged over MLLP in %.1f s = %.0f messages/s%n", n,
                seconds, n / seconds);
        System.out.printf("[bench]   CPU of Payara and PostgreSQL: %.1f s = %.2f ms per message (Payara %.2f ms,"
                + " PostgreSQL %.2f ms)%n", cpu, cpu * 1e3 / n, payara * 1e3 / n, (cpu - payara) * 1e3 / n);
        System.out.printf("[bench]   attempts per message: mean %s, max %s; exchange time median %s ms, p99 %s ms%n",
                attempts[0], attempts[1], attempts[2], attempts[3]);
        System.out.printf("[bench]   machine load average before: %s, after: %s (%d cores)%n%n", loadBefore,
                CustomerImportBenchmark.loadAverage(), Runtime.getRuntime().availableProcessors());
        long distinct = lis.received().stream().filter(r -> "NW".equals(r.action()) && "AA".equals(r.answer()))
                .map(r -> r.placer()).distinct().count();
        long total = lis.received().stream().filter(r -> "NW".equals(r.action()) && "AA".equals(r.answer())).count();
        assertThat(distinct).as("every order reached the LIS").isEqualTo(n);
        assertThat(total).as("each order taken once").isEqualTo(n);
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
