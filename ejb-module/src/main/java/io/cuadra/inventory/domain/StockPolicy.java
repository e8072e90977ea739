package io.cuadra.inventory.domain;

/**
 * A tenant's stock switches.
 *
 * @param neverNegative   on (the default): a sale, transfer, wastage or adjustment that needs more
 *                        than is on hand is refused. Off: the shortfall is recorded and the balance
 *                        goes negative (see {@link FefoPicker} for which lot takes it).
 * @param blockExpiredLots on (the default): a lot whose expiry date is before the business date is
 *                        never picked, not even when a cashier chooses it.
 * @param picking         which lot a sale or transfer takes first when none is chosen (FEFO by default).
 */
public record StockPolicy(boolean neverNegative, boolean blockExpiredLots, PickingOrder picking) {

    public static final StockPolicy DEFAULT = new StockPolicy(true, true);

    public StockPolicy {
        java.util.Objects.requireNonNull(picking, "picking");
    }

    public StockPolicy(boolean neverNegative, boolean blockExpiredLots) {
        this(neverNegative, blockExpiredLots, PickingOrder.FEFO);
    }

    public StockPolicy allowingNegativeStock() {
        return new StockPolicy(false, blockExpiredLots, picking);
    }

    public StockPolicy sellingExpiredLots() {
        return new StockPolicy(neverNegative, false, picking);
    }

    public StockPolicy picking(PickingOrder order) {
        return new StockPolicy(neverNegative, blockExpiredLots, order);
    }
}
