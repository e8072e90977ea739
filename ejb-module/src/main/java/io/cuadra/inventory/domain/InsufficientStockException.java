package io.cuadra.inventory.domain;

import java.util.OptionalLong;

/**
 * More stock was asked for than is available and the never-negative switch is on. Carries the item,
 * the quantity asked for and the quantity that was available, and the lot when one lot was asked for.
 */
public class InsufficientStockException extends StockRuleException {

    private final long itemId;
    private final Quantity requested;
    private final Quantity available;
    private final Long lotId;

    public InsufficientStockException(long itemId, Quantity requested, Quantity available) {
        this(itemId, null, requested, available);
    }

    public InsufficientStockException(long itemId, Long lotId, Quantity requested, Quantity available) {
        super("Item " + itemId + (lotId == null ? "" : ", lot " + lotId) + ": requested " + requested
                + " but only " + available + " available");
        withKey(lotId == null ? "inventory.insufficient" : "inventory.insufficientInLot", itemId, requested, available,
                lotId);
        this.itemId = itemId;
        this.lotId = lotId;
        this.requested = requested;
        this.available = available;
    }

    public long itemId() {
        return itemId;
    }

    public OptionalLong lotId() {
        return lotId == null ? OptionalLong.empty() : OptionalLong.of(lotId);
    }

    public Quantity requested() {
        return requested;
    }

    public Quantity available() {
        return available;
    }

    /** Not enough stock is a conflict with the current state: 409 with the available quantity. */
    @Override
    public String kind() {
        return "conflict";
    }
}
