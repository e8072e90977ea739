package io.cuadra.it.support;

import io.cuadra.server.DevKeys;
import io.cuadra.server.PayaraDomain;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.event.suite.BeforeSuite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Before Arquillian starts its managed Payara: a database for the run, and the test domain
 * provisioned from server-config's {@code cuadra-domain.asadmin} exactly as the run command does,
 * with the pool pointed at the run's database.
 */
public class TestEnvironment implements LoadableExtension {

    public static final String DOMAIN = "cuadra-it";
    /** ops lane: the test domain's /metrics password (HTTP Basic, user metrics). */
    public static final String METRICS_TOKEN = "it-metrics-token-2026";

    /** ops lane: the test domain's JSON application log (current generation). */
    public static Path applicationLog() {
        return Path.of(System.getProperty("payara.home"), "glassfish", "domains", DOMAIN, "logs", "cuadra.0.json");
    }

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Provisioner.class);
        builder.observer(SharedDeployment.class);
    }

    /** Sign-in attempts per minute from one client address other than the suite's own (api lane). */
    public static final int SIGN_IN_LIMIT = 5;

    public static int portBase() {
        return Integer.getInteger("cuadra.it.portbase", 28000);
    }

    public static String baseUrl() {
        return "http://localhost:" + (portBase() + 80) + "/";
    }

    public static class Provisioner {

        /** Runs before Arquillian's own BeforeSuite observer, which starts the container. */
        public void provision(@Observes(precedence = 1000) BeforeSuite event) throws Exception {
            TestDatabase db = TestDatabase.start();
            DevKeys.ensureJwtKeys(Path.of(System.getProperty("cuadra.it.work", "target"), "it-keys"));
            long t0 = System.nanoTime();
            PayaraDomain domain = new PayaraDomain(Path.of(System.getProperty("payara.home")), DOMAIN, portBase(),
                    Map.of("CUADRA_DB_URL", db.url(), "CUADRA_DB_USER", db.appUser(),
                            "CUADRA_DB_PASSWORD", db.appPassword()));
            // The pool connects as the application's role; migrations run as the owner, like in production.
            List<String> overrides = new ArrayList<>(List.of(
                    "set resources.jdbc-connection-pool.cuadra-pool.property.URL=" + db.url(),
                    "set resources.jdbc-connection-pool.cuadra-pool.property.user=" + db.appUser(),
                    "set resources.jdbc-connection-pool.cuadra-pool.property.password=" + db.appPassword(),
                    "create-jvm-options -Dcuadra.db.owner.user=" + db.user().replace(":", "\\\\:"),
                    "create-jvm-options -Dcuadra.db.owner.password=" + db.password().replace(":", "\\\\:"),
                    // api: sign-in is limited per client address; the suite's own address is exempt, so only
                    // PlatformIT's 429 test (its socket bound to 127.0.0.23) meets the small limit.
                    "create-jvm-options -Dcuadra.api.rate-limit.sign-in-requests=" + SIGN_IN_LIMIT,
                    "create-jvm-options -Dcuadra.api.rate-limit.exempt-addresses=127.0.0.1"));
            // ops lane: the scraper's password for /metrics (PlatformIT scrapes after a sale)
            overrides.add("create-jvm-options -Dcuadra.metrics.token=" + METRICS_TOKEN);
            overrides.addAll(TestSunat.domainSettings());
            overrides.addAll(TestMessaging.domainSettings());
            overrides.addAll(TestLis.domainSettings());
            boolean created = domain.provision(PayaraDomain.jdbcDriverJar(), overrides);
            TestSunat.start();
            TestMessaging.start();
            TestShopify.start(); // shopify lane: the Shopify stand-in
            TestLis.start();
            System.out.printf("[it] domain %s %s in %.1f s (%s)%n", DOMAIN, created ? "provisioned" : "reused",
                    (System.nanoTime() - t0) / 1e9, domain.domainDir());
        }
    }
}
