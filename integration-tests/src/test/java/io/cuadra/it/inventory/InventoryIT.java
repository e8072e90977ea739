package io.cuadra.it.inventory;

import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.OtherTenant;
import io.cuadra.it.support.StockInvariants;
import io.cuadra.it.support.TenantIsolation;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.cuadra.it.support.StockInvariants.assertStockInvariants;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inventory and purchasing against the deployed EAR: receipts into lots, over-receipts, wastage,
 * transfers, counts through the batch job, alerts, the ledger page, ETags, tenant and location
 * isolation. Every test ends with {@link io.cuadra.it.support.StockInvariants#assertStockInvariants()}:
 * the ledger, the lot balances, the item levels and the reservations agree, read straight from the
 * database.
 */
@ExtendWith(ArquillianExtension.class)
public class InventoryIT extends CuadraDeployment {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("America/Lima"));

    private final Http http = http();

    @Test
    void aReceiptAgainstAnOrderCreatesLotsAndInMovesAndTopUpsAverageTheCost() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long item = product(admin, true, true, null);
        long supplier = supplier(admin);
        long lim = location("LIM01");

        Reply created = admin.post("api/purchasing/orders", "{\"supplierId\":" + supplier + ",\"locationId\":" + lim
                + ",\"reference\":\"COT-1\",\"lines\":[{\"itemId\":" + item + ",\"quantity\":100,\"unitCost\":2.5}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject order = created.json();
        assertThat(order.getString("status")).isEqualTo("DRAFT");
        assertThat(order.getString("number")).matches("OC-\\d{4}-\\d{6}");
        assertThat(decimal(order.getJsonArray("lines").getJsonObject(0), "taxPercent")).isEqualByComparingTo("18");
        assertThat(decimal(order, "total")).isEqualByComparingTo("295.00");
        long orderId = id(created);
        Reply placed = admin.post("api/purchasing/orders/" + orderId + "/placement", "", "If-Match",
                created.header("ETag"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(200);
        assertThat(placed.json().getString("status")).isEqualTo("ORDERED");
        assertThat(admin.put("api/purchasing/orders/" + orderId, "{\"supplierId\":" + supplier + ",\"locationId\":" + lim
                + ",\"lines\":[]}", "If-Match", placed.header("ETag")).status()).as("an order is no draft").isEqualTo(409);
        long line = placed.json().getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();

        Reply receipt = admin.post("api/purchasing/receipts", "{\"purchaseOrderId\":" + orderId
                + ",\"supplierDocument\":\"T001-77\",\"lines\":[{\"orderLineId\":" + line + ",\"lotCode\":\"A-1\","
                + "\"expiresOn\":\"" + TODAY.plusDays(60) + "\",\"quantity\":60},{\"orderLineId\":" + line
                + ",\"lotCode\":\" a-2 \",\"expiresOn\":\"" + TODAY.plusDays(30) + "\",\"quantity\":40,\"unitCost\":2.75}]}");
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        long receiptId = id(receipt);
        assertThat(receipt.json().getString("number")).matches("GR-\\d{4}-\\d{6}");
        assertThat(admin.get("api/purchasing/orders/" + orderId).json().getString("status")).isEqualTo("RECEIVED");

        JsonArray lots = admin.get("api/inventory/lots?itemId=" + item).json().getJsonArray("items");
        assertThat(lots.getValuesAs(JsonObject.class)).extracting(l -> l.getString("code"))
                .as("earliest expiry first").containsExactly("A-2", "A-1");
        long lotA2 = lots.getJsonObject(0).getJsonNumber("id").longValue();
        long lotA1 = lots.getJsonObject(1).getJsonNumber("id").longValue();
        assertThat(decimal(lots.getJsonObject(0), "unitCost")).isEqualByComparingTo("2.75");
        assertThat(lots.getJsonObject(0).getString("origin")).isEqualTo("GOODS_RECEIPT");
        JsonObject lotPage = admin.get("api/inventory/lots/" + lotA1).json();
        assertThat(decimal(lotPage.getJsonArray("balances").getJsonObject(0), "onHand")).isEqualByComparingTo("60");

        JsonArray moves = admin.get("api/inventory/moves?referenceType=GOODS_RECEIPT&referenceId=" + receiptId).json()
                .getJsonArray("items");
        assertThat(moves).hasSize(2);
        assertThat(moves.getValuesAs(JsonObject.class)).allMatch(m -> m.getString("type").equals("IN"));
        assertThat(moves.getValuesAs(JsonObject.class).stream().map(m -> decimal(m, "effect")).reduce(BigDecimal.ZERO,
                BigDecimal::add)).isEqualByComparingTo("100");

        JsonObject stock = admin.get("api/inventory/stock?itemId=" + item).json();
        assertThat(stock.getJsonArray("items")).hasSize(2);
        assertThat(decimal(stock.getJsonArray("totalValue").getJsonObject(0), "amount")).isEqualByComparingTo("260.00");
        JsonObject byItem = admin.get("api/inventory/stock?groupBy=ITEM&itemId=" + item).json();
        assertThat(decimal(byItem.getJsonArray("items").getJsonObject(0), "onHand")).isEqualByComparingTo("100");

        JsonObject ledger = admin.get("api/inventory/moves/ledger?itemId=" + item + "&locationId=" + lim + "&size=1")
                .json();
        assertThat(decimal(ledger, "onHand")).isEqualByComparingTo("100");
        JsonObject newest = ledger.getJsonArray("lines").getJsonObject(0);
        assertThat(newest.getJsonNumber("lineNo").longValue()).isEqualTo(2);
        assertThat(decimal(newest, "balanceAfter")).isEqualByComparingTo("100");
        JsonObject older = admin.get("api/inventory/moves/ledger?itemId=" + item + "&locationId=" + lim + "&before="
                + ledger.getJsonNumber("next").longValue()).json();
        assertThat(older.getJsonArray("lines")).hasSize(1);
        assertThat(decimal(older.getJsonArray("lines").getJsonObject(0), "balanceAfter")).isEqualByComparingTo("60");
        assertThat(older.containsKey("next")).as("the first move has nothing older").isFalse();

        Reply again = admin.post("api/purchasing/receipts", "{\"purchaseOrderId\":" + orderId + ",\"lines\":[{"
                + "\"orderLineId\":" + line + ",\"lotCode\":\"A-1\",\"expiresOn\":\"" + TODAY.plusDays(60)
                + "\",\"quantity\":1}]}");
        assertThat(again.status()).as("a received order takes nothing more").isEqualTo(409);

        long warehouse = defaultWarehouse(admin, lim);
        Reply topUp = receiveFree(admin, warehouse, item, "A-1", TODAY.plusDays(60), "40", "3.00");
        assertThat(topUp.status()).as(topUp.toString()).isEqualTo(201);
        assertThat(decimal(admin.get("api/inventory/lots/" + lotA1).json(), "unitCost"))
                .as("(60 × 2.50 + 40 × 3.00) / 100").isEqualByComparingTo("2.70");
        assertThat(receiveFree(admin, warehouse, item, "A-1", TODAY.plusDays(61), "1", "3").status())
                .as("another expiry is another lot").isEqualTo(422);
        assertThat(receiveFree(admin, warehouse, item, null, TODAY.plusDays(61), "1", "3").status())
                .as("a tracked item needs its lot").isEqualTo(422);
        assertThat(single("select count(*) from stock_moves where lot_id = " + lotA2)).isEqualTo("1");
        assertStockInvariants();
    }

    @Test
    void receivingMoreThanOrderedNeedsPurchasingApprove() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http storekeeper = DemoUsers.WAREHOUSE.signIn(http);
        long item = product(admin, true, false, null);
        long supplier = supplier(admin);
        long lim = location("LIM01");
        Reply order = storekeeper.post("api/purchasing/orders", "{\"supplierId\":" + supplier + ",\"locationId\":"
                + lim + ",\"lines\":[{\"itemId\":" + item + ",\"quantity\":10,\"unitCost\":1}]}");
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        long orderId = id(order);
        Reply placed = storekeeper.post("api/purchasing/orders/" + orderId + "/placement", "", "If-Match",
                order.header("ETag"));
        long line = placed.json().getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        String body = "{\"purchaseOrderId\":" + orderId + ",\"lines\":[{\"orderLineId\":" + line
                + ",\"lotCode\":\"OVER-" + item + "\",\"quantity\":12}]}";

        Reply refused = storekeeper.post("api/purchasing/receipts", body);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().getString("detail")).contains("2 more than ordered").contains("purchasing:approve");
        assertThat(single("select count(*) from inventory_lots where item_id = " + item)).as("nothing stored").isEqualTo("0");
        assertThat(single("select count(*) from stock_moves where item_id = " + item)).isEqualTo("0");
        assertThat(admin.get("api/purchasing/orders/" + orderId).json().getString("status")).isEqualTo("ORDERED");

        Reply within = storekeeper.post("api/purchasing/receipts", "{\"purchaseOrderId\":" + orderId
                + ",\"lines\":[{\"orderLineId\":" + line + ",\"lotCode\":\"OK-" + item + "\",\"quantity\":4}]}");
        assertThat(within.status()).as(within.toString()).isEqualTo(201);
        assertThat(admin.get("api/purchasing/orders/" + orderId).json().getString("status"))
                .isEqualTo("PARTIALLY_RECEIVED");

        Reply approved = admin.post("api/purchasing/receipts", body);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
        JsonObject after = admin.get("api/purchasing/orders/" + orderId).json();
        assertThat(after.getString("status")).isEqualTo("RECEIVED");
        assertThat(decimal(after.getJsonArray("lines").getJsonObject(0), "quantityReceived")).isEqualByComparingTo("16");

        Reply elsewhere = storekeeper.post("api/purchasing/orders", "{\"supplierId\":" + supplier + ",\"locationId\":"
                + location("CUS02") + ",\"lines\":[{\"itemId\":" + item + ",\"quantity\":1,\"unitCost\":1}]}");
        assertThat(elsewhere.status()).as("not the storekeeper's location").isEqualTo(422);
        Reply service = admin.post("api/purchasing/orders", "{\"supplierId\":" + supplier + ",\"locationId\":" + lim
                + ",\"lines\":[{\"itemId\":" + demoItem("LAB-HEM") + ",\"quantity\":1,\"unitCost\":1}]}");
        assertThat(service.status()).as("products only").isEqualTo(422);
        assertStockInvariants();
    }

    @Test
    void wastageTakesGoodsOffALotAndNeverBelowZero() throws Exception {
        Http storekeeper = DemoUsers.WAREHOUSE.signIn(http);
        Http admin = DemoUsers.ADMIN.signIn(http);
        long item = product(admin, true, true, null);
        long warehouse = defaultWarehouse(admin, location("LIM01"));
        long lot = lotOf(receiveFree(admin, warehouse, item, "W-1", TODAY.plusDays(3), "10", "1.20"));

        Reply wastage = storekeeper.post("api/inventory/wastage", wastage(warehouse, item, lot, "3", "EXPIRED", null));
        assertThat(wastage.status()).as(wastage.toString()).isEqualTo(201);
        long wastageId = id(wastage);
        assertThat(decimal(wastage.json(), "unitCost")).isEqualByComparingTo("1.20");
        JsonArray moves = storekeeper.get("api/inventory/moves?referenceType=WASTAGE&referenceId=" + wastageId).json()
                .getJsonArray("items");
        assertThat(moves).hasSize(1);
        assertThat(moves.getJsonObject(0).getString("type")).isEqualTo("WASTAGE");
        assertThat(decimal(moves.getJsonObject(0), "effect")).isEqualByComparingTo("-3");
        assertThat(decimal(moves.getJsonObject(0), "lotBalanceAfter")).isEqualByComparingTo("7");
        assertThat(moves.getJsonObject(0).getString("movedBy")).isEqualTo(DemoUsers.WAREHOUSE.email);
        assertThat(storekeeper.get("api/inventory/wastage/" + wastageId).status()).isEqualTo(200);

        Reply tooMuch = storekeeper.post("api/inventory/wastage", wastage(warehouse, item, lot, "8", "DAMAGED", null));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(409);
        assertThat(tooMuch.json().getString("detail")).contains("only 7.000 available");
        assertThat(storekeeper.post("api/inventory/wastage", wastage(warehouse, item, null, "1", "LOST", null)).status())
                .as("which lot?").isEqualTo(422);
        assertThat(storekeeper.post("api/inventory/wastage", wastage(warehouse, item, lot, "1", "OTHER", null)).status())
                .as("OTHER needs notes").isEqualTo(422);
        assertThat(storekeeper.post("api/inventory/wastage", wastage(warehouse, item, lot, "1", "OTHER",
                "Se cayó del estante")).status()).isEqualTo(201);
        assertThat(single("select on_hand from stock_balances where lot_id = " + lot)).isEqualTo("6.000");
        assertStockInvariants();
    }

    @Test
    void aPurchaseOrderIsCancelledUntilSomethingArrivesAndThenTakesNothingMore() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http storekeeper = DemoUsers.WAREHOUSE.signIn(http);
        long item = product(admin, true, false, null);
        long supplier = supplier(admin);
        long lim = location("LIM01");
        String lines = ",\"lines\":[{\"itemId\":" + item + ",\"quantity\":5,\"unitCost\":2}]}";

        Reply draft = storekeeper.post("api/purchasing/orders", "{\"supplierId\":" + supplier + ",\"locationId\":"
                + lim + lines);
        long draftId = id(draft);
        String path = "api/purchasing/orders/" + draftId + "/cancellation";
        assertThat(storekeeper.post(path, "{\"reason\":\"Duplicada\"}").status()).as("needs If-Match").isEqualTo(428);
        Reply noReason = storekeeper.post(path, "{\"reason\":\"  \"}", "If-Match", draft.header("ETag"));
        assertThat(noReason.status()).as(noReason.toString()).isIn(400, 422);
        Reply cancelled = storekeeper.post(path, "{\"reason\":\" Duplicada \"}", "If-Match", draft.header("ETag"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().getString("status")).isEqualTo("CANCELLED");
        assertThat(cancelled.json().getString("cancelReason")).isEqualTo("Duplicada");
        assertThat(cancelled.json().getString("cancelledAt")).isNotBlank();
        assertThat(cancelled.header("ETag")).isNotEqualTo(draft.header("ETag"));
        assertThat(single("select status || '/' || cancel_reason from purchase_orders where id = " + draftId))
                .isEqualTo("CANCELLED/Duplicada");
        assertThat(storekeeper.post(path, "{\"reason\":\"Otra vez\"}", "If-Match", draft.header("ETag")).status())
                .as("the old ETag").isEqualTo(412);
        assertThat(storekeeper.post(path, "{\"reason\":\"Otra vez\"}", "If-Match", cancelled.header("ETag")).status())
                .as("cancelled once").isEqualTo(409);
        assertThat(storekeeper.post("api/purchasing/orders/" + draftId + "/placement", "", "If-Match",
                cancelled.header("ETag")).status()).as("a cancelled order is not placed").isEqualTo(409);
        assertThat(admin.get("api/purchasing/orders?status=CANCELLED&supplierId=" + supplier).json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).anyMatch(o -> o.getJsonNumber("id").longValue() == draftId);

        Reply ordered = admin.post("api/purchasing/orders", "{\"supplierId\":" + supplier + ",\"locationId\":" + lim
                + lines);
        long orderedId = id(ordered);
        Reply placed = admin.post("api/purchasing/orders/" + orderedId + "/placement", "", "If-Match",
                ordered.header("ETag"));
        long line = placed.json().getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        Reply dropped = admin.post("api/purchasing/orders/" + orderedId + "/cancellation",
                "{\"reason\":\"El proveedor no entrega\"}", "If-Match", placed.header("ETag"));
        assertThat(dropped.status()).as("nothing arrived yet: " + dropped).isEqualTo(200);
        Reply late = admin.post("api/purchasing/receipts", "{\"purchaseOrderId\":" + orderedId + ",\"lines\":[{"
                + "\"orderLineId\":" + line + ",\"lotCode\":\"PC-" + item + "\",\"quantity\":1}]}");
        assertThat(late.status()).as("a cancelled order receives nothing: " + late).isEqualTo(409);

        Reply partly = admin.post("api/purchasing/orders", "{\"supplierId\":" + supplier + ",\"locationId\":" + lim
                + lines);
        Reply partlyPlaced = admin.post("api/purchasing/orders/" + id(partly) + "/placement", "", "If-Match",
                partly.header("ETag"));
        long partlyLine = partlyPlaced.json().getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        assertThat(admin.post("api/purchasing/receipts", "{\"purchaseOrderId\":" + id(partly) + ",\"lines\":[{"
                + "\"orderLineId\":" + partlyLine + ",\"lotCode\":\"PC-" + item + "\",\"quantity\":2}]}").status())
                .isEqualTo(201);
        Reply arrived = admin.get("api/purchasing/orders/" + id(partly));
        assertThat(arrived.json().getString("status")).isEqualTo("PARTIALLY_RECEIVED");
        Reply refused = admin.post("api/purchasing/orders/" + id(partly) + "/cancellation", "{\"reason\":\"Ya no\"}",
                "If-Match", arrived.header("ETag"));
        assertThat(refused.status()).as("something arrived: " + refused).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(single("select count(*) from stock_moves where item_id = " + item)).as("only the receipt")
                .isEqualTo("1");
        assertStockInvariants();
    }

    @Test
    void stockOnHandIsReportedByLocationAndByWarehouseOfTheCallersLocations() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http storekeeper = DemoUsers.WAREHOUSE.signIn(http);
        long lim = location("LIM01");
        long cus = location("CUS02");
        long limMain = defaultWarehouse(admin, lim);
        long limCold = id(admin.post("api/inventory/warehouses", "{\"locationId\":" + lim + ",\"code\":\"GRP"
                + SEQ.incrementAndGet() + "\",\"name\":\"Frío\"}"));
        long cusMain = defaultWarehouse(admin, cus);
        long item = product(admin, true, false, null);
        lotOf(receiveFree(admin, limMain, item, "G-1", null, "5", "2.00"));
        lotOf(receiveFree(admin, limCold, item, "G-2", null, "3", "2.50"));
        lotOf(receiveFree(admin, cusMain, item, "G-3", null, "4", "1.00"));

        JsonArray byLocation = admin.get("api/inventory/stock?groupBy=LOCATION&itemId=" + item).json()
                .getJsonArray("items");
        assertThat(byLocation.getValuesAs(JsonObject.class)).extracting(r -> r.getString("locationCode"))
                .containsExactly("CUS02", "LIM01");
        JsonObject limRow = byLocation.getJsonObject(1);
        assertThat(limRow.getJsonNumber("locationId").longValue()).isEqualTo(lim);
        assertThat(limRow.containsKey("warehouseId") && !limRow.isNull("warehouseId")).as("summed over warehouses")
                .isFalse();
        assertThat(decimal(limRow, "onHand")).isEqualByComparingTo("8");
        assertThat(decimal(limRow, "value")).as("5 × 2.00 + 3 × 2.50").isEqualByComparingTo("17.50");
        assertThat(decimal(byLocation.getJsonObject(0), "onHand")).isEqualByComparingTo("4");
        assertThat(decimal(byLocation.getJsonObject(0), "value")).isEqualByComparingTo("4.00");

        JsonObject byWarehouse = admin.get("api/inventory/stock?groupBy=warehouse&itemId=" + item).json();
        Map<Long, BigDecimal> perWarehouse = byWarehouse.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(r -> r.getJsonNumber("warehouseId").longValue(), r -> decimal(r, "onHand")));
        assertThat(perWarehouse).containsOnlyKeys(limMain, limCold, cusMain);
        assertThat(perWarehouse.get(limCold)).isEqualByComparingTo("3");
        assertThat(rows("select warehouse_id, sum(on_hand) from stock_balances where item_id = " + item
                + " group by 1").stream().allMatch(r -> perWarehouse.get(Long.parseLong(r.get(0)))
                .compareTo(new BigDecimal(r.get(1))) == 0)).as("the report is the balances").isTrue();
        assertThat(decimal(byWarehouse.getJsonArray("totalValue").getJsonObject(0), "amount"))
                .isEqualByComparingTo("21.50");

        JsonArray limaOnly = storekeeper.get("api/inventory/stock?groupBy=LOCATION&itemId=" + item).json()
                .getJsonArray("items");
        assertThat(limaOnly.getValuesAs(JsonObject.class)).extracting(r -> r.getString("locationCode"))
                .as("the storekeeper works at Lima only").containsExactly("LIM01");
        assertThat(storekeeper.get("api/inventory/stock?groupBy=WAREHOUSE&itemId=" + item).json().getJsonArray("items")
                .getValuesAs(JsonObject.class)).extracting(r -> r.getJsonNumber("warehouseId").longValue())
                .containsExactlyInAnyOrder(limMain, limCold);
        assertThat(admin.get("api/inventory/stock?groupBy=SUPPLIER").status()).isEqualTo(422);
        assertStockInvariants();
    }

    @Test
    void aTransferMovesTheSameLotsOutAndInPickedFefo() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long item = product(admin, true, true, null);
        long lim = defaultWarehouse(admin, location("LIM01"));
        long cus = defaultWarehouse(admin, location("CUS02"));
        long soon = lotOf(receiveFree(admin, lim, item, "T-1", TODAY.plusDays(10), "5", "2"));
        long late = lotOf(receiveFree(admin, lim, item, "T-2", TODAY.plusDays(100), "5", "2"));

        Reply transfer = admin.post("api/inventory/transfers", "{\"fromWarehouseId\":" + lim + ",\"toWarehouseId\":"
                + cus + ",\"notes\":\"Para Cusco\",\"lines\":[{\"itemId\":" + item + ",\"quantity\":7}]}");
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);
        long transferId = id(transfer);
        Map<Long, BigDecimal> lines = transfer.json().getJsonArray("lines").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(l -> l.getJsonNumber("lotId").longValue(), l -> decimal(l, "quantity")));
        assertThat(lines).containsOnlyKeys(soon, late);
        assertThat(lines.get(soon)).as("earliest expiry emptied first").isEqualByComparingTo("5");
        assertThat(lines.get(late)).isEqualByComparingTo("2");

        JsonArray moves = admin.get("api/inventory/moves?referenceType=TRANSFER&referenceId=" + transferId).json()
                .getJsonArray("items");
        assertThat(moves).hasSize(4);
        assertThat(moves.getValuesAs(JsonObject.class).stream().filter(m -> m.getString("type").equals("TRANSFER_IN"))
                .allMatch(m -> m.getJsonNumber("warehouseId").longValue() == cus)).isTrue();
        assertThat(balance(cus, soon)).isEqualTo("5.000");
        assertThat(balance(cus, late)).isEqualTo("2.000");
        assertThat(balance(lim, soon)).isEqualTo("0.000");
        assertThat(balance(lim, late)).isEqualTo("3.000");
        assertThat(admin.get("api/inventory/transfers/" + transferId).status()).isEqualTo(200);

        Reply short_ = admin.post("api/inventory/transfers", "{\"fromWarehouseId\":" + lim + ",\"toWarehouseId\":" + cus
                + ",\"lines\":[{\"itemId\":" + item + ",\"lotId\":" + late + ",\"quantity\":4}]}");
        assertThat(short_.status()).as(short_.toString()).isEqualTo(409);
        assertThat(admin.post("api/inventory/transfers", "{\"fromWarehouseId\":" + lim + ",\"toWarehouseId\":" + lim
                + ",\"lines\":[{\"itemId\":" + item + ",\"quantity\":1}]}").status()).isEqualTo(422);
        assertStockInvariants();
    }

    @Test
    void aConfirmedCountAdjustsEveryLotThatDiffersThroughTheBatchJob() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim = location("LIM01");
        Reply opened = admin.post("api/inventory/warehouses", "{\"locationId\":" + lim + ",\"code\":\"CNT"
                + SEQ.incrementAndGet() + "\",\"name\":\"Conteo\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        long warehouse = id(opened);
        long tracked = product(admin, true, true, null);
        long untracked = product(admin, false, false, null);
        long c1 = lotOf(receiveFree(admin, warehouse, tracked, "C-1", TODAY.plusDays(40), "10", "1"));
        long c2 = lotOf(receiveFree(admin, warehouse, tracked, "C-2", TODAY.plusDays(80), "5", "1"));
        long implicit = lotOf(receiveFree(admin, warehouse, untracked, null, null, "20", "0.50"));

        Reply count = admin.post("api/inventory/counts", "{\"warehouseId\":" + warehouse + ",\"coverage\":\"COMPLETE\"}");
        assertThat(count.status()).as(count.toString()).isEqualTo(201);
        long countId = id(count);
        Reply entered = admin.post("api/inventory/counts/" + countId + "/lines", "{\"lines\":["
                + "{\"itemId\":" + tracked + ",\"lotId\":" + c1 + ",\"counted\":9},"
                + "{\"itemId\":" + tracked + ",\"lotId\":" + c1 + ",\"counted\":8},"
                + "{\"itemId\":" + tracked + ",\"lotCode\":\"C-9\",\"expiresOn\":\"" + TODAY.plusDays(50)
                + "\",\"counted\":3},{\"itemId\":" + untracked + ",\"counted\":20}]}");
        assertThat(entered.status()).as(entered.toString()).isEqualTo(200);
        JsonArray sheet = admin.get("api/inventory/counts/" + countId + "/lines").json().getJsonArray("items");
        assertThat(sheet).hasSize(4);
        JsonObject c2Line = sheet.getValuesAs(JsonObject.class).stream()
                .filter(l -> l.getJsonNumber("lotId").longValue() == c2).findFirst().orElseThrow();
        assertThat(decimal(c2Line, "book")).isEqualByComparingTo("5");
        assertThat(c2Line.containsKey("counted")).as("not counted yet").isFalse();

        String etag = admin.get("api/inventory/counts/" + countId).header("ETag");
        assertThat(admin.post("api/inventory/counts/" + countId + "/confirmation", "").status()).isEqualTo(428);
        Reply confirming = admin.post("api/inventory/counts/" + countId + "/confirmation", "", "If-Match", etag);
        assertThat(confirming.status()).as(confirming.toString()).isEqualTo(202);
        JsonObject done = awaitCount(admin, countId);
        assertThat(done.getString("status")).as(done.toString()).isEqualTo("CONFIRMED");
        assertThat(done.getInt("adjustments")).isEqualTo(3);
        assertThat(done.getInt("adjustmentsDone")).isEqualTo(3);
        assertThat(done.getString("jobStatus")).isEqualTo("COMPLETED");
        assertThat(done.getString("confirmedBy")).isEqualTo(DemoUsers.ADMIN.email);

        JsonArray moves = admin.get("api/inventory/moves?referenceType=COUNT&referenceId=" + countId).json()
                .getJsonArray("items");
        assertThat(moves.getValuesAs(JsonObject.class)).allMatch(m -> m.getString("type").equals("ADJUSTMENT"))
                .extracting(m -> decimal(m, "effect").stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("-2", "-5", "3");
        long c9 = Long.parseLong(single("select id from inventory_lots where item_id = " + tracked + " and code = 'C-9'"));
        assertThat(single("select origin from inventory_lots where id = " + c9)).isEqualTo("ADJUSTMENT");
        assertThat(balance(warehouse, c1)).isEqualTo("8.000");
        assertThat(balance(warehouse, c2)).isEqualTo("0.000");
        assertThat(balance(warehouse, c9)).isEqualTo("3.000");
        assertThat(balance(warehouse, implicit)).isEqualTo("20.000");
        assertThat(single("select book from stock_count_lines where count_id = " + countId + " and lot_id = " + c1))
                .as("the book at confirmation is kept").isEqualTo("10.000");

        Reply twice = admin.post("api/inventory/counts/" + countId + "/confirmation", "", "If-Match",
                admin.get("api/inventory/counts/" + countId).header("ETag"));
        assertThat(twice.status()).as("a confirmed count is done").isEqualTo(409);
        assertThat(admin.post("api/inventory/counts/" + countId + "/lines", "{\"lines\":[{\"itemId\":" + untracked
                + ",\"counted\":1}]}").status()).isEqualTo(409);
        assertStockInvariants();
    }

    @Test
    void alertsNameItemsBelowTheirCriticalLevelAndLotsAboutToExpirePerLocation() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim = location("LIM01");
        long cus = location("CUS02");
        long item = product(admin, true, true, "50");
        long lot = lotOf(receiveFree(admin, defaultWarehouse(admin, lim), item, "AL-1", TODAY.plusDays(5), "10", "1"));

        JsonObject alerts = admin.get("api/inventory/alerts?locationId=" + lim).json();
        JsonObject low = alerts.getJsonArray("lowStock").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getJsonNumber("itemId").longValue() == item).findFirst().orElseThrow();
        assertThat(decimal(low, "available")).isEqualByComparingTo("10");
        assertThat(decimal(low, "missing")).isEqualByComparingTo("40");
        JsonObject expiring = alerts.getJsonArray("expiring").getValuesAs(JsonObject.class).stream()
                .filter(a -> a.getJsonNumber("lotId").longValue() == lot).findFirst().orElseThrow();
        assertThat(expiring.getInt("daysLeft")).isEqualTo(5);
        assertThat(expiring.getBoolean("expired")).isFalse();

        JsonObject atCusco = admin.get("api/inventory/alerts?locationId=" + cus).json();
        assertThat(atCusco.getJsonArray("expiring").getValuesAs(JsonObject.class))
                .noneMatch(a -> a.getJsonNumber("lotId").longValue() == lot);
        TenantIsolation.assertNotFound(DemoUsers.CASHIER.signIn(http), "api/inventory/alerts?locationId=" + cus);
        assertStockInvariants();
    }

    @Test
    void editableThingsNeedTheirETagAndTheSettingsAreTheTenants() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Reply settings = admin.get("api/inventory/settings");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.json().getBoolean("neverNegative")).isTrue();
        String body = "{\"neverNegative\":true,\"reserveOnRegister\":false,\"skipExpiredLots\":true,\"expiryAlertDays\":45}";
        assertThat(admin.put("api/inventory/settings", body).status()).isEqualTo(428);
        Reply changed = admin.put("api/inventory/settings", body, "If-Match", settings.header("ETag"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().getInt("expiryAlertDays")).isEqualTo(45);
        assertThat(admin.put("api/inventory/settings", body, "If-Match", settings.header("ETag")).status()).isEqualTo(412);
        assertThat(DemoUsers.CASHIER.signIn(http).put("api/inventory/settings", body, "If-Match",
                changed.header("ETag")).status()).isEqualTo(403);
        assertThat(admin.put("api/inventory/settings", body.replace("45", "30"), "If-Match", changed.header("ETag"))
                .status()).isEqualTo(200);
        assertThat(single("select expiry_alert_days from inventory_settings s join tenants t on t.id = s.tenant_id "
                + "where t.slug = 'demo'")).isEqualTo("30");

        long supplier = supplier(admin);
        Reply read = admin.get("api/purchasing/suppliers/" + supplier);
        String supplierBody = "{\"name\":\"Otro nombre\",\"country\":\"PE\",\"taxId\":\""
                + read.json().getString("taxId") + "\"}";
        assertThat(admin.put("api/purchasing/suppliers/" + supplier, supplierBody).status()).isEqualTo(428);
        assertThat(admin.put("api/purchasing/suppliers/" + supplier, supplierBody, "If-Match", read.header("ETag"))
                .status()).isEqualTo(200);
        assertThat(admin.put("api/purchasing/suppliers/" + supplier, supplierBody, "If-Match", read.header("ETag"))
                .status()).isEqualTo(412);
        Reply badRuc = admin.post("api/purchasing/suppliers", "{\"name\":\"Mal RUC\",\"taxId\":\"20100070971\"}");
        assertThat(badRuc.status()).isEqualTo(422);
        assertThat(badRuc.json().getString("detail")).contains("check digit should be 0");
        assertThat(admin.post("api/purchasing/suppliers", supplierBody).status()).as("same RUC").isEqualTo(409);
        assertThat(admin.post("api/purchasing/suppliers", "{\"name\":\"Fournisseur\",\"country\":\"FR\","
                + "\"taxId\":\"FR40303265045\"}").status()).isEqualTo(201);

        long item = product(admin, true, true, null);
        long lot = lotOf(receiveFree(admin, defaultWarehouse(admin, location("LIM01")), item, "E-1",
                TODAY.plusDays(9), "1", "1"));
        Reply lotRead = admin.get("api/inventory/lots/" + lot);
        String fix = "{\"expiresOn\":\"" + TODAY.plusDays(19) + "\"}";
        assertThat(admin.put("api/inventory/lots/" + lot, fix).status()).isEqualTo(428);
        Reply fixed = admin.put("api/inventory/lots/" + lot, fix, "If-Match", lotRead.header("ETag"));
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(fixed.json().getString("expiresOn")).isEqualTo(TODAY.plusDays(19).toString());
        assertThat(admin.put("api/inventory/lots/" + lot, fix, "If-Match", lotRead.header("ETag")).status())
                .isEqualTo(412);

        long defaultLim = defaultWarehouse(admin, location("LIM01"));
        Reply warehouse = admin.get("api/inventory/warehouses/" + defaultLim);
        Reply closing = admin.put("api/inventory/warehouses/" + defaultLim, "{\"code\":\"PRINCIPAL\",\"name\":\"x\","
                + "\"active\":false}", "If-Match", warehouse.header("ETag"));
        assertThat(closing.status()).as("the default warehouse stays open").isEqualTo(422);
        assertStockInvariants();
    }

    @Test
    void everyLocationHasADefaultWarehouseAndTheLedgerCannotBeRewritten() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String code = "TST" + SEQ.incrementAndGet();
        Reply location = admin.post("api/locations", "{\"code\":\"" + code + "\",\"name\":\"Sede de prueba\","
                + "\"timeZone\":\"America/Lima\"}");
        assertThat(location.status()).as(location.toString()).isEqualTo(201);
        JsonArray warehouses = (JsonArray) admin.get("api/inventory/warehouses?locationId=" + id(location))
                .jsonStructure();
        assertThat(warehouses).hasSize(1);
        assertThat(warehouses.getJsonObject(0).getBoolean("defaultWarehouse")).isTrue();
        assertThat(warehouses.getJsonObject(0).getString("code")).isEqualTo("PRINCIPAL");
        assertThat(single("select count(*) from locations l where not exists (select 1 from warehouses w "
                + "where w.location_id = l.id and w.is_default)")).as("demo, other tenant, new").isEqualTo("0");

        String move = single("select max(id) from stock_moves");
        assertThatThrownBy(() -> exec("update stock_moves set quantity = quantity + 1 where id = " + move))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> exec("delete from stock_moves where id = " + move))
                .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        assertStockInvariants();
    }

    @Test
    void everyByIdEndpointHidesOtherTenantsAndOtherLocations() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http storekeeper = DemoUsers.WAREHOUSE.signIn(http);
        Http stranger = OtherTenant.signIn(http);
        long cusLocation = location("CUS02");
        long cus = defaultWarehouse(admin, cusLocation);
        long item = product(admin, true, false, null);
        long supplier = supplier(admin);
        Reply receipt = receiveFree(admin, cus, item, "ISO-1", null, "10", "1");
        long lot = lotOf(receipt);
        long receiptId = id(receipt);
        long second = id(admin.post("api/inventory/warehouses", "{\"locationId\":" + cusLocation + ",\"code\":\"ISO"
                + SEQ.incrementAndGet() + "\",\"name\":\"Segundo\"}"));
        long transfer = id(admin.post("api/inventory/transfers", "{\"fromWarehouseId\":" + cus + ",\"toWarehouseId\":"
                + second + ",\"lines\":[{\"itemId\":" + item + ",\"lotId\":" + lot + ",\"quantity\":2}]}"));
        long wastage = id(admin.post("api/inventory/wastage", wastage(cus, item, lot, "1", "DAMAGED", null)));
        long count = id(admin.post("api/inventory/counts", "{\"warehouseId\":" + cus + "}"));
        long order = id(admin.post("api/purchasing/orders", "{\"supplierId\":" + supplier + ",\"locationId\":"
                + cusLocation + ",\"lines\":[{\"itemId\":" + item + ",\"quantity\":1,\"unitCost\":1}]}"));
        Reply sold = sell(admin, cusLocation, line(item, "1", lot));
        assertThat(sold.status()).as(sold.toString()).isEqualTo(201);
        long soldOrder = sold.json().getJsonObject("order").getJsonNumber("id").longValue();
        long move = Long.parseLong(single("select max(id) from stock_moves where warehouse_id = " + cus));

        String[] atCusco = {"api/inventory/warehouses/" + cus, "api/inventory/transfers/" + transfer,
                "api/inventory/wastage/" + wastage, "api/inventory/counts/" + count,
                "api/inventory/counts/" + count + "/lines", "api/inventory/moves/" + move,
                "api/purchasing/orders/" + order, "api/purchasing/receipts/" + receiptId,
                "api/inventory/moves/ledger?itemId=" + item + "&warehouseId=" + cus,
                "api/inventory/stock?warehouseId=" + cus, "api/inventory/order-costs/" + soldOrder};
        TenantIsolation.assertHiddenFromOtherTenant(admin, stranger, atCusco);
        TenantIsolation.assertHiddenFromOtherTenant(admin, stranger, "api/inventory/lots/" + lot,
                "api/purchasing/suppliers/" + supplier);
        for (String path : atCusco) {
            TenantIsolation.assertNotFound(storekeeper, path);
        }
        assertThat(storekeeper.get("api/inventory/lots/" + lot).json().getJsonArray("balances"))
                .as("a lot is the tenant's; its stock at Cusco is not shown at Lima").isEmpty();
        assertThat(stranger.post("api/inventory/wastage", wastage(cus, item, lot, "1", "LOST", null)).status())
                .isEqualTo(404);
        assertThat(storekeeper.post("api/inventory/counts", "{\"warehouseId\":" + cus + "}").status()).isEqualTo(404);
        assertThat(storekeeper.post("api/inventory/counts/" + count + "/lines", "{\"lines\":[{\"itemId\":" + item
                + ",\"lotId\":" + lot + ",\"counted\":1}]}").status()).isEqualTo(404);
        assertThat(((JsonArray) storekeeper.get("api/inventory/warehouses").jsonStructure()).getValuesAs(JsonObject.class))
                .noneMatch(w -> w.getJsonNumber("locationId").longValue() == cusLocation);

        // Writes by id: the other tenant's admin (every permission) and the Lima storekeeper get 404 with the
        // owner's current ETag, exactly as for an id that does not exist, and nothing changes. Lots and
        // suppliers are the tenant's, not a location's: any storekeeper of the tenant may correct them.
        assertThat(admin.post("api/inventory/counts/" + count + "/lines", "{\"lines\":[{\"itemId\":" + item
                + ",\"lotId\":" + lot + ",\"counted\":4}]}").status()).isEqualTo(200);
        String before = writableState(cus, lot, supplier, order, count);
        String warehouseBody = "{\"code\":\"TOMADO\",\"name\":\"Tomado\",\"active\":true}";
        String orderBody = "{\"supplierId\":" + supplier + ",\"locationId\":" + cusLocation + ",\"reference\":\"X\","
                + "\"lines\":[{\"itemId\":" + item + ",\"quantity\":99,\"unitCost\":9}]}";
        String cancel = "{\"reason\":\"Ajeno\"}";
        for (Http intruder : List.of(stranger, storekeeper)) {
            String who = intruder == stranger ? "other tenant" : "storekeeper of Lima";
            assertWriteHidden(who, intruder.put("api/inventory/warehouses/" + cus, warehouseBody, "If-Match",
                    etag(admin, "api/inventory/warehouses/" + cus)));
            assertWriteHidden(who, intruder.put("api/purchasing/orders/" + order, orderBody, "If-Match",
                    etag(admin, "api/purchasing/orders/" + order)));
            assertWriteHidden(who, intruder.post("api/purchasing/orders/" + order + "/placement", "", "If-Match",
                    etag(admin, "api/purchasing/orders/" + order)));
            assertWriteHidden(who, intruder.post("api/purchasing/orders/" + order + "/cancellation", cancel,
                    "If-Match", etag(admin, "api/purchasing/orders/" + order)));
            assertWriteHidden(who, intruder.post("api/inventory/counts/" + count + "/cancellation", "", "If-Match",
                    etag(admin, "api/inventory/counts/" + count)));
            assertWriteHidden(who, intruder.delete("api/inventory/counts/" + count + "/lines/" + lot));
        }
        // Confirming needs inventory:approve, which a storekeeper lacks (403 before any lookup).
        assertWriteHidden("other tenant", stranger.post("api/inventory/counts/" + count + "/confirmation", "",
                "If-Match", etag(admin, "api/inventory/counts/" + count)));
        assertWriteHidden("other tenant", stranger.put("api/inventory/lots/" + lot, "{\"expiresOn\":\"2099-01-01\"}",
                "If-Match", etag(admin, "api/inventory/lots/" + lot)));
        Reply supplierRead = admin.get("api/purchasing/suppliers/" + supplier);
        assertWriteHidden("other tenant", stranger.put("api/purchasing/suppliers/" + supplier, "{\"name\":\"Tomado\","
                + "\"country\":\"PE\",\"taxId\":\"" + supplierRead.json().getString("taxId") + "\"}", "If-Match",
                supplierRead.header("ETag")));
        assertThat(writableState(cus, lot, supplier, order, count)).as("nothing changed").isEqualTo(before);
        assertThat(admin.get("api/inventory/counts/" + count).json().getString("status")).isEqualTo("OPEN");
        assertStockInvariants();
    }

    private static void assertWriteHidden(String who, Reply reply) {
        assertThat(reply.status()).as(who + " must find nothing: " + reply).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    private static String etag(Http owner, String path) {
        Reply read = owner.get(path);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        return read.header("ETag");
    }

    /** What a write by id could change: versions and states of the rows, and the count sheet. */
    private static String writableState(long warehouse, long lot, long supplier, long order, long count)
            throws SQLException {
        return rows("select 'w', code || '/' || name || '/' || active || '/' || version from warehouses where id = "
                + warehouse + " union all select 'l', coalesce(expires_on::text, '-') || '/' || version from "
                + "inventory_lots where id = " + lot + " union all select 's', name || '/' || version from suppliers "
                + "where id = " + supplier + " union all select 'o', status || '/' || coalesce(reference, '-') || '/' "
                + "|| version from purchase_orders where id = " + order + " union all select 'c', status || '/' "
                + "|| version from stock_counts where id = " + count + " union all select 'cl', counted || '/' "
                + "|| version from stock_count_lines where count_id = " + count + " order by 1").toString();
    }

    @Test
    void theBackOfficePagesShowStockLedgerLotsPurchasingAndACountIsEnteredAndConfirmedOnItsSheet() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long item = product(admin, true, true, null);
        long warehouse = id(admin.post("api/inventory/warehouses", "{\"locationId\":" + location("LIM01")
                + ",\"code\":\"WEB" + SEQ.incrementAndGet() + "\",\"name\":\"Pantalla\"}"));
        long lot = lotOf(receiveFree(admin, warehouse, item, "WEB-1", TODAY.plusDays(90), "6", "1"));
        long other = lotOf(receiveFree(admin, warehouse, item, "WEB-2", TODAY.plusDays(120), "4", "1"));
        long count = id(admin.post("api/inventory/counts", "{\"warehouseId\":" + warehouse + "}"));
        try (Browser browser = new Browser()) {
            String base = TestEnvironment.baseUrl();
            browser.open(base).waitForUrl("login.xhtml");
            browser.type("#login\\:email", DemoUsers.ADMIN.email)
                    .type("#login\\:password_input, #login\\:password", DemoUsers.ADMIN.password)
                    .click("#login\\:submit")
                    .waitForText(".cuadra-who", DemoUsers.ADMIN.email);
            browser.waitForText("#stockAlerts", "INS-GLU");
            assertThat(browser.pageSource()).as("demo strips below 10, tubes expiring in 20 days").contains("TUB-2411");
            browser.open(base + "inventory/stock.xhtml").waitForText("#stock\\:table", "INS-TUB");
            browser.open(base + "inventory/ledger.xhtml?itemId=" + item + "&warehouseId=" + warehouse)
                    .waitForText("#ledger\\:lines", "WEB-1");
            browser.open(base + "inventory/lot.xhtml?id=" + lot).waitForText("#lot\\:code", "WEB-1");
            browser.open(base + "inventory/wastage.xhtml").find("#wastage\\:save");
            browser.open(base + "inventory/transfer.xhtml").find("#transfer\\:save");
            browser.open(base + "inventory/counts.xhtml").waitForText("#counts\\:table", Long.toString(count));
            browser.open(base + "purchasing/suppliers.xhtml").waitForText("#suppliers\\:table", "20547812361");
            browser.open(base + "purchasing/orders.xhtml").waitForText("#orders\\:table", "OC-");
            browser.open(base + "purchasing/order.xhtml").find("#order\\:save");
            browser.open(base + "purchasing/receive.xhtml").find("#receive\\:doReceive");

            // The count sheet: type what was counted, save it, confirm, and follow the job to CONFIRMED.
            browser.open(base + "inventory/count.xhtml?id=" + count).waitForText("#count\\:sheet", "WEB-2");
            countedField(browser, "WEB-1").sendKeys("5", Keys.TAB);
            countedField(browser, "WEB-2").sendKeys("7", Keys.TAB);
            browser.click("#count\\:saveSheet").waitForText("#count\\:messages", "2 línea(s) guardada(s)");
            assertThat(rows("select lot_id, counted from stock_count_lines where count_id = " + count + " order by "
                    + "lot_id")).as("the typed quantities reached the sheet as numbers")
                    .containsExactly(List.of(lot + "", "5.000"), List.of(other + "", "7.000"));
            assertThat(countedField(browser, "WEB-2").getAttribute("value")).as("shown again after saving")
                    .startsWith("7");

            browser.click("#count\\:confirm").click(".ui-confirmdialog-yes");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(90)).until(
                    ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Confirmado"));
            browser.waitForText("#count\\:progress", "100%");
            assertThat(browser.pageSource()).doesNotContain("Algo salió mal");
            assertThat(browser.driver().findElements(By.id("count:saveSheet"))).as("a confirmed count is done").isEmpty();
        }
        assertThat(rows("select lot_id, effect from stock_moves where reference_type = 'COUNT' and reference_id = "
                + count + " and type = 'ADJUSTMENT' order by lot_id"))
                .containsExactly(List.of(lot + "", "-1.000"), List.of(other + "", "3.000"));
        assertThat(balance(warehouse, lot)).isEqualTo("5.000");
        assertThat(balance(warehouse, other)).isEqualTo("7.000");
        assertThat(single("select status || '/' || confirmed_by from stock_counts where id = " + count))
                .isEqualTo("CONFIRMED/" + DemoUsers.ADMIN.email);
        assertStockInvariants();
    }

    @Test
    void theClerkReceivesAPurchaseOrderTypingAmountsThePeruvianWay() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http clerk = DemoUsers.WAREHOUSE.signIn(http);
        long item = product(admin, true, false, null);
        long warehouse = id(admin.post("api/inventory/warehouses", "{\"locationId\":" + location("LIM01")
                + ",\"code\":\"PE" + SEQ.incrementAndGet() + "\",\"name\":\"Recepción\"}"));
        Reply created = clerk.post("api/purchasing/orders", "{\"supplierId\":" + supplier(admin) + ",\"locationId\":"
                + location("LIM01") + ",\"warehouseId\":" + warehouse + ",\"lines\":[{\"itemId\":" + item
                + ",\"quantity\":2000,\"unitCost\":1000}]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long orderId = id(created);
        assertThat(clerk.post("api/purchasing/orders/" + orderId + "/placement", "", "If-Match", created.header("ETag"))
                .status()).isEqualTo(200);
        String lotCode = "PE-" + item;

        try (Browser browser = Browser.signedIn(DemoUsers.WAREHOUSE)) {
            browser.open(TestEnvironment.baseUrl() + "purchasing/receive.xhtml?orderId=" + orderId)
                    .find("#receive\\:doReceive");
            WebElement cost = browser.find("input[id$=':cost']");
            assertThat(cost.getAttribute("value")).as("the order's cost, shown the Peruvian way").isEqualTo("1,000.00");
            browser.type("input[id$=':lotCode']", lotCode)
                    .type("input[id$=':quantity']", "1,500")
                    .type("input[id$=':cost']", "22,00")
                    .click("#receive\\:doReceive")
                    .waitForText("#receive", "1,234.50"); // beside the cost, or in the banner for a row's input
            assertThat(browser.find("#receive").getText()).as("refused, not read as 2,200").contains("22,00");
            assertThat(single("select count(*) from inventory_lots where item_id = " + item)).isEqualTo("0");
            assertThat(browser.find("input[id$=':quantity']").getAttribute("value")).as("what was typed stays")
                    .isEqualTo("1,500");

            browser.type("input[id$=':cost']", "1,234.50").click("#receive\\:doReceive")
                    .waitForText("#receive\\:messages", "Recepción GR-");
            long lot = Long.parseLong(single("select id from inventory_lots where item_id = " + item));
            browser.open(TestEnvironment.baseUrl() + "inventory/lot.xhtml?id=" + lot).waitForText("#lot\\:code", lotCode);
            assertThat(browser.find("#lot\\:unitCost").getText().replace('\u00A0', ' ')).isEqualTo("S/ 1,234.50");
            assertThat(browser.find("#lot\\:received").getText()).isEqualTo("1,500");
        }
        assertThat(rows("select unit_cost, quantity_received from inventory_lots where item_id = " + item))
                .as("stored exactly as typed").containsExactly(List.of("1234.500000", "1500.000"));
        assertThat(single("select quantity_received from purchase_order_lines where order_id = " + orderId))
                .isEqualTo("1500.000");
        assertStockInvariants();
    }

    @Test
    void datesAreTypedThePeruvianWayAnUnchangedExpirySaysSoAndExpiredGoodsAreReceivedOnlyWhenConfirmed()
            throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long item = product(admin, true, true, null);
        String itemCode = single("select code from items where id = " + item);
        String warehouseCode = "EXP" + SEQ.incrementAndGet();
        long warehouse = id(admin.post("api/inventory/warehouses", "{\"locationId\":" + location("LIM01")
                + ",\"code\":\"" + warehouseCode + "\",\"name\":\"Vencidos\"}"));
        long lot = lotOf(receiveFree(admin, warehouse, item, "DATE-1", TODAY.plusDays(90), "2", "1"));
        // a placed purchase order of 3 at LIM01: the receiving page brings its quantity and cost
        Reply order = admin.post("api/purchasing/orders", "{\"supplierId\":" + supplier(admin) + ",\"locationId\":"
                + location("LIM01") + ",\"lines\":[{\"itemId\":" + item + ",\"quantity\":3,\"unitCost\":1}]}");
        assertThat(order.status()).as(order.toString()).isEqualTo(201);
        long orderId = id(order);
        assertThat(admin.post("api/purchasing/orders/" + orderId + "/placement", "", "If-Match", order.header("ETag"))
                .status()).isEqualTo(200);
        DateTimeFormatter peru = DateTimeFormatter.ofPattern("dd/MM/yyyy");
        String base = TestEnvironment.baseUrl();
        try (Browser browser = Browser.signedIn(DemoUsers.ADMIN)) {
            // The lot page shows its date as Peru writes it, and in words
            browser.open(base + "inventory/lot.xhtml?id=" + lot).waitForText("#lot\\:code", "DATE-1");
            assertThat(browser.find("#lot\\:expires_input").getAttribute("value"))
                    .isEqualTo(peru.format(TODAY.plusDays(90)));
            assertThat(browser.find("#lot\\:expiryWords").getText()).isEqualTo("Vence en 90 días");

            // Saving the same date: "nothing changed", no update, no audit line
            String before = single("select version || '/' || (select count(*) from audit_log where entity_id = '"
                    + lot + "') from inventory_lots where id = " + lot);
            browser.click("#lot\\:correct").waitForText("#lot\\:messages", "no se cambió nada");
            assertThat(browser.find("#lot\\:messages").getText()).doesNotContain("corregida");
            assertThat(single("select version || '/' || (select count(*) from audit_log where entity_id = '" + lot
                    + "') from inventory_lots where id = " + lot)).isEqualTo(before);

            // A date typed day first is read as typed; the picker navigates by month and year
            WebElement expires = browser.find("#lot\\:expires_input");
            expires.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            expires.sendKeys(peru.format(TODAY.plusDays(400)));
            // typing opened the picker's panel (it covers its own button)
            assertThat(browser.find(".ui-datepicker-year").getTagName()).as("a year to pick (PrimeFaces 15: a field)")
                    .isIn("select", "input");
            assertThat(browser.find(".ui-datepicker-month").getTagName()).isEqualTo("select");
            expires.sendKeys(Keys.ESCAPE);
            browser.click("#lot\\:correct").waitForText("#lot\\:messages", "Fecha de vencimiento corregida");
            assertThat(single("select expires_on from inventory_lots where id = " + lot))
                    .isEqualTo(TODAY.plusDays(400).toString());

            // Goods expired 674 days ago: the receipt asks first and receives nothing until confirmed
            browser.open(base + "purchasing/receive.xhtml?orderId=" + orderId).find("#receive\\:doReceive");
            assertThat(browser.find("#receive\\:lines\\:0\\:item").getAttribute("value")).isEqualTo(itemCode);
            browser.type("#receive\\:lines\\:0\\:lotCode", "OLD-1");
            // typed as a person does: into the field, over what it holds, then Tab
            retype(browser, "#receive\\:lines\\:0\\:expires_input", peru.format(TODAY.minusDays(674)));
            browser.click("#receive\\:doReceive");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d ->
                    !d.findElements(By.id("receive:expiredWarning")).isEmpty()
                            || !d.findElements(By.cssSelector("#receive\\:messages .ui-messages-error")).isEmpty());
            assertThat(browser.driver().findElements(By.id("receive:expiredWarning"))).as(() -> "the page says: "
                    + browser.driver().findElement(By.id("receive:messages")).getAttribute("textContent")).hasSize(1);
            assertThat(browser.find("#receive\\:expiredWarning").getText())
                    .contains("ya están vencidos", peru.format(TODAY.minusDays(674)));
            assertThat(single("select count(*) from inventory_lots where item_id = " + item + " and code = 'OLD-1'"))
                    .as("nothing received before the clerk confirms").isEqualTo("0");
            browser.click("#receive\\:receiveExpired").waitForText("#receive\\:messages", "registrada con 1 línea");
            long old = Long.parseLong(single("select id from inventory_lots where item_id = " + item
                    + " and code = 'OLD-1' and expires_on = '" + TODAY.minusDays(674) + "'"));
            assertThat(single("select sum(on_hand) from stock_balances where lot_id = " + old)).isEqualTo("3.000");

            // Listed in words, never as a negative count of days
            browser.open(base + "inventory/lot.xhtml?id=" + old).waitForText("#lot\\:code", "OLD-1");
            assertThat(browser.find("#lot\\:expiryWords").getText()).isEqualTo("Vencido hace 674 días");
            assertThat(browser.pageSource()).doesNotContain("-674");
        }
        assertStockInvariants();
    }

    /** Clicks into a field, types over what it holds and leaves it with Tab. */
    private static void retype(Browser browser, String css, String text) {
        WebElement field = browser.find(css);
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        field.sendKeys(text, Keys.TAB);
    }

    /** The counted-quantity field of the sheet row of a lot. */
    private static WebElement countedField(Browser browser, String lotCode) {
        return browser.driver().findElement(By.xpath("//tbody[@id='count:sheet_data']/tr[td[normalize-space()='"
                + lotCode + "']]//input[contains(@id, 'counted')]"));
    }

    // ---- selling and cancelling, through the orders API ----

    @Test
    void aPaidOrderTakesItsGoodsFefoSkippingExpiredLotsAndRecordsTheirCost() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http cashier = DemoUsers.CASHIER.signIn(http);
        long lim = location("LIM01");
        long warehouse = defaultWarehouse(admin, lim);
        long item = product(admin, true, true, null);
        long expired = lotOf(receiveFree(admin, warehouse, item, "EXP", TODAY.minusDays(1), "10", "1.00"));
        long soon = lotOf(receiveFree(admin, warehouse, item, "SOON", TODAY.plusDays(10), "3", "2.00"));
        long late = lotOf(receiveFree(admin, warehouse, item, "LATE", TODAY.plusDays(100), "10", "3.00"));

        Reply paid = sell(cashier, lim, line(item, "5", null) + "," + line(demoItem("LAB-HEM"), "1", null));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        long order = paid.json().getJsonObject("order").getJsonNumber("id").longValue();
        assertThat(paid.json().getJsonObject("order").getString("paymentStatus")).isEqualTo("PAID");
        Map<Long, BigDecimal> taken = outs(order);
        assertThat(taken).as("FEFO over the sellable lots; the expired one is never picked").containsOnlyKeys(soon, late);
        assertThat(taken.get(soon)).isEqualByComparingTo("3");
        assertThat(taken.get(late)).isEqualByComparingTo("2");
        assertThat(balance(warehouse, expired)).isEqualTo("10.000");
        assertThat(single("select count(*) from stock_moves where reference_type = 'ORDER' and reference_id = " + order
                + " and item_id = " + demoItem("LAB-HEM"))).as("services move nothing").isEqualTo("0");

        JsonObject cost = admin.get("api/inventory/order-costs/" + order).json();
        assertThat(cost.getJsonArray("lines")).hasSize(1);
        assertThat(decimal(cost.getJsonArray("lines").getJsonObject(0), "cost")).as("3 × 2.00 + 2 × 3.00")
                .isEqualByComparingTo("12.00");
        assertThat(decimal(cost.getJsonArray("total").getJsonObject(0), "amount")).isEqualByComparingTo("12.00");

        Reply chosenExpired = sell(cashier, lim, line(item, "1", expired));
        assertThat(chosenExpired.status()).as("an expired lot is not sold even when chosen").isEqualTo(422);
        Reply chosen = sell(cashier, lim, line(item, "1", late));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(201);
        assertThat(outs(chosen.json().getJsonObject("order").getJsonNumber("id").longValue())).containsOnlyKeys(late);

        Reply tooMuch = sell(cashier, lim, line(item, "8", null));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(409);
        assertThat(tooMuch.json().getString("detail")).contains("only 7.000 available");

        String settings = admin.get("api/inventory/settings").header("ETag");
        Reply lenient = admin.put("api/inventory/settings", "{\"neverNegative\":true,\"skipExpiredLots\":false,"
                + "\"expiryAlertDays\":30}", "If-Match", settings);
        assertThat(lenient.status()).isEqualTo(200);
        try {
            Reply expiredSold = sell(cashier, lim, line(item, "1", null));
            assertThat(expiredSold.status()).isEqualTo(201);
            assertThat(outs(expiredSold.json().getJsonObject("order").getJsonNumber("id").longValue()))
                    .as("with the switch off the expired lot comes first").containsOnlyKeys(expired);
        } finally {
            admin.put("api/inventory/settings", "{\"neverNegative\":true,\"skipExpiredLots\":true,"
                    + "\"expiryAlertDays\":30}", "If-Match", lenient.header("ETag"));
        }
        assertStockInvariants();
    }

    @Test
    void aSupplierMayHaveNoTaxIdButAGivenOneIsChecked() {
        Http admin = DemoUsers.ADMIN.signIn(http);
        for (String name : new String[]{"Feria sin RUC A", "Feria sin RUC B"}) {
            Reply none = admin.post("api/purchasing/suppliers", "{\"name\":\"" + name + "\",\"country\":\"CL\"}");
            assertThat(none.status()).as("two suppliers without a tax id: " + none).isEqualTo(201);
            assertThat(none.json().get("taxId")).isIn(null, jakarta.json.JsonValue.NULL);
        }
        Reply bad = admin.post("api/purchasing/suppliers", "{\"name\":\"RUC malo\",\"taxId\":\"20100070971\"}");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.json().getString("detail")).contains("taxId");
    }

    @Test
    void fifoPickingTakesTheOldestReceiptWhereFefoTakesTheEarliestExpiry() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http cashier = DemoUsers.CASHIER.signIn(http);
        long lim = location("LIM01");
        long warehouse = defaultWarehouse(admin, lim);
        long item = product(admin, true, true, null);
        // Received first but expiring last, then received later but expiring first.
        long older = lotOf(receiveFree(admin, warehouse, item, "OLD", TODAY.plusDays(200), "10", "1.00"));
        long newer = lotOf(receiveFree(admin, warehouse, item, "NEW", TODAY.plusDays(20), "10", "1.00"));

        Reply fefo = sell(cashier, lim, line(item, "2", null));
        assertThat(fefo.status()).as(fefo.toString()).isEqualTo(201);
        assertThat(outs(fefo.json().getJsonObject("order").getJsonNumber("id").longValue()))
                .as("FEFO, the default: the earliest expiry").containsOnlyKeys(newer);

        Reply settings = admin.get("api/inventory/settings");
        assertThat(settings.json().getString("pickingOrder")).isEqualTo("FEFO");
        Reply fifoOn = admin.put("api/inventory/settings", "{\"neverNegative\":true,\"skipExpiredLots\":true,"
                + "\"expiryAlertDays\":30,\"pickingOrder\":\"FIFO\"}", "If-Match", settings.header("ETag"));
        assertThat(fifoOn.status()).as(fifoOn.toString()).isEqualTo(200);
        assertThat(admin.put("api/inventory/settings", "{\"pickingOrder\":\"LIFO\"}", "If-Match",
                fifoOn.header("ETag")).status()).as("FEFO or FIFO only").isIn(400, 422);
        try {
            Reply fifo = sell(cashier, lim, line(item, "12", null));
            assertThat(fifo.status()).as(fifo.toString()).isEqualTo(201);
            Map<Long, BigDecimal> taken = outs(fifo.json().getJsonObject("order").getJsonNumber("id").longValue());
            assertThat(taken.get(older)).as("FIFO: the oldest receipt first, all of it").isEqualByComparingTo("10");
            assertThat(taken.get(newer)).isEqualByComparingTo("2");
        } finally {
            admin.put("api/inventory/settings", "{\"neverNegative\":true,\"skipExpiredLots\":true,"
                    + "\"expiryAlertDays\":30,\"pickingOrder\":\"FEFO\"}", "If-Match", fifoOn.header("ETag"));
        }
        assertStockInvariants();
    }

    @Test
    void aKitTakesItsComponentsAndItemsWithoutLotsUseTheirImplicitLot() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim = location("LIM01");
        long warehouse = defaultWarehouse(admin, lim);
        long gauze = product(admin, false, false, null);
        long alcohol = product(admin, false, false, null);
        long gauzeLot = lotOf(receiveFree(admin, warehouse, gauze, null, null, "20", "0.40"));
        long alcoholLot = lotOf(receiveFree(admin, warehouse, alcohol, null, null, "5", "3.10"));
        JsonArray rates = (JsonArray) admin.get("api/catalog/tax-rates?country=PE").jsonStructure();
        long igv = rates.getValuesAs(JsonObject.class).stream().filter(r -> r.getString("affectationCode").equals("10"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        long kit = id(admin.post("api/catalog/items", "{\"type\":\"PRODUCT\",\"code\":\"IT-KIT-"
                + SEQ.incrementAndGet() + "\",\"name\":\"Kit de curación\",\"unitCode\":\"NIU\",\"price\":12,"
                + "\"taxRateId\":" + igv + ",\"components\":[{\"itemId\":" + gauze + ",\"quantity\":2},"
                + "{\"itemId\":" + alcohol + ",\"quantity\":1}]}"));

        Reply paid = sell(admin, lim, line(kit, "3", null));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        long order = paid.json().getJsonObject("order").getJsonNumber("id").longValue();
        assertThat(outs(order)).containsOnlyKeys(gauzeLot, alcoholLot);
        assertThat(outs(order).get(gauzeLot)).isEqualByComparingTo("6");
        assertThat(outs(order).get(alcoholLot)).isEqualByComparingTo("3");
        assertThat(single("select count(*) from stock_moves where item_id = " + kit)).as("a kit has no stock").isEqualTo("0");
        assertThat(decimal(admin.get("api/inventory/order-costs/" + order).json().getJsonArray("lines")
                .getJsonObject(0), "cost")).as("6 × 0.40 + 3 × 3.10").isEqualByComparingTo("11.70");
        assertThat(single("select code from inventory_lots where id = " + gauzeLot)).isEqualTo("(no lot)");

        Reply short_ = sell(admin, lim, line(kit, "3", null));
        assertThat(short_.status()).as("2 alcohol left for 3 kits").isEqualTo(409);
        assertThat(short_.json().getString("detail")).contains("only 2.000 available");
        assertStockInvariants();
    }

    @Test
    void cancellingAPaidOrderPutsTheGoodsBackIntoTheSameLots() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim = location("LIM01");
        long warehouse = defaultWarehouse(admin, lim);
        long item = product(admin, true, true, null);
        long first = lotOf(receiveFree(admin, warehouse, item, "R-1", TODAY.plusDays(20), "2", "1.50"));
        long second = lotOf(receiveFree(admin, warehouse, item, "R-2", TODAY.plusDays(40), "8", "1.80"));
        Reply paid = sell(admin, lim, line(item, "5", null));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        long order = paid.json().getJsonObject("order").getJsonNumber("id").longValue();
        assertThat(balance(warehouse, first)).isEqualTo("0.000");
        assertThat(balance(warehouse, second)).isEqualTo("5.000");

        Reply read = admin.get("api/orders/" + order);
        Reply cancelled = admin.post("api/orders/" + order + "/cancel", "{\"reason\":\"Cliente desistió\"}",
                "If-Match", read.header("ETag"));
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        List<List<String>> returns = rows("select lot_id, warehouse_id, quantity, unit_cost from stock_moves where "
                + "reference_type = 'ORDER' and reference_id = " + order + " and type = 'RETURN' order by lot_id");
        assertThat(returns).containsExactly(List.of(first + "", warehouse + "", "2.000", "1.500000"),
                List.of(second + "", warehouse + "", "3.000", "1.800000"));
        assertThat(balance(warehouse, first)).isEqualTo("2.000");
        assertThat(balance(warehouse, second)).isEqualTo("8.000");
        assertThat(admin.get("api/inventory/order-costs/" + order).json().getJsonArray("lines").getJsonObject(0)
                .getBoolean("returned")).isTrue();
        assertStockInvariants();
    }

    /**
     * A completed sale dated two days ago: part of it comes back today, part of that damaged. The credit
     * note (code 07) is issued today, the good goods go back into their lot, the damaged ones to wastage,
     * and the refund is today's cash; the order shows what was refunded.
     */
    @Test
    void aReturnTwoDaysLaterIssuesTheCreditNoteRestocksTheLotAndRefundsInTodaysCash() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim = location("LIM01");
        long warehouse = defaultWarehouse(admin, lim);
        long item = product(admin, true, true, null);
        long lot = lotOf(receiveFree(admin, warehouse, item, "DEV-1", TODAY.plusDays(60), "10", "1.50"));
        Reply paid = sell(admin, lim, line(item, "3", null));
        assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
        long order = paid.json().getJsonObject("order").getJsonNumber("id").longValue();
        assertThat(balance(warehouse, lot)).isEqualTo("7.000");
        for (String status : List.of("IN_PROCESS", "COMPLETED")) {
            Reply moved = admin.put("api/orders/" + order + "/status", "{\"status\":\"" + status + "\"}", "If-Match",
                    admin.get("api/orders/" + order).header("ETag"));
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        }
        String twoDaysAgo = "now() - interval '2 days'";
        exec("update orders set registered_at = " + twoDaysAgo + ", paid_at = " + twoDaysAgo
                + " where id = " + order);
        exec("update order_payments set paid_at = " + twoDaysAgo + " where order_id = " + order);
        exec("update billing_documents set issued_at = " + twoDaysAgo + ", issue_date = issue_date - 2"
                + " where order_id = " + order);
        Reply read = admin.get("api/orders/" + order);
        BigDecimal total = read.json().getJsonNumber("total").bigDecimalValue();

        Reply returned = admin.post("api/orders/" + order + "/returns", "{\"reason\":\"Producto equivocado\","
                + "\"lines\":[{\"lineNumber\":1,\"quantity\":2}]}", "If-Match", read.header("ETag"));
        assertThat(returned.status()).as(returned.toString()).isEqualTo(201);
        assertThat(returned.json().getString("status")).isEqualTo("PARTIALLY_RETURNED");
        assertThat(balance(warehouse, lot)).as("two back into their lot").isEqualTo("9.000");
        Reply tooMuch = admin.post("api/orders/" + order + "/returns", "{\"reason\":\"Otra\",\"lines\":[{\"lineNumber\""
                + ":1,\"quantity\":2}]}", "If-Match", returned.header("ETag"));
        assertThat(tooMuch.status()).as(tooMuch.toString()).isEqualTo(422);
        assertThat(tooMuch.contentType()).startsWith("application/problem+json");
        Reply damaged = admin.post("api/orders/" + order + "/returns", "{\"reason\":\"Envase roto\",\"lines\":"
                + "[{\"lineNumber\":1,\"quantity\":1,\"damaged\":true}]}", "If-Match", returned.header("ETag"));
        assertThat(damaged.status()).as(damaged.toString()).isEqualTo(201);
        assertThat(damaged.json().getString("status")).isEqualTo("RETURNED");
        assertThat(damaged.json().getJsonNumber("refundedTotal").bigDecimalValue()).isEqualByComparingTo(total);
        assertThat(balance(warehouse, lot)).as("the damaged one went back and out to wastage").isEqualTo("9.000");
        assertThat(single("select count(*) from wastages where lot_id = " + lot + " and reason = 'DAMAGED'"))
                .isEqualTo("1");

        assertThat(rows("select reason_code, total_amount, (issued_at at time zone 'America/Lima')::date = "
                + "(now() at time zone 'America/Lima')::date from billing_documents where order_id = " + order
                + " and kind = 'CREDIT_NOTE' order by id")).extracting(r -> r.get(0) + " " + r.get(2))
                .containsExactly("07 t", "07 t");
        assertThat(new BigDecimal(single("select sum(total_amount) from billing_documents where order_id = " + order
                + " and kind = 'CREDIT_NOTE'"))).as("the credit notes add up to the refund").isEqualByComparingTo(total);
        assertThat(rows("select method_kind, (refunded_at at time zone 'America/Lima')::date = "
                + "(now() at time zone 'America/Lima')::date from order_refunds where order_id = " + order))
                .as("refunded in today's cash").allSatisfy(r -> assertThat(r).containsExactly("CASH", "t"));
        assertStockInvariants();
    }

    @Test
    void reservationsHoldStockFromRegistrationUntilPaymentOrCancellation() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim = location("LIM01");
        long warehouse = defaultWarehouse(admin, lim);
        long item = product(admin, true, false, null);
        lotOf(receiveFree(admin, warehouse, item, "RES-1", null, "5", "1"));
        Reply settings = admin.get("api/inventory/settings");
        Reply reserving = admin.put("api/inventory/settings", "{\"neverNegative\":true,\"reserveOnRegister\":true,"
                + "\"skipExpiredLots\":true,\"expiryAlertDays\":30}", "If-Match", settings.header("ETag"));
        assertThat(reserving.status()).isEqualTo(200);
        try {
            Reply held = register(admin, lim, line(item, "3", null));
            assertThat(held.status()).as(held.toString()).isEqualTo(201);
            assertThat(level(warehouse, item)).isEqualTo(List.of("5.000", "3.000"));
            Reply refused = register(admin, lim, line(item, "3", null));
            assertThat(refused.status()).as("only 2 are not held for someone").isEqualTo(409);
            assertThat(refused.json().getString("detail")).contains("only 2.000 available");

            Reply paid = pay(admin, held.json());
            assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
            assertThat(level(warehouse, item)).as("the reservation is consumed").isEqualTo(List.of("2.000", "0.000"));

            Reply other = register(admin, lim, line(item, "2", null));
            assertThat(level(warehouse, item)).isEqualTo(List.of("2.000", "2.000"));
            Reply cancelled = admin.post("api/orders/" + id(other) + "/cancel", "{\"reason\":\"No vino\"}",
                    "If-Match", other.header("ETag"));
            assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            assertThat(level(warehouse, item)).as("released").isEqualTo(List.of("2.000", "0.000"));
            assertThat(single("select string_agg(status, ',' order by id) from stock_reservations where item_id = "
                    + item)).isEqualTo("CONSUMED,RELEASED");
        } finally {
            admin.put("api/inventory/settings", "{\"neverNegative\":true,\"reserveOnRegister\":false,"
                    + "\"skipExpiredLots\":true,\"expiryAlertDays\":30}", "If-Match", reserving.header("ETag"));
        }
        assertStockInvariants();
    }

    @Test
    void twoCashiersSellingTheLastUnitAtOnceOneSucceedsTheOtherGets409() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http cashier = DemoUsers.CASHIER.signIn(http);
        Http supervisor = DemoUsers.SUPERVISOR.signIn(http);
        long lim = location("LIM01");
        long warehouse = defaultWarehouse(admin, lim);
        for (int round = 0; round < 5; round++) {
            long item = product(admin, true, false, null);
            long lot = lotOf(receiveFree(admin, warehouse, item, "LAST", null, "1", "1"));
            JsonObject a = register(cashier, lim, line(item, "1", null)).json();
            JsonObject b = register(supervisor, lim, line(item, "1", null)).json();
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var first = pool.submit(() -> {
                    start.await();
                    return pay(cashier, a);
                });
                var second = pool.submit(() -> {
                    start.await();
                    return pay(supervisor, b);
                });
                start.countDown();
                List<Reply> replies = List.of(first.get(), second.get());
                assertThat(replies).extracting(Reply::status).as(replies.toString()).containsExactlyInAnyOrder(201, 409);
                Reply loser = replies.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                assertThat(loser.contentType()).startsWith("application/problem+json");
                assertThat(loser.json().getString("detail")).contains("only 0.000 available");
            } finally {
                pool.shutdownNow();
            }
            assertThat(balance(warehouse, lot)).isEqualTo("0.000");
            assertThat(single("select count(*) from stock_moves where item_id = " + item + " and type = 'OUT'"))
                    .isEqualTo("1");
        }
        assertStockInvariants();
    }

    // ---- helpers ----

    private static JsonObject awaitCount(Http client, long countId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        JsonObject count;
        do {
            Thread.sleep(300);
            count = client.get("api/inventory/counts/" + countId).json();
        } while (count.getString("status").equals("CONFIRMING") && System.currentTimeMillis() < deadline);
        return count;
    }

    public static long product(Http admin, boolean lots, boolean expiry, String critical) {
        JsonArray rates = (JsonArray) admin.get("api/catalog/tax-rates?country=PE").jsonStructure();
        long igv = rates.getValuesAs(JsonObject.class).stream().filter(r -> r.getString("affectationCode").equals("10"))
                .findFirst().orElseThrow().getJsonNumber("id").longValue();
        String code = "IT-INV-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100000;
        Reply r = admin.post("api/catalog/items", "{\"type\":\"PRODUCT\",\"code\":\"" + code + "\",\"name\":\"Insumo "
                + code + "\",\"unitCode\":\"NIU\",\"price\":5,\"taxRateId\":" + igv + ",\"trackLots\":" + lots
                + ",\"trackExpiry\":" + expiry + (critical == null ? "" : ",\"criticalStock\":" + critical) + "}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return id(r);
    }

    public static long supplier(Http admin) {
        String firstTen = "20" + (40000000 + SEQ.incrementAndGet() * 7919 % 50000000);
        Reply r = admin.post("api/purchasing/suppliers", "{\"name\":\"Proveedor " + firstTen + "\",\"taxId\":\""
                + firstTen + rucCheckDigit(firstTen) + "\",\"email\":\"ventas@proveedor.example\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return id(r);
    }

    static Reply receiveFree(Http client, long warehouse, long item, String lotCode, LocalDate expires, String quantity,
                             String unitCost) {
        return client.post("api/purchasing/receipts", "{\"warehouseId\":" + warehouse + ",\"lines\":[{\"itemId\":" + item
                + (lotCode == null ? "" : ",\"lotCode\":\"" + lotCode + "\"")
                + (expires == null ? "" : ",\"expiresOn\":\"" + expires + "\"") + ",\"quantity\":" + quantity
                + ",\"unitCost\":" + unitCost + "}]}");
    }

    static long lotOf(Reply receipt) {
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        return receipt.json().getJsonArray("lines").getJsonObject(0).getJsonNumber("lotId").longValue();
    }

    private static String wastage(long warehouse, long item, Long lot, String quantity, String reason, String notes) {
        return "{\"warehouseId\":" + warehouse + ",\"itemId\":" + item + (lot == null ? "" : ",\"lotId\":" + lot)
                + ",\"quantity\":" + quantity + ",\"reason\":\"" + reason + "\""
                + (notes == null ? "" : ",\"notes\":\"" + notes + "\"") + "}";
    }

    private static String line(long item, String quantity, Long lot) {
        return "{\"itemId\":" + item + ",\"quantity\":" + quantity + (lot == null ? "" : ",\"lotId\":" + lot) + "}";
    }

    private static Reply register(Http client, long location, String lines) {
        return client.post("api/orders", "{\"locationId\":" + location + ",\"lines\":[" + lines + "]}");
    }

    /** Pays what is due on a registered order in cash. */
    private static Reply pay(Http client, JsonObject order) {
        return client.post("api/orders/" + order.getJsonNumber("id").longValue() + "/payments",
                "{\"methodCode\":\"EFECTIVO\",\"amount\":" + order.getJsonNumber("balanceDue").bigDecimalValue()
                        .toPlainString() + "}");
    }

    /** Registers an order and pays it in full; the payment's reply (or the registration's when it failed). */
    private static Reply sell(Http client, long location, String lines) {
        Reply registered = register(client, location, lines);
        return registered.status() == 201 ? pay(client, registered.json()) : registered;
    }

    /** What each lot gave to an order (OUT moves). */
    private static Map<Long, BigDecimal> outs(long order) throws SQLException {
        return rows("select lot_id, sum(quantity) from stock_moves where reference_type = 'ORDER' and type = 'OUT' "
                + "and reference_id = " + order + " group by lot_id").stream()
                .collect(Collectors.toMap(r -> Long.parseLong(r.get(0)), r -> new BigDecimal(r.get(1))));
    }

    /** On hand and reserved of an item in a warehouse. */
    private static List<String> level(long warehouse, long item) throws SQLException {
        return rows("select on_hand, reserved from stock_levels where warehouse_id = " + warehouse + " and item_id = "
                + item).get(0);
    }

    static long defaultWarehouse(Http client, long location) {
        JsonArray list = (JsonArray) client.get("api/inventory/warehouses?locationId=" + location).jsonStructure();
        return list.getValuesAs(JsonObject.class).stream().filter(w -> w.getBoolean("defaultWarehouse")).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
    }

    public static long location(String code) throws SQLException {
        return Long.parseLong(single("select l.id from locations l join tenants t on t.id = l.tenant_id "
                + "where t.slug = 'demo' and l.code = '" + code + "'"));
    }

    static long demoItem(String code) throws SQLException {
        return Long.parseLong(single("select i.id from items i join tenants t on t.id = i.tenant_id "
                + "where t.slug = 'demo' and i.code = '" + code + "'"));
    }

    static String balance(long warehouse, long lot) throws SQLException {
        return single("select on_hand from stock_balances where warehouse_id = " + warehouse + " and lot_id = " + lot);
    }

    static BigDecimal decimal(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue();
    }

    public static long id(Reply r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 201);
        return r.json().getJsonNumber("id").longValue();
    }

    private static int rucCheckDigit(String firstTen) {
        int[] weights = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (firstTen.charAt(i) - '0') * weights[i];
        }
        int digit = 11 - sum % 11;
        return digit == 10 ? 0 : digit == 11 ? 1 : digit;
    }

    static String single(String sql) throws SQLException {
        List<List<String>> rows = rows(sql);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    static List<List<String>> rows(String sql) throws SQLException {
        return StockInvariants.rows(sql);
    }

    static void exec(String sql) throws SQLException {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
