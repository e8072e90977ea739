package io.cuadra.inventory.domain;

/**
 * A tenant's stock switches.
 *
 * @param neverNegative   on (the default): a sale, transfer, wastage or adjustment that needs more
 *                        than is on hand is refused. Off: the shortfall is recorded and the balance
 *                        goes negative (see {@link FefoPicker} for which lot takes it).
 * @param blockExpiredLots on (the default): a lot whose expiry date is before the business date is
 *                        never picked, not even when a cashier chooses it.
 */
public record StockPolicy(boolean neverNegative, boolean blockExpiredLots) {

    public static final StockPolicy DEFAULT = new StockPolicy(true, true);

    public StockPolicy allowingNegativeStock() {
        return new StockPolicy(false, blockExpiredLots);
    }

    public StockPolicy sellingExpiredLots() {
        return new StockPolicy(neverNegative, false);
    }
}
