package io.cuadra.it.support;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stock ledger and the balances agree, read straight from the database. Every test that moves
 * stock (inventory's, and the orders' whose paid orders take goods out) ends with this check.
 */
public final class StockInvariants {

    private StockInvariants() {
    }

    /**
     * Each lot balance is the sum of its moves' effects, each item level the sum of its lot balances,
     * its reserved quantity the sum of its open reservations, its ledger lines numbered 1..n with the
     * last balance_after equal to on hand; nothing is negative in a tenant that forbids it.
     */
    public static void assertStockInvariants() throws SQLException {
        assertStockInvariants(() -> TestDatabase.current().connect());
    }

    /** A way to reach the database under test (the run command's has no {@link TestDatabase}). */
    @FunctionalInterface
    public interface Database {
        Connection connect() throws SQLException;
    }

    /** The same invariants on another database. */
    public static void assertStockInvariants(Database db) throws SQLException {
        assertThat(rows(db, "select b.warehouse_id, b.lot_id, b.on_hand, coalesce(m.total, 0) from stock_balances b "
                + "full join (select warehouse_id, lot_id, sum(effect) total from stock_moves group by 1, 2) m "
                + "on m.warehouse_id = b.warehouse_id and m.lot_id = b.lot_id "
                + "where coalesce(b.on_hand, 0) <> coalesce(m.total, 0)")).as("lot balances = Σ ledger").isEmpty();
        assertThat(rows(db, "select s.warehouse_id, s.item_id, s.on_hand, coalesce(b.total, 0) from stock_levels s "
                + "full join (select warehouse_id, item_id, sum(on_hand) total from stock_balances group by 1, 2) b "
                + "on b.warehouse_id = s.warehouse_id and b.item_id = s.item_id "
                + "where coalesce(s.on_hand, 0) <> coalesce(b.total, 0)")).as("item levels = Σ lot balances").isEmpty();
        assertThat(rows(db, "select s.warehouse_id, s.item_id, s.reserved from stock_levels s left join (select "
                + "warehouse_id, item_id, sum(quantity) total from stock_reservations where status = 'OPEN' "
                + "group by 1, 2) r on r.warehouse_id = s.warehouse_id and r.item_id = s.item_id "
                + "where s.reserved <> coalesce(r.total, 0)")).as("reserved = Σ open reservations").isEmpty();
        assertThat(rows(db, "select s.warehouse_id, s.item_id from stock_levels s left join (select warehouse_id, item_id, "
                + "count(*) n, max(line_no) last from stock_moves group by 1, 2) m on m.warehouse_id = s.warehouse_id "
                + "and m.item_id = s.item_id where s.last_line <> coalesce(m.n, 0) or s.last_line <> coalesce(m.last, 0)"))
                .as("ledger lines numbered 1..n").isEmpty();
        assertThat(rows(db, "select s.warehouse_id, s.item_id from stock_levels s join stock_moves m on m.warehouse_id = "
                + "s.warehouse_id and m.item_id = s.item_id and m.line_no = s.last_line where m.balance_after <> s.on_hand"))
                .as("running balance ends at on hand").isEmpty();
        assertThat(rows(db, "select b.id from stock_balances b left join inventory_settings t on t.tenant_id = b.tenant_id "
                + "where coalesce(t.never_negative, true) and b.on_hand < 0 union all select s.id from stock_levels s "
                + "left join inventory_settings t on t.tenant_id = s.tenant_id where coalesce(t.never_negative, true) "
                + "and (s.on_hand < 0 or s.reserved > s.on_hand)")).as("never negative").isEmpty();
    }

    /** The rows of a query on the test database, every column as text (null stays null). */
    public static List<List<String>> rows(String sql) throws SQLException {
        return rows(() -> TestDatabase.current().connect(), sql);
    }

    /** The rows of a query on that database, every column as text (null stays null). */
    public static List<List<String>> rows(Database db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
