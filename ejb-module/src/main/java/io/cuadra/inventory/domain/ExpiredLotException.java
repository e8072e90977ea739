package io.cuadra.inventory.domain;

import java.time.LocalDate;

/** A cashier chose a lot that expired before the business date while expired lots are blocked. */
public class ExpiredLotException extends StockRuleException {

    private final long itemId;
    private final long lotId;
    private final LocalDate expiresOn;
    private final LocalDate businessDate;

    public ExpiredLotException(Lot lot, LocalDate businessDate) {
        super("Lot " + lot.code() + " of item " + lot.itemId() + " expired on " + lot.expiresOn()
                + " (business date " + businessDate + ")");
        withKey("inventory.lotExpired", lot.code(), lot.expiresOn());
        this.itemId = lot.itemId();
        this.lotId = lot.id();
        this.expiresOn = lot.expiresOn();
        this.businessDate = businessDate;
    }

    public long itemId() {
        return itemId;
    }

    public long lotId() {
        return lotId;
    }

    public LocalDate expiresOn() {
        return expiresOn;
    }

    public LocalDate businessDate() {
        return businessDate;
    }
}
