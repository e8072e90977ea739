package io.cuadra.server;

import io.cuadra.lis.simulator.LisSimulator;
import io.cuadra.messaging.simulator.MessagingSimulator;
import io.cuadra.shopify.simulator.ShopifySimulator;
import io.cuadra.sunat.simulator.SunatSimulator;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The run command: a real PostgreSQL (embedded unless {@code CUADRA_DB_URL} names one), a Payara
 * domain provisioned from {@code cuadra-domain.asadmin}, the EAR deployed, health awaited, URLs
 * printed. {@link #close()} (Ctrl-C in the run command) stops the domain and then the database.
 */
public final class CuadraLauncher implements AutoCloseable {

    public static final String APP_NAME = "cuadra";

    private final ServerSettings settings;
    private EmbeddedDatabase embedded;
    private SunatSimulator sunat;
    private MailSink mail;
    private MessagingSimulator messaging;
    private ShopifySimulator shopify;
    private LisSimulator lis;
    private BackupSchedule backups;
    private PayaraDomain domain;
    private boolean domainStarted;
    /** cluster profile: the plan (null = one domain, as always) and its running servers */
    private final ClusterPlan clusterPlan;
    private PayaraCluster cluster;

    public CuadraLauncher(ServerSettings settings) {
        this(settings, null);
    }

    /** With a plan: the cluster profile (DAS, deployment group, HAProxy) instead of one domain. */
    public CuadraLauncher(ServerSettings settings, ClusterPlan clusterPlan) {
        this.settings = settings;
        this.clusterPlan = clusterPlan;
    }

    public static void main(String[] args) throws Exception {
        ServerSettings fromEnvironment = ServerSettings.fromEnvironment();
        CuadraLauncher launcher = new CuadraLauncher(fromEnvironment, ClusterPlan.fromEnvironment(fromEnvironment));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("[cuadra] stopping ...");
            launcher.close();
            System.out.println("[cuadra] stopped");
            stopped.countDown();
        }, "cuadra-shutdown"));
        try {
            launcher.start();
        } catch (Exception e) {
            System.err.println("[cuadra] start failed: " + e.getMessage());
            System.exit(1);
        }
        launcher.printUrls();
        stopped.await();
    }

    public CuadraLauncher start() throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Files.createDirectories(settings.home());
        String dbUrl;
        if (settings.externalDbUrl().isPresent()) {
            dbUrl = settings.externalDbUrl().get();
            log("using the database at " + dbUrl);
        } else {
            DatabaseBackups store = new DatabaseBackups(settings.embeddedDataDir(), settings.backupDir());
            List<String[]> archiving = List.of();
            if (settings.backupsWanted()) {
                try {
                    archiving = store.archiveSettings();
                } catch (IOException e) {
                    log("NO BACKUPS: " + e.getMessage());
                }
            }
            embedded = EmbeddedDatabase.start(settings.embeddedDataDir(), settings.embeddedDbPort(), false, archiving);
            if (!archiving.isEmpty()) {
                backups = BackupSchedule.start(store, settings.embeddedDbPort(), settings.backupAt(),
                        settings.backupRetention());
                log("backups: WAL archived continuously, a base backup daily at " + settings.backupAt()
                        + ", kept " + settings.backupRetention().toDays() + " days, in " + settings.backupDir());
            }
            dbUrl = embedded.jdbcUrl();
            embedded.ensureLoginRole(settings.dbUser(), settings.dbPassword());
            log("embedded PostgreSQL on port " + embedded.port() + ", data in " + settings.embeddedDataDir());
        }
        if (ServerSettings.value("CUADRA_JWT_PRIVATE_KEY", null) == null) {
            DevKeys.ensureJwtKeys(settings.keysDir());
        }
        if (!settings.signingKeystoreConfigured()) {
            log("signing SUNAT documents with the development certificate "
                    + DevKeys.ensureSigningKeystore(settings.keysDir()));
        }
        // ops lane: the HTTPS certificate (configured, or self-signed once into CUADRA_HOME), trusted by this JVM's
        // own clients: the health probe and the stand-ins that call Cuadra's webhooks.
        Path tlsKeystore = settings.tlsKeystore().orElse(null);
        if (tlsKeystore == null) {
            tlsKeystore = DevKeys.ensureTlsKeystore(settings.keysDir());
            log("HTTPS with the self-signed development certificate " + tlsKeystore);
        }
        TlsTrust.installAsDefault(tlsKeystore, settings.tlsPassword(), settings.tlsAlias());
        if (settings.sunatEndpoint().isEmpty()) {
            // No billService configured: a local SUNAT in this JVM (beta's shared login works for any RUC).
            sunat = SunatSimulator.onPort(settings.sunatSimulatorPort()).start();
            log("SUNAT simulator at " + sunat.billServiceUri());
        }
        if (settings.mailSinkWanted()) {
            startMailSink();
        }
        if (settings.messagingStandInsWanted()) {
            startMessagingStandIns();
        }
        if (settings.shopifyStandInWanted()) {
            startShopifyStandIn();
        }
        if (settings.lisStandInWanted()) {
            startLisStandIn();
        }
        if (clusterPlan != null) {
            synchronized (this) {
                cluster = PayaraCluster.of(settings, clusterPlan, settings.serverEnvironment(dbUrl));
            }
            cluster.start(settings.ear(), APP_NAME);
            log(String.format("cluster of %d instances healthy behind HAProxy after %.1f s", clusterPlan.instances(),
                    (System.nanoTime() - t0) / 1e9));
            return this;
        }
        PayaraDomain.unpack(settings.payaraZip(), settings.payaraHome());
        Map<String, String> environment = new LinkedHashMap<>(settings.serverEnvironment(dbUrl));
        // ops lane: the scraper's password for /metrics (HTTP Basic, user metrics)
        environment.put("CUADRA_METRICS_TOKEN", settings.metricsToken().isPresent() ? settings.metricsToken().get()
                : DevKeys.ensureMetricsToken(settings.keysDir()));
        domain = new PayaraDomain(settings.payaraHome(), settings.domainName(), settings.portBase(), environment);
        List<String> overrides = new ArrayList<>(PayaraDomain.httpsOn(tlsKeystore, settings.tlsPassword(),
                settings.tlsAlias()));
        if (!settings.adminOnLoopback()) {
            // Reachable from other machines: never without a password, never in clear text.
            Path passwordFile = DevKeys.ensureAdminPassword(settings.keysDir());
            domain = domain.withAdminPassword(passwordFile);
            overrides.addAll(PayaraDomain.secureAdminOn(settings.adminAddress()));
            log("admin listener on " + settings.adminAddress() + " with secure admin: user admin, password in "
                    + passwordFile);
        }
        if (domain.provision(PayaraDomain.jdbcDriverJar(), overrides)) {
            log("domain '" + settings.domainName() + "' created and configured from " + PayaraDomain.DOMAIN_FILE);
        }
        domain.start();
        domainStarted = true;
        URI ready = URI.create(baseUrl() + "health/ready");
        if (domain.asadmin("--port=" + domain.adminPort(), "list-applications").contains(APP_NAME)) {
            // Left deployed by a run that did not stop cleanly (kill -9, or an undeploy lost on the way down):
            // Payara loads it at boot, and start-domain returns while it is still loading. Replacing it then
            // closes its persistence unit under the new deployment, whose startup singletons fail
            // ("Initialization failed for Singleton ...": closed EntityManagerFactory). So it is awaited; the
            // same build is simply kept, another one replaces it once loaded.
            log("a previous deployment is loading; waiting for it");
            boolean up;
            try {
                HealthProbe.awaitUp(ready, Duration.ofMinutes(3));
                up = true;
            } catch (IOException stillDown) {
                up = false;
            }
            if (up && domain.deployedBuild(settings.ear(), APP_NAME)) {
                log(String.format("the deployed build is this one; healthy after %.1f s", (System.nanoTime() - t0) / 1e9));
                return this;
            }
            log(up ? "the deployed build is another one; replacing it" : "the previous deployment did not come up; replacing it");
        }
        log("domain started; deploying " + settings.ear().getFileName());
        domain.deploy(settings.ear(), APP_NAME);
        HealthProbe.awaitUp(ready, Duration.ofMinutes(3));
        log(String.format("healthy after %.1f s", (System.nanoTime() - t0) / 1e9));
        return this;
    }

    /** No mail server configured: a local one keeps what the application sends (a busy port only costs the mail). */
    private void startMailSink() {
        try {
            mail = MailSink.start(settings.mailPort(), settings.mailDir());
            log("mail sink on port " + settings.mailPort() + ", messages in " + settings.mailDir());
        } catch (IOException | RuntimeException e) {
            log("no mail sink (" + e.getMessage() + "): mail will wait in the outbox until a server answers");
        }
    }

    /** No WhatsApp / SMS provider configured: local stand-ins speaking their HTTP contracts (a busy port only costs them). */
    private void startMessagingStandIns() {
        try {
            messaging = MessagingSimulator.onPort(settings.messagingStandInPort()).start();
            log("WhatsApp and SMS stand-ins at " + messaging.baseUri());
        } catch (IOException | RuntimeException e) {
            log("no WhatsApp/SMS stand-ins (" + e.getMessage() + "): those messages will wait and be retried");
        }
    }

    /** The demo shop of the Shopify stand-in, which fires its webhooks at this Cuadra (a busy port only costs it). */
    static final String DEMO_SHOP = "cuadra-demo.myshopify.com";

    private void startShopifyStandIn() {
        try {
            shopify = ShopifySimulator.onPort(settings.shopifyStandInPort()).start();
            shopify.shop(DEMO_SHOP, "shpat_demo_token", "demo_webhook_secret",
                    java.net.URI.create(baseUrl() + "api/hooks/shopify/" + DEMO_SHOP));
            log("Shopify stand-in at " + shopify.baseUri());
        } catch (IOException | RuntimeException e) {
            log("no Shopify stand-in (" + e.getMessage() + ")");
        }
    }

    /** The LIS stand-in: takes the demo location's orders over MLLP and sends results back to Cuadra's MLLP port. */
    private void startLisStandIn() {
        try {
            lis = LisSimulator.on(settings.lisStandInMllpPort(), settings.lisStandInHttpPort())
                    .resultsTo("localhost", settings.labMllpPort()).start();
            log("LIS stand-in: MLLP on " + lis.mllpPort() + ", REST and controls at " + lis.baseUri());
        } catch (IOException | RuntimeException e) {
            log("no LIS stand-in (" + e.getMessage() + "): lab orders will wait and be retried");
        }
    }

    /** Over HTTPS (ops lane): plain HTTP redirects there unless CUADRA_TLS_REDIRECT=false. */
    public String baseUrl() {
        if (clusterPlan != null) {
            return clusterPlan.balancerUrl(); // cluster: HAProxy, plain HTTP (TLS ends at the balancer)
        }
        return "https://localhost:" + settings.httpsPort() + "/";
    }

    public Path serverLog() {
        return domain.serverLog();
    }

    /** The cluster profile's servers (null in the single-domain run). */
    public PayaraCluster cluster() {
        return cluster;
    }

    void printUrls() {
        String base = baseUrl();
        System.out.println();
        System.out.println("  Cuadra is running. Ctrl-C stops it.");
        System.out.println("  Back office : " + base);
        System.out.println("  REST API    : " + base + "api/");
        System.out.println("  OpenAPI     : " + base + "openapi");
        System.out.println("  Health      : " + base + "health  (ready: " + base + "health/ready)");
        System.out.println("  SUNAT       : " + (sunat != null ? sunat.billServiceUri() + " (simulator)"
                : settings.sunatEndpoint().orElse("")));
        System.out.println("  Mail        : " + (mail != null ? mail.dir() + "  (every mail sent, as .eml; SMTP port "
                + settings.mailPort() + ")" : settings.mailHost() + ":" + settings.mailPort()));
        System.out.println("  WhatsApp/SMS: " + (messaging != null ? messaging.baseUri() + "  (stand-ins; what they received: "
                + messaging.baseUri() + MessagingSimulator.CONTROL_PATH + "received)" : "configured providers"));
        if (shopify != null) {
            System.out.println("  Shopify     : " + shopify.baseUri() + "  (stand-in shop " + DEMO_SHOP + ": API URL "
                    + shopify.apiUrlOf(DEMO_SHOP) + ", token shpat_demo_token, webhook secret demo_webhook_secret;"
                    + " new order: POST " + shopify.baseUri() + ShopifySimulator.CONTROL_PATH + "orders)");
        }
        System.out.println("  LIS         : " + (lis != null ? "stand-in, MLLP localhost:" + lis.mllpPort()
                + "  (what it received: " + lis.baseUri() + LisSimulator.CONTROL_PATH + "received)"
                : "configured per location") + "; results in on MLLP port " + settings.labMllpPort());
        System.out.println("  HTTP        : http://localhost:" + settings.httpPort() + "/  ("
                + (settings.tlsRedirect() ? "redirects to HTTPS" : "plain HTTP, CUADRA_TLS_REDIRECT=false") + ")");
        System.out.println("  Metrics     : " + base + "metrics  (Prometheus; HTTP Basic: user metrics, password "
                + (settings.metricsToken().isPresent() ? "CUADRA_METRICS_TOKEN" : "in " + settings.keysDir()
                .resolve(DevKeys.METRICS_TOKEN_FILE)) + ")");
        if (cluster != null) {
            cluster.describe().forEach(line -> System.out.println("  Cluster     : " + line));
        } else {
            System.out.println("  App log     : " + domain.domainDir().resolve("logs/cuadra.0.json") + "  (JSON lines)");
            System.out.println("  Admin       : " + (settings.adminOnLoopback() ? "http://localhost:"
                    : "https://" + settings.adminAddress() + ":") + settings.adminPort() + "/");
            System.out.println("  Server log  : " + domain.serverLog());
        }
        System.out.println();
    }

    @Override
    public synchronized void close() {
        if (cluster != null) {
            cluster.close();
            cluster = null;
        }
        if (domain != null && domainStarted) {
            try {
                // Undeployed first, so the next start does not load this build on its own.
                domain.undeploy(APP_NAME);
            } catch (IOException e) {
                System.err.println("[cuadra] undeploying: " + e.getMessage());
            }
            try {
                domain.stop();
            } catch (IOException e) {
                System.err.println("[cuadra] stopping the domain: " + e.getMessage());
            }
            domainStarted = false;
        }
        if (sunat != null) {
            sunat.stop();
            sunat = null;
        }
        if (mail != null) {
            mail.close();
            mail = null;
        }
        if (messaging != null) {
            messaging.stop();
            messaging = null;
        }
        if (shopify != null) {
            shopify.stop();
            shopify = null;
        }
        if (lis != null) {
            lis.stop();
            lis = null;
        }
        if (backups != null) {
            backups.close();
            backups = null;
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("[cuadra] stopping PostgreSQL: " + e.getMessage());
            }
            embedded = null;
        }
    }

    private static void log(String message) {
        System.out.println("[cuadra] " + message);
    }
}
