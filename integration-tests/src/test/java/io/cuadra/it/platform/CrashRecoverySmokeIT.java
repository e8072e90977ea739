package io.cuadra.it.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.StockInvariants;
import io.cuadra.server.CuadraLauncher;
import io.cuadra.server.DatabaseBackupCommand;
import io.cuadra.server.DatabaseBackups;
import io.cuadra.server.EmbeddedDatabase;
import io.cuadra.server.DevKeys;
import io.cuadra.server.ServerSettings;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The server as operations meet it, on one boot of the run command (embedded PostgreSQL with its durable
 * settings, domain from cuadra-domain.asadmin, EAR, demo data): the admin listener and what the server
 * discloses about itself; PostgreSQL restarted under order load; Payara killed with SIGKILL under order load
 * and the run command started once again. After each, the invariants of the data are read straight from
 * the database. Named *SmokeIT so it runs with the run command's smoke test, before the Arquillian domain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoverySmokeIT {

    private static final int CLIENTS = 4;

    private ServerSettings settings;
    /**
     * The run command's domain mails here when failsafe's environment names the Arquillian domain's mail
     * server (CUADRA_MAIL_HOST): the launcher then starts no sink of its own, and the customers' invoice
     * e-mails of the load must reach a server to leave the outbox.
     */
    private GreenMail mailServer;
    private CuadraLauncher launcher;
    private Http admin;
    private List<Long> locations;
    private List<JsonObject> services;

    @BeforeAll
    void boot() throws Exception {
        Path work = Path.of(System.getProperty("cuadra.it.work", "target"), "crash");
        int portBase = Integer.getInteger("cuadra.it.smoke.portbase", 29000);
        settings = new ServerSettings(work, Path.of(System.getProperty("cuadra.payara.zip")),
                Path.of(System.getProperty("cuadra.ear")), "cuadra-crash", portBase, Optional.empty(),
                ServerSettings.DEV_DB_USER, ServerSettings.DEV_DB_PASSWORD, freePort(), "localhost", portBase + 25,
                true, ServerSettings.LOOPBACK);
        if (!settings.mailSinkWanted()) {
            mailServer = new GreenMail(new ServerSetup(portBase + 25, "localhost", ServerSetup.PROTOCOL_SMTP));
            mailServer.start();
        }
        // The tests' JVM names the Arquillian domain's token keys (failsafe's environment), which the run command
        // passes on; the Arquillian extension that generates them has not run before this smoke test.
        String tokenKey = System.getenv("CUADRA_JWT_PRIVATE_KEY");
        if (tokenKey != null) {
            DevKeys.ensureJwtKeys(Path.of(tokenKey).getParent());
        }
        launcher = new CuadraLauncher(settings).start();
        admin = DemoUsers.ADMIN.signIn(new Http(launcher.baseUrl()));
        locations = CounterLoad.locations(admin);
        services = CounterLoad.services(admin);
        assertThat(services).hasSize(3);
    }

    @AfterAll
    void stop() {
        if (launcher != null) {
            launcher.close();
        }
        if (mailServer != null) {
            mailServer.stop();
        }
    }

    @Test
    @Order(1)
    void theDatabaseOfTheRunCommandIsDurable() throws SQLException {
        assertThat(StockInvariants.rows(this::connect, "select current_setting('fsync'), "
                + "current_setting('synchronous_commit'), current_setting('full_page_writes')"))
                .containsExactly(List.of("on", "on", "on"));
    }

    @Test
    @Order(2)
    void theAdminListenerAnswersOnTheLoopbackInterfaceOnly() throws Exception {
        int adminPort = settings.adminPort();
        Optional<InetAddress> external = AdminProbe.externalAddress();
        assumeTrue(external.isPresent(), "this machine has no interface but loopback");
        InetAddress other = external.get();
        // The same address reaches the HTTP listener, so a refusal on the admin port is the binding, not the route.
        assertThat(AdminProbe.reachable(other, settings.httpPort())).as("HTTP listener on " + other).isTrue();
        for (String path : List.of(AdminProbe.VERSION, AdminProbe.LIST_APPLICATIONS)) {
            URI uri = URI.create("http://" + other.getHostAddress() + ":" + adminPort + "/" + path);
            assertThat(AdminProbe.refused(uri)).as("anonymous GET " + uri).isTrue();
        }
        assertThat(AdminProbe.reachable(InetAddress.getByName("127.0.0.1"), adminPort)).as("admin on loopback").isTrue();
    }

    @Test
    @Order(3)
    void noListenerNamesTheServerProductOrVersion() throws Exception {
        String base = launcher.baseUrl();
        String adminBase = "http://127.0.0.1:" + settings.adminPort() + "/";
        List<HttpRequest> pages = List.of(
                HttpRequest.newBuilder(URI.create(base + "health")).build(),
                HttpRequest.newBuilder(URI.create(base + "health/ready")).build(),
                HttpRequest.newBuilder(URI.create(base + "health/live")).build(),
                HttpRequest.newBuilder(URI.create(base + "health/no-such-group")).build(),
                // Payara's own error pages: a method the servlet does not take (405), an error the
                // application sends without a body (503 of /openapi for an Accept it does not serve)
                HttpRequest.newBuilder(URI.create(base + "health")).DELETE().build(),
                HttpRequest.newBuilder(URI.create(base + "openapi")).header("Accept", "image/png").build(),
                HttpRequest.newBuilder(URI.create(base + "no-such-page.xhtml")).build(),
                HttpRequest.newBuilder(URI.create(base + "api/no-such-resource")).build());
        // The admin listener (loopback only) serves the console's pages, which name it: its headers are checked.
        List<HttpRequest> headersOnly = List.of(
                HttpRequest.newBuilder(URI.create(adminBase)).build(),
                HttpRequest.newBuilder(URI.create(adminBase + "management/domain")).DELETE().build());
        List<String> disclosures = new ArrayList<>();
        for (HttpRequest request : pages) {
            disclosures.addAll(disclosures(request, true));
        }
        for (HttpRequest request : headersOnly) {
            disclosures.addAll(disclosures(request, false));
        }
        assertThat(disclosures).isEmpty();
    }

    private static List<String> disclosures(HttpRequest request, boolean body) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        String seen = r.headers().map().entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(",", e.getValue())).collect(Collectors.joining("\n"))
                + (body ? "\n" + r.body() : "");
        System.out.printf("[disclosure] %s %s → %d %s%n", request.method(), request.uri(), r.statusCode(),
                r.headers().firstValue("Server").orElse("(no Server header)"));
        return List.of("Payara", "GlassFish", "Glassfish", "6.2025", "Servlet/", "JSP/", "Java/", "PostgreSQL",
                        "Grizzly").stream().filter(seen::contains)
                .map(tell -> request.method() + " " + request.uri() + " → " + r.statusCode() + " names " + tell).toList();
    }

    @Test
    @Order(4)
    void aPostgresRestartUnderLoadLosesNothingAcknowledgedAndTheServiceRecovers() throws Exception {
        String before = now();
        CounterLoad load = new CounterLoad(admin, locations, services, CLIENTS);
        Map<String, Long> acknowledgedBeforeRestart;
        try {
            load.awaitAcknowledged(20, 180);
            acknowledgedBeforeRestart = Map.copyOf(load.acknowledged);
            long t0 = System.nanoTime();
            // An immediate stop is a crash of the database server: no checkpoint, recovery from the WAL at start.
            pgCtl("restart", "-m", "immediate", "-w", "-t", "120");
            System.out.printf("[crash] PostgreSQL restarted (immediate) in %.1f s with %d orders acknowledged%n",
                    (System.nanoTime() - t0) / 1e9, acknowledgedBeforeRestart.size());
            int afterRestart = load.acknowledged.size();
            load.awaitAcknowledged(afterRestart + 20, 180);
        } finally {
            load.close();
        }
        System.out.printf("[crash] %d orders acknowledged, %d sends retried%n", load.acknowledged.size(),
                load.retries.get());
        assertThat(load.refused).isEmpty();
        assertThat(load.acknowledged).containsAllEntriesOf(acknowledgedBeforeRestart);
        assertDataHolds(load, before);
        assertDocumentsDelivered(System.nanoTime());
    }

    @Test
    @Order(5)
    void payaraKilledUnderLoadRestartsOnceAndEveryOrderAndDocumentIsWhole() throws Exception {
        String before = now();
        // Half the load's sales are a customer's, whose invoices are e-mailed (notifications through the outbox).
        String email = "crash" + System.nanoTime() % 1_000_000_000L + "@example.pe";
        Reply customer = admin.post("api/customers", "{\"documentType\":\"1\",\"documentNumber\":\"7"
                + (1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(8_999_999))
                + "\",\"firstName\":\"Caída\",\"lastName\":\"Reinicio\",\"email\":\"" + email
                + "\",\"preferredChannel\":\"EMAIL\"}");
        assertThat(customer.status()).as(customer.toString()).isEqualTo(201);
        // All of them to one address: no per-recipient limit here, or most would (rightly) wait an hour.
        Reply unlimited = admin.put("api/notifications/delivery-rules", "{\"recipientPerHour\":0}");
        assertThat(unlimited.status()).as(unlimited.toString()).isEqualTo(200);
        CounterLoad load = new CounterLoad(admin, locations, services, CLIENTS,
                customer.json().getJsonNumber("id").longValue());
        long restarted;
        int claimedAtKill;
        try {
            load.awaitAcknowledged(20, 180);
            // Killed while the outbox holds a claim, so the restart has a dead server's claim to take back.
            claimedAtKill = killPayaraWhileAClaimIsHeld();
            // What Ctrl-C on the run command then does (the domain is gone: its undeploy and stop fail), and the
            // run command started once again.
            launcher.close();
            long t0 = System.nanoTime();
            launcher = new CuadraLauncher(settings).start();
            restarted = System.nanoTime();
            System.out.printf("[crash] run command healthy %.1f s after its start%n", (restarted - t0) / 1e9);
            int afterRestart = load.acknowledged.size();
            load.awaitAcknowledged(afterRestart + 20, 180);
        } finally {
            load.close();
        }
        System.out.printf("[crash] %d orders acknowledged, %d sends retried, %d outbox claims at the kill%n",
                load.acknowledged.size(), load.retries.get(), claimedAtKill);
        assertThat(load.refused).isEmpty();
        assertThat(claimedAtKill).as("outbox claims held when Payara was killed").isPositive();
        assertDataHolds(load, before);
        assertDocumentsDelivered(restarted);
        assertMailedOncePerMessage(email, customer.json().getJsonNumber("id").longValue());
    }

    /**
     * The customer's invoice messages of the load, queued before and after the kill: each SENT, and the mail server
     * holds exactly one mail per message id (the Message-ID names it), none without its message.
     */
    private void assertMailedOncePerMessage(String email, long customerId) throws Exception {
        List<List<String>> messages = StockInvariants.rows(this::connect, "select id || '.' || tenant_id, status"
                + " from notification_messages where customer_id = " + customerId + " and channel = 'EMAIL'");
        assertThat(messages).as("the customer's invoices were to be mailed").isNotEmpty();
        assertThat(messages).as("every message sent after the restart").allMatch(m -> m.get(1).equals("SENT"));
        assertThat(mailServer).as("the test's own SMTP server receives the run command's mail").isNotNull();
        Map<String, Long> received = new java.util.HashMap<>();
        for (jakarta.mail.internet.MimeMessage m : mailServer.getReceivedMessages()) {
            if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(email))) {
                received.merge(m.getMessageID(), 1L, Long::sum);
            }
        }
        Map<String, Long> expected = messages.stream().collect(Collectors.toMap(
                m -> "<notification-" + m.get(0) + "@cuadra>", m -> 1L));
        System.out.printf("[crash] %d invoice e-mails of the load, %d received, %d message ids delivered more than once%n",
                messages.size(), received.values().stream().mapToLong(Long::longValue).sum(),
                received.values().stream().filter(c -> c > 1).count());
        assertThat(received).as("exactly one mail per message id").isEqualTo(expected);
    }

    @Test
    @Order(6)
    void anOnlineBackupAndTheWalArchiveRestoreEveryRowAfterTheDiskIsLost() throws Exception {
        DatabaseBackups store = new DatabaseBackups(settings.embeddedDataDir(), settings.backupDir());
        // Taken while the server runs and sells: the base backup is online.
        String before = now();
        DatabaseBackups.Backup backup;
        CounterLoad load = new CounterLoad(admin, locations, services, CLIENTS);
        try {
            load.awaitAcknowledged(10, 180);
            backup = store.backup(settings.embeddedDbPort());
            int atBackup = load.acknowledged.size();
            load.awaitAcknowledged(atBackup + 10, 180); // these exist only in the archived WAL
        } finally {
            load.close();
        }
        assertDocumentsDelivered(System.nanoTime());
        launcher.close();
        Map<String, Long> rowsBefore;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(settings.embeddedDataDir(), settings.embeddedDbPort(), false,
                store.archiveSettings())) {
            rowsBefore = rowCounts();
            // What archive_timeout does within a minute of the last change: its WAL segment reaches the archive.
            StockInvariants.rows(this::connectAsOwner, "select pg_switch_wal()");
            awaitArchived();
        }
        try (var files = java.nio.file.Files.walk(settings.embeddedDataDir())) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.delete(f); // the disk is lost
            }
        }
        long t0 = System.nanoTime();
        DatabaseBackupCommand.restore(settings, store, "latest", Optional.empty());
        System.out.printf("[backup] %s (%,d bytes) restored and the archive replayed in %.1f s%n",
                backup.file().getFileName(), backup.bytes(), (System.nanoTime() - t0) / 1e9);
        try (EmbeddedDatabase db = EmbeddedDatabase.start(settings.embeddedDataDir(), settings.embeddedDbPort(), false,
                store.archiveSettings())) {
            assertThat(rowCounts()).as("every table, row for row").isEqualTo(rowsBefore);
        }
        launcher = new CuadraLauncher(settings).start();
        admin = DemoUsers.ADMIN.signIn(new Http(launcher.baseUrl()));
        assertThat(Long.parseLong(StockInvariants.rows(this::connect, "select count(*) from orders where created_at > '"
                + before + "'").get(0).get(0))).as("the orders of the load, before and after the backup")
                .isEqualTo(load.acknowledged.size());
        assertDataHolds(load, before);
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (List<String> table : StockInvariants.rows(this::connectAsOwner, "select table_name from "
                + "information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'")) {
            counts.put(table.get(0), Long.valueOf(StockInvariants.rows(this::connectAsOwner,
                    "select count(*) from \"" + table.get(0) + "\"").get(0).get(0)));
        }
        return counts;
    }

    private void awaitArchived() throws Exception {
        for (int i = 0; i < 300; i++) {
            if ("t".equals(StockInvariants.rows(this::connectAsOwner, "select last_archived_wal >= "
                    + "pg_walfile_name(pg_current_wal_lsn() - 1) from pg_stat_archiver").get(0).get(0))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the last WAL segment was not archived");
    }

    private Connection connectAsOwner() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + settings.embeddedDbPort() + "/cuadra",
                "postgres", "");
    }

    private void assertDataHolds(CounterLoad load, String ordersBefore) throws SQLException {
        new CrashInvariants(this::connect, admin).assertDataHolds(load, ordersBefore);
    }

    private void assertDocumentsDelivered(long since) throws Exception {
        new CrashInvariants(this::connect, admin).assertDocumentsDelivered(since);
    }

    /** Kills Payara (SIGKILL) at a moment the outbox has a claimed message; returns how many were claimed. */
    private int killPayaraWhileAClaimIsHeld() throws Exception {
        Path domainDir = launcher.serverLog().getParent().getParent();
        ProcessHandle payara = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("-Dcom.sun.aas.instanceRoot=" + domainDir))
                        .orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("no Payara process for " + domainDir));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (Connection c = connect(); var q = c.prepareStatement(
                "select count(*) from outbox_messages where status = 'IN_FLIGHT'")) {
            while (System.nanoTime() < deadline) {
                try (var rs = q.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        break;
                    }
                }
                Thread.sleep(2);
            }
            payara.destroyForcibly();
            payara.onExit().get(30, TimeUnit.SECONDS);
            try (var rs = q.executeQuery()) {
                rs.next();
                System.out.printf("[crash] Payara (pid %d) killed with %d outbox claim(s) held%n", payara.pid(),
                        rs.getInt(1));
                return rs.getInt(1);
            }
        }
    }

    /**
     * The database's clock before a load: the orders created after it are the load's. (Not the highest order id:
     * ids come from blocks each server preallocates, and the demo history draws from the sequence directly, so a
     * new order may well have a lower id than an older one.)
     */
    private String now() throws SQLException {
        return StockInvariants.rows(this::connect, "select clock_timestamp()::text").get(0).get(0);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + settings.embeddedDbPort() + "/cuadra",
                ServerSettings.DEV_DB_USER, ServerSettings.DEV_DB_PASSWORD);
    }

    /** pg_ctl of the embedded server, found beside the running postgres binary, on its data directory. */
    private void pgCtl(String... args) throws IOException, InterruptedException {
        Path dataDir = settings.embeddedDataDir();
        String postgres = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("-D " + dataDir)).orElse(false))
                .map(p -> p.info().command().orElseThrow()).findFirst()
                .orElseThrow(() -> new AssertionError("no postgres process for " + dataDir));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // pg_ctl refuses root; zonky runs its binaries the same way, in a user namespace of their own
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(Path.of(postgres).resolveSibling("pg_ctl").toString(), "-D", dataDir.toString()));
        Collections.addAll(command, args);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling("pg_ctl.log").toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
