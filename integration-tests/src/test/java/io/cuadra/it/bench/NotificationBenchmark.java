package io.cuadra.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.OpenApiLint;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import io.cuadra.it.support.TestMessaging;
import io.cuadra.messaging.simulator.Received;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 10,000 queued SMS notifications (rows and outbox entries written in one transaction, as events would have)
 * drained by the deployed EAR's outbox worker through the SMS stand-in: prints messages per second and the CPU
 * per message of Payara and PostgreSQL. Prints figures; asserts only that every message was sent once.
 *
 * <pre>
 * ./mvnw -B verify -pl integration-tests -am -Dit.test=NotificationBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false [-Dcuadra.bench.notifications=10000]
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
class NotificationBenchmark extends CuadraDeployment {

    @Test
    void drainsTenThousandQueuedNotificationsThroughTheStandIns() throws Exception {
        int n = Integer.getInteger("cuadra.bench.notifications", 10_000);
        // The served OpenAPI document is built once in the background after a deployment (seconds of CPU): waited
        // for here, so that its one-off cost is not counted as the drain's.
        OpenApiLint.served(new Http(TestEnvironment.baseUrl()), "openapi");
        int reportsBefore = TestMessaging.simulator().callbacksTaken();
        long acceptedBefore = TestMessaging.simulator().received().stream().filter(Received::accepted).count();
        long firstId;
        Duration cpuBefore = CustomerImportBenchmark.serverCpu();
        Duration payaraBefore = CustomerImportBenchmark.payaraCpu();
        String loadBefore = CustomerImportBenchmark.loadAverage();
        long t0;
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try (ResultSet rs = s.executeQuery("select nextval('cuadra_id_seq')")) {
                rs.next();
                firstId = rs.getLong(1);
            }
            // Ids from the shared sequence, reserved in one step: n messages and n outbox rows.
            s.execute("select setval('cuadra_id_seq', " + (firstId + 2L * n) + ")");
            s.execute("""
                    insert into notification_messages (id, tenant_id, event, channel, language, recipient, variables,
                           status, created_by, updated_by)
                    select %d + g, t.id, 'INVOICE_SENT', 'SMS', 'es', '+519' || (10000000 + g), '{"companyName":"Bench",
                           "customerName":"Cliente ' || g || '","documentKind":"Boleta","documentNumber":"B999-' || g
                           || '","issueDate":"2026-12-07","total":"PEN 10.00"}', 'QUEUED', 'bench', 'bench'
                      from generate_series(1, %d) g, tenants t where t.slug = 'demo'""".formatted(firstId, n));
            s.execute("""
                    insert into outbox_messages (id, tenant_id, topic, aggregate_id, created_by, updated_by)
                    select %d + %d + g, t.id, 'notifications.send', %d + g, 'bench', 'bench'
                      from generate_series(1, %d) g, tenants t where t.slug = 'demo'""".formatted(firstId, n, firstId, n));
            c.commit();
            t0 = System.nanoTime();
        }
        long sent;
        // A guard against waiting forever, not a figure: a loaded machine may take much longer than the floor.
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos();
        do {
            // Once a second: the count is the benchmark's own work, on the same PostgreSQL whose CPU is measured.
            Thread.sleep(1000);
            sent = count("select count(*) from notification_messages where id > " + firstId + " and id <= "
                    + (firstId + n) + " and status <> 'QUEUED'");
            assertThat(System.nanoTime()).as(sent + " of " + n + " sent after an hour").isLessThan(deadline);
        } while (sent < n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = CustomerImportBenchmark.serverCpu().minus(cpuBefore).toMillis() / 1e3;
        double payara = CustomerImportBenchmark.payaraCpu().minus(payaraBefore).toMillis() / 1e3;
        int reports = TestMessaging.simulator().callbacksTaken() - reportsBefore;
        long accepted = TestMessaging.simulator().received().stream().filter(Received::accepted).count() - acceptedBefore;

        System.out.printf("%n[bench] notifications: %,d queued SMS drained through the stand-in in %.1f s = %.0f messages/s"
                + " (floor: %,d in under 60 s)%n", n, seconds, n / seconds, n);
        System.out.printf("[bench]   CPU of Payara and PostgreSQL: %.1f s = %.2f ms per message (Payara %.2f ms,"
                + " PostgreSQL %.2f ms)%n", cpu, cpu * 1e3 / n, payara * 1e3 / n, (cpu - payara) * 1e3 / n);
        // The stand-in reports each SMS "sent" then "delivered" to Cuadra's webhook: those handled in the window are
        // in the CPU above (they lag behind on a loaded machine, so their share varies from run to run).
        System.out.printf("[bench]   delivery reports (webhooks) Cuadra took during the drain: %,d (2 per message"
                + " eventually)%n", reports);
        int cores = Runtime.getRuntime().availableProcessors();
        double perMessageMs = cpu * 1e3 / n;
        System.out.printf("[bench]   quiet-machine ceiling: %d cores / %.2f ms = %.0f messages/s (%,d in %.1f s)%n", cores,
                perMessageMs, cores * 1e3 / perMessageMs, n, n * perMessageMs / cores / 1e3);
        System.out.printf("[bench]   machine load average before: %s, after: %s (%d cores)%n%n", loadBefore,
                CustomerImportBenchmark.loadAverage(), cores);
        // SENT, or already DELIVERED by the stand-in's status callback (delivery reports run during the drain).
        assertThat(count("select count(*) from notification_messages where id > " + firstId + " and id <= "
                + (firstId + n) + " and status in ('SENT', 'DELIVERED')")).isEqualTo(n);
        assertThat(accepted).as("each message taken once by the stand-in").isEqualTo(n);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
