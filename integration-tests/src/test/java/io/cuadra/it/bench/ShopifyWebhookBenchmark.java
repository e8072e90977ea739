package io.cuadra.it.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import io.cuadra.it.support.TestShopify;
import io.cuadra.shopify.simulator.ShopifySimulator;
import io.cuadra.shopify.simulator.SimOrder;
import io.cuadra.shopify.simulator.SimShop;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.ArrayList;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 5,000 signed orders/create webhooks of paid Shopify orders fired by the stand-in (8 senders) at the deployed
 * EAR: prints how fast they are answered (verified and stored in the inbox), how fast they become paid Cuadra
 * orders with their fiscal documents (handled after commit by the outbox worker), and the CPU per message of
 * Payara and PostgreSQL. Prints figures; asserts only that every webhook was answered 200 and made exactly one order.
 *
 * <pre>
 * ./mvnw -B verify -pl integration-tests -am -Dit.test=ShopifyWebhookBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false [-Dcuadra.bench.shopify.webhooks=5000]
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
class ShopifyWebhookBenchmark extends CuadraDeployment {

    @Test
    void fiveThousandWebhooksBecomeOrders() throws Exception {
        int n = Integer.getInteger("cuadra.bench.shopify.webhooks", 5_000);
        ShopifySimulator sim = TestShopify.simulator();
        Http admin = DemoUsers.ADMIN.signIn(new Http(TestEnvironment.baseUrl()));
        String domain = "bench-" + System.nanoTime() % 1_000_000 + ".myshopify.com";
        SimShop shop = sim.shop(domain, "shpat_bench", "bench_secret",
                URI.create(TestEnvironment.baseUrl() + "api/hooks/shopify/" + domain));
        int method = admin.post("api/payment-methods", "{\"code\":\"SHOPIFY\",\"name\":\"Shopify Payments\","
                + "\"kind\":\"OTHER\",\"requiresReference\":false,\"active\":true,\"position\":90}").status();
        assertThat(method).isIn(201, 409);
        long location = count("select l.id from locations l join tenants t on t.id = l.tenant_id"
                + " where t.slug = 'demo' and l.code = 'LIM01'");
        int saved = admin.put("api/shopify/settings", "{\"shopDomain\":\"" + domain + "\",\"apiUrl\":\""
                + sim.apiUrlOf(domain) + "\",\"apiToken\":\"shpat_bench\",\"webhookSecret\":\"bench_secret\","
                + "\"apiVersion\":\"" + ShopifySimulator.API_VERSION + "\",\"locationId\":" + location
                + ",\"paymentMethodCode\":\"SHOPIFY\",\"pullEnabled\":false}").status();
        assertThat(saved).isEqualTo(200);
        long ordersBefore = count("select count(*) from orders where channel = 'SHOPIFY'");

        Duration cpuBefore = CustomerImportBenchmark.serverCpu();
        Duration payaraBefore = CustomerImportBenchmark.payaraCpu();
        String loadBefore = CustomerImportBenchmark.loadAverage();
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(senders.submit(() -> {
                while (next.incrementAndGet() <= n) {
                    SimOrder o = shop.addOrder(shop.addCustomer("bench" + System.nanoTime() + "@example.pe", null,
                            "Bench", "Web"), List.of(new SimOrder.Line("LAB-GLU", "Glucosa", 1, new BigDecimal("15.00"))),
                            true);
                    if (sim.fireOrder(shop, o, "orders/create", ShopifySimulator.Delivery.ONCE).equals(List.of(200))) {
                        ok.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        senders.shutdown();
        double answered = (System.nanoTime() - t0) / 1e9;

        long made;
        long deadline = System.nanoTime() + Duration.ofMinutes(60).toNanos(); // a guard, not a figure
        do {
            Thread.sleep(500);
            made = count("select count(*) from orders where channel = 'SHOPIFY' and payment_status = 'PAID'")
                    - ordersBefore;
            assertThat(System.nanoTime()).as(made + " of " + n + " orders after an hour").isLessThan(deadline);
        } while (made < n);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = CustomerImportBenchmark.serverCpu().minus(cpuBefore).toMillis() / 1e3;
        double payara = CustomerImportBenchmark.payaraCpu().minus(payaraBefore).toMillis() / 1e3;

        System.out.printf("%n[bench] shopify: %,d signed webhooks answered 200 in %.1f s = %.0f webhooks/s (8 senders)%n",
                n, answered, n / answered);
        System.out.printf("[bench]   all %,d paid Cuadra orders (customer, payment, fiscal document) after %.1f s"
                + " = %.0f orders/s%n", n, seconds, n / seconds);
        System.out.printf("[bench]   CPU of Payara and PostgreSQL: %.1f s = %.2f ms per message (Payara %.2f ms,"
                + " PostgreSQL %.2f ms)%n", cpu, cpu * 1e3 / n, payara * 1e3 / n, (cpu - payara) * 1e3 / n);
        System.out.printf("[bench]   machine load average before: %s, after: %s (%d cores)%n%n", loadBefore,
                CustomerImportBenchmark.loadAverage(), Runtime.getRuntime().availableProcessors());
        assertThat(ok.get()).as("webhooks answered 200").isEqualTo(n);
        Thread.sleep(2_000);
        assertThat(count("select count(*) from orders where channel = 'SHOPIFY'") - ordersBefore)
                .as("one order per webhook, none twice").isEqualTo(n);
    }

    private static long count(String sql) throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
