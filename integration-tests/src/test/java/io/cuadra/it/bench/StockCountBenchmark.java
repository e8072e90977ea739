package io.cuadra.it.bench;

import io.cuadra.it.inventory.InventoryIT;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Confirming a physical count of 20,000 lots, every one of which differs from the book, against the
 * deployed EAR: the stock (2,000 items × 10 lots, with consistent IN moves) is written straight into
 * the database, the count is entered through the REST API in batches of 1,000 lines, then confirmed;
 * the batch job's progress is followed until it is CONFIRMED. Prints the times; asserts only that
 * the result is right (20,000 adjustments, ledger = balances), never a time. Not part of the suite
 * (its name does not end in IT); run it alone:
 * <pre>
 * ./mvnw -B verify -pl integration-tests -am -Dit.test=StockCountBenchmark -Dfailsafe.failIfNoSpecifiedTests=false \
 *     -Dtest=NoSuchUnitTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@ExtendWith(ArquillianExtension.class)
class StockCountBenchmark extends CuadraDeployment {

    private static final int ITEMS = 2_000;
    private static final int LOTS_PER_ITEM = 10;
    /** Lines per call: 1,000 lines are about 60 KB, within one HTTP/2 flow-control window of the JDK client. */
    private static final int BATCH = 1_000;

    private final Http http = http();

    @Test
    void aCountOfTwentyThousandLotsConfirms() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim = InventoryIT.location("LIM01");
        Reply warehouse = admin.post("api/inventory/warehouses", "{\"locationId\":" + lim
                + ",\"code\":\"BENCH\",\"name\":\"Conteo masivo\"}");
        long warehouseId = InventoryIT.id(warehouse);
        long t0 = System.nanoTime();
        List<long[]> lots = stock(warehouseId);
        System.out.printf("[bench] stock of %,d lots written by SQL in %.1f s%n", lots.size(),
                (System.nanoTime() - t0) / 1e9);

        long countId = InventoryIT.id(admin.post("api/inventory/counts", "{\"warehouseId\":" + warehouseId
                + ",\"coverage\":\"COMPLETE\"}"));
        t0 = System.nanoTime();
        for (int from = 0; from < lots.size(); from += BATCH) {
            StringBuilder body = new StringBuilder("{\"lines\":[");
            for (int i = from; i < Math.min(lots.size(), from + BATCH); i++) {
                long[] lot = lots.get(i);
                body.append(i == from ? "" : ",").append("{\"itemId\":").append(lot[0]).append(",\"lotId\":")
                        .append(lot[1]).append(",\"counted\":").append(i % 2 == 0 ? 9 : 11).append('}');
            }
            Reply entered = admin.post("api/inventory/counts/" + countId + "/lines", body.append("]}").toString());
            assertThat(entered.status()).as(entered.toString()).isEqualTo(200);
        }
        double entry = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[bench] %,d count lines entered through REST (%d calls) in %.1f s%n", lots.size(),
                lots.size() / BATCH, entry);

        String etag = admin.get("api/inventory/counts/" + countId).header("ETag");
        t0 = System.nanoTime();
        Reply started = admin.post("api/inventory/counts/" + countId + "/confirmation", "", "If-Match", etag);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        List<String> progress = new ArrayList<>();
        JsonObject count;
        do {
            Thread.sleep(200);
            count = admin.get("api/inventory/counts/" + countId).json();
            String step = count.getInt("adjustmentsDone") + "/" + count.getInt("adjustments");
            if (progress.isEmpty() || !progress.get(progress.size() - 1).endsWith(step)) {
                progress.add(String.format("%.1fs %s", (System.nanoTime() - t0) / 1e9, step));
            }
        } while (count.getString("status").equals("CONFIRMING") && System.nanoTime() - t0 < 300e9);
        double confirmation = (System.nanoTime() - t0) / 1e9;
        System.out.printf("[bench] count of %,d lines confirmed (%s) in %.1f s: %,d adjustments, %.0f per second%n",
                lots.size(), count.getString("status"), confirmation, count.getInt("adjustments"),
                count.getInt("adjustments") / confirmation);
        System.out.println("[bench] progress seen: " + String.join(" → ", progress));

        assertThat(count.getString("status")).as(count.toString()).isEqualTo("CONFIRMED");
        assertThat(count.getInt("adjustments")).isEqualTo(ITEMS * LOTS_PER_ITEM);
        InventoryIT.assertStockInvariants();
    }

    /** 2,000 items × 10 lots of 10 units in the warehouse, each with its IN move, levels and balances. */
    private static List<long[]> stock(long warehouseId) throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
            String tenant = "(select id from tenants where slug = 'demo')";
            s.execute("insert into items (id, tenant_id, type, code, name, unit_code, price, tax_rate_id, track_lots, "
                    + "track_expiry, created_by, updated_by) select nextval('cuadra_id_seq'), " + tenant + ", 'PRODUCT', "
                    + "'BCH-' || g, 'Insumo de conteo ' || g, 'NIU', 1, (select id from tax_rates where tenant_id = "
                    + tenant + " and affectation_code = '10' limit 1), true, true, 'bench', 'bench' "
                    + "from generate_series(1, " + ITEMS + ") g");
            s.execute("insert into inventory_lots (id, tenant_id, item_id, code, expires_on, received_on, unit_cost, "
                    + "currency, origin, created_by, updated_by) select nextval('cuadra_id_seq'), i.tenant_id, i.id, "
                    + "'B' || l, current_date + 100 + l, current_date, 2, 'PEN', 'GOODS_RECEIPT', 'bench', 'bench' "
                    + "from items i, generate_series(1, " + LOTS_PER_ITEM + ") l where i.code like 'BCH-%'");
            s.execute("insert into stock_moves (id, tenant_id, warehouse_id, item_id, lot_id, line_no, type, quantity, "
                    + "balance_after, lot_balance_after, unit_cost, currency, reference_type, reference_id, moved_at, "
                    + "created_by, updated_by) select nextval('cuadra_id_seq'), l.tenant_id, " + warehouseId + ", "
                    + "l.item_id, l.id, n, 'IN', 10, 10 * n, 10, 2, 'PEN', 'GOODS_RECEIPT', 0, now(), 'bench', 'bench' "
                    + "from (select l.*, row_number() over (partition by l.item_id order by l.id) n "
                    + "from inventory_lots l where l.code like 'B%' and l.item_id in "
                    + "(select id from items where code like 'BCH-%')) l");
            s.execute("insert into stock_balances (id, tenant_id, warehouse_id, item_id, lot_id, on_hand, created_by, "
                    + "updated_by) select nextval('cuadra_id_seq'), tenant_id, warehouse_id, item_id, lot_id, 10, "
                    + "'bench', 'bench' from stock_moves where warehouse_id = " + warehouseId);
            s.execute("insert into stock_levels (id, tenant_id, warehouse_id, item_id, on_hand, last_line, created_by, "
                    + "updated_by) select nextval('cuadra_id_seq'), tenant_id, warehouse_id, item_id, sum(quantity), "
                    + "count(*), 'bench', 'bench' from stock_moves where warehouse_id = " + warehouseId
                    + " group by tenant_id, warehouse_id, item_id");
            s.execute("analyze");
            List<long[]> lots = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select item_id, lot_id from stock_balances where warehouse_id = "
                    + warehouseId + " order by item_id, lot_id")) {
                while (rs.next()) {
                    lots.add(new long[]{rs.getLong(1), rs.getLong(2)});
                }
            }
            return lots;
        }
    }
}
