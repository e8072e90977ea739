package io.cuadra.it.platform;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cuadra.it.support.Browser;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.StockInvariants;
import io.cuadra.it.support.TestEnvironment;
import io.cuadra.identity.application.SessionValidity;
import io.cuadra.server.ClusterPlan;
import io.cuadra.server.CuadraLauncher;
import io.cuadra.server.DevKeys;
import io.cuadra.server.PayaraCluster;
import io.cuadra.server.ServerSettings;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Cookie;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cluster profile as operations meet it: the run command with two Payara instances of one deployment group
 * behind HAProxy, on one embedded PostgreSQL. Scheduled work fires on both instances and is done by one; a back
 * office session outlives the instance that held it; an instance killed with SIGKILL under order load through the
 * balancer loses and doubles nothing and is taken out of rotation within seconds; throughput with two instances
 * and with one is printed. Long (a cluster boot, two instance restarts, two timed loads): not part of the suite,
 * run on its own (README, "Cluster"): {@code -Dit.test=ClusterIT}; {@code -Dcuadra.it.cluster.steps=1,2,5} runs only
 * those steps (numbered as the test's order) on one boot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final int CLIENTS = 4;
    /** The steps to run (their {@code @Order}), all when unset: one boot can serve a retry of the step that failed. */
    private static final Set<Integer> STEPS = steps(System.getProperty("cuadra.it.cluster.steps", ""));

    private ServerSettings settings;
    private ClusterPlan plan;
    private GreenMail mailServer;
    private CuadraLauncher launcher;
    private PayaraCluster cluster;
    private Http admin;
    private List<Long> locations;
    private List<JsonObject> services;
    private CrashInvariants invariants;
    /** The demo locations' closing moment, moved to a few minutes after the boot so the test sees it fire. */
    private ZonedDateTime closing;

    @BeforeAll
    void boot() throws Exception {
        Path work = Path.of(System.getProperty("cuadra.it.work", "target"), "cluster");
        int portBase = TestEnvironment.portBase();
        settings = new ServerSettings(work, Path.of(System.getProperty("cuadra.payara.zip")),
                Path.of(System.getProperty("cuadra.ear")), "cuadra-it", portBase, Optional.empty(),
                ServerSettings.DEV_DB_USER, ServerSettings.DEV_DB_PASSWORD,
                Integer.getInteger("cuadra.it.db.port", 0) > 0 ? Integer.getInteger("cuadra.it.db.port") : freePort(),
                "localhost", portBase + 25,
                true, ServerSettings.LOOPBACK);
        closing = ZonedDateTime.now(LIMA).plusMinutes(Integer.getInteger("cuadra.it.cluster.closure.minutes", 30))
                .truncatedTo(ChronoUnit.MINUTES);
        plan = new ClusterPlan(portBase, 2, Map.of("CUADRA_RECONCILIATION_CLOSURE_TIME",
                closing.toLocalTime().toString()));
        if (!settings.mailSinkWanted()) {
            mailServer = new GreenMail(new ServerSetup(portBase + 25, "localhost", ServerSetup.PROTOCOL_SMTP));
            mailServer.start();
        }
        String tokenKey = System.getenv("CUADRA_JWT_PRIVATE_KEY");
        if (tokenKey != null) {
            DevKeys.ensureJwtKeys(Path.of(tokenKey).getParent());
        }
        long t0 = System.nanoTime();
        launcher = new CuadraLauncher(settings, plan).start();
        System.out.printf("[cluster] two instances healthy behind HAProxy %.1f s after the start%n",
                (System.nanoTime() - t0) / 1e9);
        cluster = launcher.cluster();
        admin = signInThroughTheBalancer();
        locations = CounterLoad.locations(admin);
        services = CounterLoad.services(admin);
        invariants = new CrashInvariants(this::connect, admin);
    }

    /**
     * The first requests of freshly loaded instances can outlast {@link Http}'s 60 s on a loaded machine (seen at load
     * 40: the boot's first sign-in timed out): a sign-in that timed out is tried again, twice at most.
     */
    private Http signInThroughTheBalancer() {
        for (int attempt = 1; ; attempt++) {
            try {
                return DemoUsers.ADMIN.signIn(new Http(launcher.baseUrl()));
            } catch (java.io.UncheckedIOException e) {
                if (attempt == 3) {
                    throw e;
                }
                System.out.printf("[cluster] first sign-in through HAProxy: %s; again%n", e.getMessage());
            }
        }
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
    void bothInstancesServeThroughTheBalancerAndATokenHoldsAndIsRevokedOnBoth() {
        step(1);
        Set<String> servedBy = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Reply r = admin.get("api/payment-methods");
            assertThat(r.status()).isEqualTo(200);
            servedBy.add(r.header("X-Cuadra-Instance"));
        }
        assertThat(servedBy).containsExactlyInAnyOrder("cuadra-1", "cuadra-2");
        // A token signed in through one instance works on the other; its sign-out is refused on both at once.
        Http one = new Http(cluster.instanceUri(1, "").toString());
        Http two = new Http(cluster.instanceUri(2, "").toString());
        Reply login = one.post("api/auth/login", "{\"email\":\"" + DemoUsers.CASHIER.email + "\",\"password\":\""
                + DemoUsers.CASHIER.password + "\"}");
        assertThat(login.status()).isEqualTo(200);
        String token = login.json().getString("accessToken");
        assertThat(two.as(token).get("api/users/me").status()).isEqualTo(200);
        assertThat(one.as(token).get("api/users/me").status()).isEqualTo(200); // instance 1 now remembers the user
        String refresh = login.json().getString("refreshToken");
        assertThat(two.as(token).post("api/auth/logout", "{\"refreshToken\":\"" + refresh + "\"}").status())
                .isBetween(200, 204);
        sleep(SessionValidity.FRESHNESS.toMillis() + 100); // how long another server may trust what it read
        assertThat(one.as(token).get("api/users/me").status()).as("signed out on the other instance").isEqualTo(401);
        assertThat(two.as(token).get("api/users/me").status()).isEqualTo(401);
    }

    /**
     * A chunked job (a customer import, 10 rows a chunk) started on cuadra-1, which is killed mid-way: cuadra-2 sees
     * cuadra-1's heartbeat go stale, takes the execution over, marks it failed and restarts it from its last
     * checkpoint. Every row is written once: a chunk done twice would find its documents taken and reject them.
     */
    @Test
    @Order(2)
    void aBatchJobWhoseInstanceDiesIsRestartedByAnotherFromItsLastCheckpoint() throws Exception {
        step(2);
        int rows = Integer.getInteger("cuadra.it.cluster.import.rows", 20_000);
        StringBuilder csv = new StringBuilder("documentType;documentNumber;firstName;lastName\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append("1;").append(73_000_000 + i).append(";Nodo;Caido ").append(i).append("\r\n");
        }
        Http one = DemoUsers.ADMIN.signIn(new Http(cluster.instanceUri(1, "").toString()));
        Reply upload = one.post("api/imports?kind=customers&fileName=nodo-caido.csv&itemCount=10",
                csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "text/csv");
        assertThat(upload.status()).as(upload.toString()).isEqualTo(202);
        long id = upload.json().getJsonNumber("id").longValue();
        JsonObject before = awaitImport(one, id, j -> j.getInt("read") >= 200, 180);
        assertThat(before.getString("status")).as("still running when its instance dies").isIn("STARTING", "STARTED");
        String first = StockInvariants.rows(this::connect, "select execution_id from imports where id = " + id).get(0).get(0);
        long down = kill(1);
        try {
            importTakenOver(rows, id, first, down);
        } finally {
            restart(1); // the next steps need both instances, whatever this one found
        }
    }

    private void importTakenOver(int rows, long id, String first, long down) throws Exception {
        int atKill = Integer.parseInt(StockInvariants.rows(this::connect, "select written + rejected from imports where id = " + id)
                .get(0).get(0));
        long t0 = System.nanoTime();
        Http two = DemoUsers.ADMIN.signIn(new Http(cluster.instanceUri(2, "").toString()));
        JsonObject done = awaitImport(two, id, j -> j.getString("status").equals("COMPLETED"), 600);
        System.out.printf("[cluster] import of %d rows: cuadra-1 killed with %d rows committed (out of rotation after"
                + " %.1f s); cuadra-2 restarted it and completed it %.1f s after the kill%n", rows, atKill, down / 1e9,
                (System.nanoTime() - t0) / 1e9);
        List<List<String>> owners = StockInvariants.rows(this::connect, "select execution_id, server_id, restarted_as "
                + "from batch_job_owners where execution_id >= " + first + " order by execution_id");
        System.out.printf("[cluster] executions and their servers: %s%n", owners);
        assertThat(done.getInt("read")).isEqualTo(rows);
        assertThat(done.getInt("written")).as("every row written once").isEqualTo(rows);
        assertThat(done.getInt("skipped")).as("no row redone (a redone row is refused as a duplicate)").isZero();
        // only numeric document numbers are cast (the demo's customers have others, "-" among them)
        assertThat(StockInvariants.rows(this::connect, "select count(*) from customers where case when document_number "
                + "~ '^[0-9]{1,18}$' then document_number::bigint end between 73000000 and " + (73_000_000 + rows - 1))
                .get(0).get(0)).isEqualTo(Integer.toString(rows));
        String next = StockInvariants.rows(this::connect, "select execution_id from imports where id = " + id).get(0).get(0);
        assertThat(next).as("the import follows the restarted execution").isNotEqualTo(first);
        assertThat(owners).anySatisfy(o -> assertThat(o).containsExactly(first, o.get(1), next));
    }

    private static JsonObject awaitImport(Http http, long id, java.util.function.Predicate<JsonObject> until,
            int timeoutSeconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Reply r = http.get("api/imports/" + id);
            if (r.status() == 200) {
                last = r.json();
                if (until.test(last)) {
                    return last;
                }
            }
            sleep(250);
        }
        throw new AssertionError("import " + id + " not there after " + timeoutSeconds + " s: " + last);
    }

    @Test
    @Order(6)
    void theDailyClosureFiresOnBothInstancesAndIsStartedOnce() throws Exception {
        step(6);
        LocalDate day = closing.toLocalDate();
        long wait = ChronoUnit.MILLIS.between(ZonedDateTime.now(LIMA), closing.plusSeconds(45));
        assertThat(wait).as("the cluster came up after the closing moment it was given (" + closing.toLocalTime()
                + "): raise -Dcuadra.it.cluster.closure.minutes").isPositive();
        System.out.printf("[cluster] waiting %d s for the closure at %s Lima%n", wait / 1000, closing.toLocalTime());
        Thread.sleep(wait);
        // The tenants whose locations close at that moment: those with an active location on Lima's clock.
        String limaTenants = "select distinct l.tenant_id from locations l join tenants t on t.id = l.tenant_id "
                + "where l.active and t.active and l.time_zone = 'America/Lima'";
        List<List<String>> runs = StockInvariants.rows(this::connect, "select tenant_id, count(*) from "
                + "reconciliation_job_runs where trigger = 'SCHEDULE' and job_name = 'daily-closure' and business_date = '"
                + day + "' and tenant_id in (" + limaTenants + ") group by tenant_id");
        List<List<String>> tenants = StockInvariants.rows(this::connect, limaTenants);
        List<List<String>> claims = StockInvariants.rows(this::connect, "select tenant_id, claimed_by from scheduled_runs "
                + "where task = 'daily-closure' and slot like '%/" + day + "/%' and tenant_id in (" + limaTenants + ")");
        System.out.printf("[cluster] closure runs per tenant %s; claims %s%n", runs, claims);
        assertThat(runs).as("one scheduled closure per tenant with active locations").hasSize(tenants.size())
                .allSatisfy(r -> assertThat(r.get(1)).isEqualTo("1"));
        assertThat(claims).hasSize(tenants.size());
        // Both instances' timers fired: one started each tenant's day, the other found it claimed.
        for (int i : plan.numbers()) {
            String log = Files.readString(cluster.instanceLog(i));
            assertThat(log).as(plan.instanceName(i) + " fired the closure")
                    .containsAnyOf("Daily closure started for tenant", "is another server's");
        }
        List<List<String>> housekeeping = StockInvariants.rows(this::connect, "select task, claimed_by, count(*) from "
                + "scheduled_runs where task <> 'daily-closure' group by task, claimed_by order by 1, 2");
        System.out.printf("[cluster] other scheduled work claimed (task, server, rounds): %s%n", housekeeping);
    }

    @Test
    @Order(3)
    void aBackOfficeSessionOutlivesTheInstanceThatHeldIt() throws Exception {
        step(3);
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            Cookie node = browser.driver().manage().getCookieNamed("CUADRA_NODE");
            assertThat(node).as("the balancer's stickiness cookie").isNotNull();
            int holder = node.getValue().equals(plan.instanceName(1)) ? 1 : 2;
            browser.open(launcher.baseUrl() + "settings/users.xhtml").waitForText(".cuadra-who", DemoUsers.ADMIN.email);
            long down = kill(holder);
            try {
                System.out.printf("[cluster] %s (holding the session) killed; out of rotation after %.1f s%n",
                        plan.instanceName(holder), down / 1e9);
                // The same browser, its cookies unchanged: the other instance finds the session in the data grid.
                browser.open(launcher.baseUrl() + "orders/counter.xhtml").waitForText(".cuadra-who", DemoUsers.ADMIN.email);
                assertThat(browser.driver().getCurrentUrl()).doesNotContain("login.xhtml");
                assertThat(down).as("seconds until the balancer stops sending to the dead instance")
                        .isLessThan(TimeUnit.SECONDS.toNanos(15));
            } finally {
                restart(holder);
            }
        }
    }

    @Test
    @Order(4)
    void anInstanceKilledUnderLoadLosesNothingAndDoublesNothing() throws Exception {
        step(4);
        String before = invariants.now();
        CounterLoad load = new CounterLoad(admin, locations, services, CLIENTS);
        long down;
        try {
            load.awaitAcknowledged(20, 300);
            down = kill(1);
            int atKill = load.acknowledged.size();
            load.awaitAcknowledged(atKill + 20, 300);
            System.out.printf("[cluster] cuadra-1 killed under load with %d orders acknowledged; out of rotation after"
                    + " %.1f s; %d more acknowledged by cuadra-2%n", atKill, down / 1e9, load.acknowledged.size() - atKill);
        } finally {
            load.close();
        }
        System.out.printf("[cluster] %d orders acknowledged, %d sends retried%n", load.acknowledged.size(),
                load.retries.get());
        long restarted = restart(1);
        assertThat(load.refused).isEmpty();
        assertThat(down).isLessThan(TimeUnit.SECONDS.toNanos(15));
        invariants.assertDataHolds(load, before);
        invariants.assertDocumentsDelivered(restarted);
    }

    @Test
    @Order(5)
    void throughputWithTwoInstancesAndWithOneIsPrinted() throws Exception {
        step(5);
        int clients = Integer.getInteger("cuadra.it.cluster.clients", 8);
        int seconds = Integer.getInteger("cuadra.it.cluster.seconds", 30);
        double two = ordersPerSecond(clients, seconds);
        cluster.das().asadmin("--port=" + cluster.das().adminPort(), "stop-instance", plan.instanceName(2));
        awaitStatus(2, "DOWN", 30);
        double one = ordersPerSecond(clients, seconds);
        restart(2);
        System.out.printf("[cluster] throughput, %d clients, %d s each, through HAProxy: two instances %.1f orders/s,"
                + " one instance %.1f orders/s (ratio %.2f)%n", clients, seconds, two, one, two / one);
    }

    private double ordersPerSecond(int clients, int seconds) throws Exception {
        CounterLoad load = new CounterLoad(admin, locations, services, clients);
        int warm;
        int done;
        long elapsed;
        try {
            load.awaitAcknowledged(clients * 2, 120); // warm: every client has had answers
            warm = load.acknowledged.size();
            long t0 = System.nanoTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            done = load.acknowledged.size();
            elapsed = System.nanoTime() - t0;
        } finally {
            load.close();
        }
        assertThat(load.refused).isEmpty();
        return (done - warm) / (elapsed / 1e9);
    }

    /** SIGKILL of the instance's JVM; answers the nanoseconds until HAProxy reports it DOWN. */
    private long kill(int i) throws Exception {
        ProcessHandle jvm = cluster.instanceProcess(i).orElseThrow(() -> new AssertionError("no JVM of instance " + i));
        long t0 = System.nanoTime();
        jvm.destroyForcibly();
        jvm.onExit().get(30, TimeUnit.SECONDS);
        awaitStatus(i, "DOWN", 60);
        return System.nanoTime() - t0;
    }

    /** Starts the instance again and waits until HAProxy sends to it; answers when. */
    private long restart(int i) throws Exception {
        long t0 = System.nanoTime();
        cluster.startInstance(i);
        awaitStatus(i, "UP", 60);
        System.out.printf("[cluster] %s back in rotation %.1f s after its start%n", plan.instanceName(i),
                (System.nanoTime() - t0) / 1e9);
        return System.nanoTime();
    }

    /** Polls HAProxy's statistics (CSV) until the instance's HTTP server has that status. */
    private void awaitStatus(int i, String status, int timeoutSeconds) throws Exception {
        URI csv = URI.create("http://localhost:" + plan.statsPort() + "/;csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        String seen = "";
        while (System.nanoTime() < deadline) {
            String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(csv).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            List<String> header = List.of(body.lines().findFirst().orElseThrow().replaceFirst("^# ", "").split(","));
            int statusColumn = header.indexOf("status");
            seen = body.lines().map(l -> l.split(",")).filter(c -> c.length > statusColumn && c[0].equals("instances")
                    && c[1].equals(plan.instanceName(i))).map(c -> c[statusColumn]).findFirst().orElse("?");
            if (seen.startsWith(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(plan.instanceName(i) + " not " + status + " in HAProxy after " + timeoutSeconds
                + " s (last " + seen + ")");
    }

    private static Set<Integer> steps(String list) {
        Set<Integer> steps = new HashSet<>();
        for (String n : list.split(",")) {
            if (!n.isBlank()) {
                steps.add(Integer.parseInt(n.strip()));
            }
        }
        return steps;
    }

    private static void step(int n) {
        Assumptions.assumeTrue(STEPS.isEmpty() || STEPS.contains(n), "step " + n + " not in -Dcuadra.it.cluster.steps");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + settings.embeddedDbPort() + "/cuadra",
                ServerSettings.DEV_DB_USER, ServerSettings.DEV_DB_PASSWORD);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
