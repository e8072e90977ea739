package io.cuadra.it.bench;

import io.cuadra.server.EmbeddedDatabase;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A page of an item's ledger (with its running balance) when the ledger holds 1,000,000 moves:
 * starts a throw-away embedded PostgreSQL, applies the application's migrations, loads the moves
 * with COPY (consistent line numbers and running balances, as StockKeeper writes them), then times
 * the statement the service runs ({@code item-ledger.sql}, read from the source tree) for first
 * pages and for pages deep in long ledgers, and prints p50/p95/p99.
 *
 * <p>The moves: 2 warehouses × 1,000 items, of which 10 "hot" items hold 50,000 moves each in the
 * first warehouse (500,000 together) and the rest share the other 500,000. It needs only the
 * embedded PostgreSQL and the JDBC driver (server-config's class path). From the repository root:
 * <pre>
 * ./mvnw -B -q -pl integration-tests -am package -DskipTests -Dbench=io.cuadra.it.bench.ItemLedgerBenchmark \
 *      [-Dbench.args="1000000 2000 35498"]     (moves, pages, port: by position)
 * </pre>
 */
public final class ItemLedgerBenchmark {

    private static final int ITEMS = 1_000;
    private static final int HOT = 10;
    private static final int LOTS_PER_ITEM = 4;
    private static final int PAGE = 50;

    private ItemLedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int moves = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int port = args.length > 2 ? Integer.parseInt(args[2]) : 35498;
        Path root = repositoryRoot();
        Path data = root.resolve("integration-tests/target/bench-ledger-pgdata");
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, port, true);
             Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres")) {
            migrate(c, root.resolve("ejb-module/src/main/resources/db/migration"));
            long[] warehouses = setUp(c);
            long t0 = System.nanoTime();
            List<long[]> ledgers = load(c, warehouses, moves);
            System.out.printf("Loaded %,d moves in %,d ledgers with COPY in %.1f s%n", moves, ledgers.size(),
                    (System.nanoTime() - t0) / 1e9);
            exec(c, "analyze stock_moves");
            exec(c, "analyze inventory_lots");
            run(c, ledgers, pages, statement(root));
        }
    }

    /** Tenant, tax rate, two locations (their default warehouses come from the trigger), items and lots. */
    private static long[] setUp(Connection c) throws Exception {
        exec(c, "insert into tenants (id, slug, name, created_by, updated_by) values (1, 'bench', 'Bench', 'b', 'b')");
        exec(c, "insert into tax_rates (id, tenant_id, country, name, percent, affectation_code, created_by, updated_by) "
                + "values (2, 1, 'PE', 'IGV', 18, '10', 'b', 'b')");
        exec(c, "insert into locations (id, tenant_id, code, name, time_zone, created_by, updated_by) values "
                + "(3, 1, 'LIM01', 'Lima', 'America/Lima', 'b', 'b'), (4, 1, 'CUS02', 'Cusco', 'America/Lima', 'b', 'b')");
        exec(c, "insert into items (id, tenant_id, type, code, name, unit_code, price, tax_rate_id, track_lots, "
                + "track_expiry, created_by, updated_by) select 100 + g, 1, 'PRODUCT', 'P' || g, 'Producto ' || g, "
                + "'NIU', 1, 2, true, true, 'b', 'b' from generate_series(1, " + ITEMS + ") g");
        exec(c, "insert into inventory_lots (id, tenant_id, item_id, code, expires_on, received_on, unit_cost, currency, "
                + "origin, created_by, updated_by) select 10000 + (i.id - 100) * " + LOTS_PER_ITEM + " + l, 1, i.id, "
                + "'L' || l, date '2027-01-01' + l * 30, date '2026-01-01', 1.5, 'PEN', 'GOODS_RECEIPT', 'b', 'b' "
                + "from items i, generate_series(0, " + (LOTS_PER_ITEM - 1) + ") l");
        List<Long> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select id from warehouses order by id")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /**
     * Writes every ledger as StockKeeper would: lines 1..n, receipts and sales keeping the balance at
     * zero or more, balance_after the item's on hand in the warehouse after each move. Returns
     * (warehouse, item, moves) per ledger.
     */
    private static List<long[]> load(Connection c, long[] warehouses, int total) throws Exception {
        CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
        String columns = "copy stock_moves (id, tenant_id, warehouse_id, item_id, lot_id, line_no, type, quantity, "
                + "balance_after, lot_balance_after, unit_cost, currency, reference_type, reference_id, moved_at, "
                + "created_by, updated_by) from stdin with (format csv)";
        Random r = new Random(11);
        List<long[]> ledgers = new ArrayList<>();
        int hotMoves = total / 2 / HOT;
        int coldLedgers = (ITEMS - HOT) * warehouses.length + HOT * (warehouses.length - 1);
        int coldMoves = (total - hotMoves * HOT) / coldLedgers;
        int remainder = total - hotMoves * HOT - coldMoves * coldLedgers;
        for (long w : warehouses) {
            for (int i = 1; i <= ITEMS; i++) {
                boolean hot = i <= HOT && w == warehouses[0];
                int n = hot ? hotMoves : coldMoves + (remainder-- > 0 ? 1 : 0);
                ledgers.add(new long[]{w, 100 + i, n});
            }
        }
        StringBuilder chunk = new StringBuilder(32 << 20);
        long id = 1_000_000;
        long written = 0;
        long start = 1_700_000_000L;
        for (long[] ledger : ledgers) {
            long item = ledger[1];
            long[] lotBalance = new long[LOTS_PER_ITEM];
            long balance = 0;
            for (int line = 1; line <= ledger[2]; line++) {
                int lot = r.nextInt(LOTS_PER_ITEM);
                boolean in = lotBalance[lot] == 0 || r.nextInt(3) == 0;
                long q = in ? 1 + r.nextInt(50) : 1 + r.nextInt((int) Math.min(lotBalance[lot], 20));
                lotBalance[lot] += in ? q : -q;
                balance += in ? q : -q;
                long lotId = 10000 + (item - 100) * LOTS_PER_ITEM + lot;
                chunk.append(id++).append(",1,").append(ledger[0]).append(',').append(item).append(',').append(lotId)
                        .append(',').append(line).append(',').append(in ? "IN" : "OUT").append(',').append(q)
                        .append(',').append(balance).append(',').append(lotBalance[lot]).append(",1.5,PEN,")
                        .append(in ? "GOODS_RECEIPT" : "ORDER").append(',').append(r.nextInt(1_000_000))
                        .append(',').append(java.time.Instant.ofEpochSecond(start + written * 30))
                        .append(",b,b\n");
                if (++written % 200_000 == 0) {
                    copy.copyIn(columns, new StringReader(chunk.toString()));
                    chunk.setLength(0);
                }
            }
        }
        copy.copyIn(columns, new StringReader(chunk.toString()));
        return ledgers;
    }

    /** First pages and pages at a random depth, over hot and ordinary ledgers alike. */
    private static void run(Connection c, List<long[]> ledgers, int pages, String sql) throws Exception {
        Random r = new Random(5);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < 50; i++) {
                page(ps, ledgers.get(r.nextInt(ledgers.size())), Long.MAX_VALUE);
            }
            List<Double> first = new ArrayList<>();
            List<Double> deep = new ArrayList<>();
            List<Double> hot = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                boolean pickHot = i % 4 == 0;
                long[] ledger = pickHot ? ledgers.get(r.nextInt(HOT)) : ledgers.get(r.nextInt(ledgers.size()));
                boolean firstPage = i % 2 == 0;
                long before = firstPage ? Long.MAX_VALUE : 1 + (long) (r.nextDouble() * ledger[2]);
                long t0 = System.nanoTime();
                int rows = page(ps, ledger, before);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (rows == 0 && firstPage) {
                    throw new IllegalStateException("Empty first page for ledger " + ledger[0] + "/" + ledger[1]);
                }
                (pickHot ? hot : firstPage ? first : deep).add(ms);
            }
            System.out.printf("%-24s %6s %8s %8s %8s %8s%n", "ledger pages (50 lines)", "n", "p50 ms", "p95 ms",
                    "p99 ms", "max ms");
            print("first page", first);
            print("random depth", deep);
            print("hot items (50k moves)", hot);
            List<Double> all = new ArrayList<>(first);
            all.addAll(deep);
            all.addAll(hot);
            print("ALL", all);
        }
    }

    private static int page(PreparedStatement ps, long[] ledger, long before) throws Exception {
        ps.setLong(1, 1);
        ps.setLong(2, ledger[0]);
        ps.setLong(3, ledger[1]);
        ps.setLong(4, before);
        ps.setInt(5, PAGE);
        int rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    private static void print(String kind, List<Double> times) {
        double[] t = times.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf("%-24s %6d %8.2f %8.2f %8.2f %8.2f%n", kind, t.length, pct(t, 50), pct(t, 95), pct(t, 99),
                t[t.length - 1]);
    }

    private static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(i, sorted.length - 1))];
    }

    /** The service's statement (comment lines dropped), its ?1..?5 turned into JDBC parameters in order. */
    private static String statement(Path root) throws Exception {
        String text = Files.readString(root.resolve(
                "ejb-module/src/main/resources/io/cuadra/inventory/application/item-ledger.sql"));
        String sql = text.lines().filter(l -> !l.stripLeading().startsWith("--")).collect(Collectors.joining("\n"));
        Matcher m = Pattern.compile("\\?(\\d+)").matcher(sql);
        int expected = 1;
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) != expected++) {
                throw new IllegalStateException("The ledger statement's parameters are no longer ?1..?5 in order");
            }
        }
        return sql.replaceAll("\\?\\d+", "?");
    }

    private static void migrate(Connection c, Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                exec(c, Files.readString(f));
            }
        }
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Path repositoryRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.isDirectory(p.resolve("ejb-module"))) {
            p = p.getParent();
        }
        if (p == null) {
            throw new IllegalStateException("Run from inside the repository");
        }
        return p;
    }
}
