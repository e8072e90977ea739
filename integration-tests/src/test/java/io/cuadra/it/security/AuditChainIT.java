package io.cuadra.it.security;

import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.OtherTenant;
import io.cuadra.it.support.TestDatabase;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14, findings 2 and 9, against the deployed EAR: audit lines are written in the business transaction and
 * sealed after commit by one sealer, so no writing transaction waits for another's audit (the role-permission
 * change no longer hangs; tenants and locations never wait on an audit row); the application's database role
 * cannot switch off, truncate, alter or rewrite the audit log; the chain verifies after load and names the first
 * line an owner tampered with.
 */
@ExtendWith(ArquillianExtension.class)
class AuditChainIT extends CuadraDeployment {

    /** The sealer's advisory lock key (AuditSealing.LOCK_KEY, "CUADRAAU"). */
    private static final long SEALER_LOCK = 0x4355_4144_5241_4155L;
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final Http http = http();

    @Test
    void rolePermissionChangesFinishWhileOrdersRunInTheSameTenant() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim01 = locationId(admin, "LIM01");
        long cus02 = locationId(admin, "CUS02");
        JsonObject supervisor = ((JsonArray) admin.get("api/roles").jsonStructure()).getValuesAs(JsonObject.class)
                .stream().filter(r -> r.getString("code").equals("SUPERVISOR")).findFirst().orElseThrow();
        long roleId = supervisor.getJsonNumber("id").longValue();
        long changesBefore = count("select count(*) from audit_log where action = 'role.permissions-changed' "
                + "and entity_id = '" + roleId + "'");

        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> orderStatuses = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<?>> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long location = i % 2 == 0 ? lim01 : cus02;
            clients.add(pool.submit(() -> {
                while (running.get()) {
                    orderStatuses.add(admin.post("api/orders", order(location)).status());
                }
                return null;
            }));
        }
        int changes = 8;
        try {
            for (int i = 0; i < changes; i++) {
                // Before the fix the eighth of these never answered: the request waited on itself.
                Reply role = admin.get("api/roles/" + roleId);
                Set<String> permissions = new TreeSet<>(role.json().getJsonArray("permissions")
                        .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString)
                        .toList());
                if (!permissions.remove("audit:export")) {
                    permissions.add("audit:export");
                }
                Reply changed = admin.put("api/roles/" + roleId, "{\"name\":\"" + role.json().getString("name")
                        + "\",\"allLocations\":" + role.json().getBoolean("allLocations") + ",\"permissions\":["
                        + permissions.stream().map(p -> "\"" + p + "\"").collect(Collectors.joining(",")) + "]}",
                        "If-Match", role.header("ETag"));
                assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            }
        } finally {
            running.set(false);
            for (Future<?> f : clients) {
                f.get();
            }
            pool.shutdown();
        }
        assertThat(orderStatuses).as("orders registered meanwhile").isNotEmpty().containsOnly(201);
        assertThat(count("select count(*) from audit_log where action = 'role.permissions-changed' and entity_id = '"
                + roleId + "'") - changesBefore).as("each change is a security event").isEqualTo(changes);
    }

    @Test
    void ordersOfTwoTenantsAndTwoLocationsNeverWaitOnAnAuditRow() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http other = OtherTenant.signIn(http);
        long lim01 = locationId(admin, "LIM01");
        long cus02 = locationId(admin, "CUS02");
        int perGroup = 3;
        int rounds = 6;

        AtomicBoolean sampling = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> auditWaits = new ConcurrentLinkedQueue<>();
        AtomicInteger samples = new AtomicInteger();
        AtomicInteger busiest = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(3 * perGroup + 1);
        // Every few milliseconds: which of the application's sessions wait for a lock, and on what.
        Future<?> sampler = pool.submit(() -> {
            try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
                while (sampling.get()) {
                    try (ResultSet rs = s.executeQuery("select a.query, l.locktype, coalesce(l.relation::regclass::text, ''), "
                            + "(select count(*) from pg_stat_activity x where x.usename = '" + TestDatabase.current().appUser()
                            + "' and x.state = 'active') from pg_locks l join pg_stat_activity a on a.pid = l.pid "
                            + "where not l.granted and a.usename = '" + TestDatabase.current().appUser() + "'")) {
                        while (rs.next()) {
                            String query = rs.getString(1).toLowerCase(Locale.ROOT);
                            if (query.contains("audit_") || rs.getString(3).startsWith("audit_")) {
                                auditWaits.add(rs.getString(2) + " " + rs.getString(3) + ": " + query);
                            }
                        }
                    }
                    try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where usename = '"
                            + TestDatabase.current().appUser() + "' and state = 'active'")) {
                        rs.next();
                        busiest.accumulateAndGet(rs.getInt(1), Math::max);
                    }
                    samples.incrementAndGet();
                    Thread.sleep(5);
                }
            }
            return null;
        });
        List<Future<Integer>> clients = new ArrayList<>();
        for (int i = 0; i < perGroup; i++) {
            clients.add(pool.submit(() -> run(rounds, () -> admin.post("api/orders", order(lim01)))));
            clients.add(pool.submit(() -> run(rounds, () -> admin.post("api/orders", order(cus02)))));
            clients.add(pool.submit(() -> run(rounds, () -> other.post("api/locations", newLocation()))));
        }
        List<Integer> created = new ArrayList<>();
        try {
            for (Future<Integer> f : clients) {
                created.add(f.get());
            }
        } finally {
            sampling.set(false);
            sampler.get();
            pool.shutdown();
        }
        assertThat(created).as("every write of every client answered 201").containsOnly(rounds);
        assertThat(samples.get()).as("the sampler watched the load").isGreaterThan(10);
        System.out.printf("[audit] %d lock samples, at most %d application sessions active at once%n", samples.get(),
                busiest.get());
        assertThat(auditWaits).as("lock waits on the audit log or a chain head").isEmpty();
    }

    @Test
    void anUnsealedLineIsShownAsSuchAndALateCommitIsSealedAfterTheLinesBeforeIt() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long demo = count("select id from tenants where slug = 'demo'");
        long lim01 = locationId(admin, "LIM01");
        try (Connection app = TestDatabase.current().connectAsApp();
             Connection owner = TestDatabase.current().connect()) {
            // A transaction of the application's role writes a line and stays open (mid-flight)...
            app.setAutoCommit(false);
            long late;
            try (PreparedStatement insert = app.prepareStatement("insert into audit_log (tenant_id, at, action, "
                    + "user_email) values (?, now(), 'it.late-commit', 'it@cuadra.demo') returning id")) {
                insert.setLong(1, demo);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    late = rs.getLong(1);
                }
            }
            // ...an order of the same tenant commits meanwhile, and its lines (later ids) are sealed.
            Reply order = admin.post("api/orders", order(lim01));
            assertThat(order.status()).as(order.toString()).isEqualTo(201);
            String orderId = Long.toString(order.json().getJsonNumber("id").longValue());
            awaitSealed("entity_type = 'Order' and entity_id = '" + orderId + "'");

            // While another holder keeps the sealer's lock, nothing is sealed: the committed line shows unsealed.
            try (Statement s = owner.createStatement()) {
                s.execute("select pg_advisory_lock(" + SEALER_LOCK + ")");
            }
            try {
                app.commit();
                JsonObject line = admin.get("api/audit-log?action=it.late-commit&size=1").json()
                        .getJsonArray("items").getJsonObject(0);
                assertThat(line.getJsonNumber("id").longValue()).isEqualTo(late);
                assertThat(line.getBoolean("sealed")).isFalse();
                assertThat(line.containsKey("seq") && !line.isNull("seq")).as("no seq yet").isFalse();
                JsonObject verification = admin.get("api/audit-log/verification").json();
                assertThat(verification.getBoolean("valid")).as(verification.toString()).isTrue();
                assertThat(verification.getJsonNumber("unsealed").longValue()).isPositive();
                Thread.sleep(2_500); // more than two sealer ticks: still not sealed, the lock is not ours
                assertThat(count("select count(*) from audit_log where id = " + late + " and seq is null")).isEqualTo(1);
            } finally {
                try (Statement s = owner.createStatement()) {
                    s.execute("select pg_advisory_unlock(" + SEALER_LOCK + ")");
                }
            }
            awaitSealed("id = " + late);
            assertThat(count("select count(*) from audit_log a, audit_log o where a.id = " + late
                    + " and o.entity_type = 'Order' and o.entity_id = '" + orderId + "' and a.seq > o.seq"))
                    .as("the late line, though its id is lower, follows the order's lines in the chain").isPositive();
            assertThat(admin.get("api/audit-log/verification").json().getBoolean("valid")).isTrue();
        }
    }

    @Test
    void theApplicationRoleOwnsNothingAndCannotSwitchOffTruncateAlterOrRewriteTheAuditLog() throws Exception {
        String app = TestDatabase.current().appUser();
        assertThat(count("select count(*) from pg_stat_activity where application_name = 'cuadra' and usename = '"
                + app + "'")).as("the server's pool connects as the application's role").isPositive();
        assertThat(count("select count(*) from pg_stat_activity where application_name = 'cuadra' and usename <> '"
                + app + "'")).as("and as nothing else").isZero();
        assertThat(count("select count(*) from pg_class c join pg_roles r on r.oid = c.relowner where r.rolname = '"
                + app + "'")).as("tables, sequences, indexes owned by the application's role").isZero();
        assertThat(count("select count(*) from pg_roles where rolname = '" + app + "' and (rolsuper or rolcreaterole "
                + "or rolcreatedb or rolbypassrls or rolreplication)")).isZero();
        awaitSealed("true");
        try (Connection c = TestDatabase.current().connectAsApp(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String sql : List.of(
                    "set session_replication_role = replica",
                    "alter table audit_log disable trigger audit_log_no_update",
                    "alter table audit_log disable trigger all",
                    "drop trigger audit_log_no_update on audit_log",
                    "truncate audit_log",
                    "delete from audit_log",
                    "update audit_log set user_email = 'someone-else@cuadra.demo' where seq = 1",
                    "update audit_log set hash = repeat('0', 64) where seq = 1",
                    "update audit_log set seq = null, prev_hash = null, hash = null, sealed_at = null where seq = 1",
                    "alter table audit_log drop column hash",
                    "drop table audit_log",
                    "alter table orders add column it_extra int",
                    "truncate orders",
                    "create table it_mine (id int)",
                    "delete from flyway_schema_history")) {
                assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .satisfies(e -> System.out.println("[audit] refused to the application: " + sql + " -> "
                                + e.getMessage().lines().findFirst().orElse("")));
            }
        }
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("truncate audit_log")).as("even the owner cannot truncate it")
                    .hasMessageContaining("cannot be truncated");
        }
    }

    @Test
    void theChainVerifiesAfterTheLoadAndNamesTheFirstLineTheOwnerTamperedWith() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim01 = locationId(admin, "LIM01");
        for (int i = 0; i < 5; i++) {
            assertThat(admin.post("api/orders", order(lim01)).status()).isEqualTo(201);
        }
        awaitSealed("true");
        JsonObject intact = admin.get("api/audit-log/verification").json();
        assertThat(intact.getBoolean("valid")).as(intact.toString()).isTrue();
        assertThat(intact.getJsonNumber("checked").longValue()).isPositive();
        assertThat(intact.getJsonNumber("unsealed").longValue()).isZero();

        String demo = "(select id from tenants where slug = 'demo')";
        long last = count("select max(seq) from audit_log where tenant_id = " + demo);
        long tampered = count("select min(seq) from audit_log where tenant_id = " + demo + " and entity_type = 'Order' "
                + "and seq > " + last / 2);
        String original;
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select changes from audit_log where seq = " + tampered
                    + " and tenant_id = " + demo)) {
                rs.next();
                original = rs.getString(1);
            }
            // Only the owner can do this, and only by switching the trigger off first.
            s.execute("alter table audit_log disable trigger audit_log_no_update");
            s.execute("update audit_log set changes = '{\"total\":{\"after\":\"0.01\"}}' where seq = " + tampered
                    + " and tenant_id = " + demo);
            s.execute("alter table audit_log enable trigger audit_log_no_update");
        }
        try {
            JsonObject broken = admin.get("api/audit-log/verification").json();
            assertThat(broken.getBoolean("valid")).isFalse();
            assertThat(broken.getJsonNumber("firstBrokenSeq").longValue()).isEqualTo(tampered);
            assertThat(broken.getString("reason")).contains("altered");
        } finally {
            try (Connection c = TestDatabase.current().connect();
                 PreparedStatement p = c.prepareStatement("update audit_log set changes = ? where seq = " + tampered
                         + " and tenant_id = " + demo);
                 Statement s = c.createStatement()) {
                s.execute("alter table audit_log disable trigger audit_log_no_update");
                p.setString(1, original);
                p.executeUpdate();
                s.execute("alter table audit_log enable trigger audit_log_no_update");
            }
        }
        assertThat(admin.get("api/audit-log/verification").json().getBoolean("valid")).isTrue();
    }

    // --- helpers --------------------------------------------------------------------------------------

    /** Waits (at most a minute) until no line matching {@code where} is unsealed. */
    private static void awaitSealed(String where) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (count("select count(*) from audit_log where seq is null and (" + where + ")") > 0) {
            assertThat(System.nanoTime()).as("lines sealed within a minute: " + where).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private interface Write {
        Reply send();
    }

    /** Sends {@code rounds} writes one after the other; returns how many answered 201. */
    private static int run(int rounds, Write write) {
        int created = 0;
        for (int i = 0; i < rounds; i++) {
            Reply r = write.send();
            if (r.status() == 201) {
                created++;
            } else {
                System.out.println("[audit] write refused: " + r);
            }
        }
        return created;
    }

    private static String order(long locationId) {
        return "{\"locationId\":" + locationId + ",\"lines\":[{\"itemCode\":\"LAB-HEM\",\"quantity\":1},"
                + "{\"itemCode\":\"LAB-COV\",\"quantity\":1}]}";
    }

    /** A location of the other tenant, with series of its own. */
    private static String newLocation() {
        int n = SEQ.incrementAndGet();
        String tag = Integer.toString(36 * 36 + n % (36 * 36), 36).substring(1).toUpperCase(Locale.ROOT);
        return "{\"code\":\"AU" + n + "\",\"name\":\"Sede AU" + n + "\",\"timeZone\":\"America/Lima\","
                + "\"sunatEstablishment\":\"0009\",\"invoiceSeries\":\"FA" + tag + "\",\"receiptSeries\":\"BA" + tag
                + "\",\"invoiceCreditSeries\":\"FB" + tag + "\",\"receiptCreditSeries\":\"BB" + tag + "\"}";
    }

    private static long locationId(Http client, String code) {
        return ((JsonArray) client.get("api/locations").jsonStructure()).getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getString("code").equals(code)).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
