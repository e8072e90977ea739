package io.cuadra.inventory.application;

import io.cuadra.inventory.domain.InventoryLot;
import io.cuadra.inventory.domain.LotOrigin;
import io.cuadra.inventory.domain.MoveReference;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.inventory.domain.StockKey;
import io.cuadra.inventory.domain.StockMove;
import io.cuadra.inventory.domain.StockMoveType;
import io.cuadra.inventory.domain.UnitCost;
import io.cuadra.shared.domain.RuleViolation;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Goods arriving from a supplier: inventory's own door for them. The caller (purchasing's
 * goods receipt) says what arrived; inventory checks the items, makes or tops up the lots, and books the IN moves
 * under its locks — all in the caller's transaction. Two steps because the caller's receipt lines need the lots
 * (step one) and the moves name the receipt lines (step two).
 */
@Stateless
public class StockIntake {

    @EJB
    StockCatalog catalog;

    @EJB
    LotService lots;

    @EJB
    StockKeeper keeper;

    @EJB
    InventorySettingsService settings;

    /** One line of a delivery as typed. */
    public record Arrival(long itemId, String lotCode, LocalDate expiresOn, BigDecimal quantity, BigDecimal unitCost) {
    }

    /** The lot an arrival went into, as it stands after receiving it. */
    public record ArrivedLot(long lotId, String lotCode, LocalDate expiresOn) {
    }

    /** A delivery checked against the catalog and inventory's rules, ready to receive. */
    public static final class Delivery {
        private final String currency;
        private final List<Arrival> arrivals;
        private final List<Quantity> quantities = new ArrayList<>();
        private final List<UnitCost> costs = new ArrayList<>();
        private final List<ArrivedLot> lots = new ArrayList<>();

        private Delivery(String currency, List<Arrival> arrivals) {
            this.currency = currency;
            this.arrivals = List.copyOf(arrivals);
        }

        public List<Arrival> arrivals() {
            return arrivals;
        }

        /** The i-th arrival's quantity as inventory keeps it (its scale). */
        public BigDecimal quantity(int i) {
            return quantities.get(i).value();
        }

        /** The i-th arrival's unit cost as inventory keeps it (six decimals). */
        public BigDecimal unitCost(int i) {
            return costs.get(i).amount();
        }
    }

    /** Checks every arrival (a product, a quantity above zero, a cost of at most six decimals) before anything is written. */
    public Delivery check(String currency, List<Arrival> arrivals, String field) {
        Delivery d = new Delivery(currency, arrivals);
        for (Arrival a : arrivals) {
            catalog.goods(a.itemId());
            d.quantities.add(TypedQuantity.positive(a.quantity(), field + ".quantity"));
            d.costs.add(unitCost(a.unitCost(), currency, field + ".unitCost"));
        }
        return d;
    }

    /**
     * Step one: the lot of each arrival (created when new, else locked and topped up, its cost averaged with what
     * it holds), in the arrivals' order; a new lot remembers the goods receipt it came with.
     */
    public List<ArrivedLot> receiveLots(Delivery d, LocalDate today, long goodsReceiptId) {
        List<InventoryLot> arrived = new ArrayList<>();
        for (int i = 0; i < d.arrivals.size(); i++) {
            Arrival a = d.arrivals.get(i);
            arrived.add(lots.arrivalLot(catalog.goods(a.itemId()), a.lotCode(), a.expiresOn(), today, d.costs.get(i),
                    LotOrigin.GOODS_RECEIPT, goodsReceiptId));
        }
        Map<Long, Quantity> held = keeper.heldByLot(arrived.stream().map(InventoryLot::getId).toList());
        for (int i = 0; i < arrived.size(); i++) {
            InventoryLot lot = arrived.get(i);
            Quantity before = held.getOrDefault(lot.getId(), Quantity.ZERO);
            lot.receive(d.quantities.get(i), d.costs.get(i), d.arrivals.get(i).expiresOn(), before);
            held.put(lot.getId(), before.plus(d.quantities.get(i)));
            d.lots.add(new ArrivedLot(lot.getId(), lot.getCode(), lot.getExpiresOn()));
        }
        return List.copyOf(d.lots);
    }

    /**
     * Step two: the IN moves into the warehouse, each naming the goods receipt's line it came from ({@code lineIds}
     * in the arrivals' order), balances and levels under inventory's locks.
     */
    public void book(Delivery d, long warehouseId, long goodsReceiptId, List<Long> lineIds) {
        if (lineIds.size() != d.arrivals.size() || d.lots.size() != d.arrivals.size()) {
            throw new IllegalStateException("book(...) follows receiveLots(...) with one line per arrival");
        }
        Map<Integer, StockKey> keys = new HashMap<>();
        for (int i = 0; i < d.arrivals.size(); i++) {
            keys.put(i, new StockKey(warehouseId, d.arrivals.get(i).itemId(), d.lots.get(i).lotId()));
        }
        LockedStock stock = keeper.lock(List.of(), List.copyOf(keys.values()));
        var policy = settings.current().policy();
        for (int i = 0; i < d.arrivals.size(); i++) {
            StockKey key = keys.get(i);
            StockMove in = StockMove.of(StockMoveType.IN, warehouseId, key.itemId(), key.lotId(), d.quantities.get(i));
            stock.apply(in, d.costs.get(i), MoveReference.line(MoveReference.Type.GOODS_RECEIPT, goodsReceiptId,
                    lineIds.get(i)), null, policy);
        }
        keeper.write(stock);
    }

    private static UnitCost unitCost(BigDecimal value, String currency, String field) {
        if (value == null || value.signum() < 0) {
            throw new RuleViolation(field + ": what one unit cost, zero or more.").withKey("purchasing.whatUnitCost");
        }
        if (value.stripTrailingZeros().scale() > UnitCost.SCALE) {
            throw new RuleViolation(field + ": at most six decimals; got " + value.toPlainString() + ".")
                    .withKey("purchasing.mostSixDecimals", value.toPlainString());
        }
        return new UnitCost(value, Currency.getInstance(currency));
    }
}
