package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Objects;

/**
 * A lot as stored: code unique per item, expiry, first receipt date, unit cost and origin. The
 * stock rules work on {@link Lot}, read with the lot's balances; receipts into an existing lot go
 * through {@link #receive}, which keeps the unit cost the average of what the lot holds.
 */
@Entity
@Table(name = "inventory_lots")
public class InventoryLot extends TenantEntity {

    @Column(name = "item_id", nullable = false, updatable = false)
    private long itemId;
    @Column(nullable = false, updatable = false)
    private String code;
    @Column(name = "expires_on")
    private LocalDate expiresOn;
    @Column(name = "received_on", nullable = false, updatable = false)
    private LocalDate receivedOn;
    @Column(name = "unit_cost", nullable = false)
    private BigDecimal unitCost;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Column(name = "quantity_received", nullable = false)
    private BigDecimal quantityReceived = BigDecimal.ZERO.setScale(Quantity.SCALE);
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private LotOrigin origin;
    @Column(name = "origin_id", updatable = false)
    private Long originId;

    protected InventoryLot() {
    }

    private InventoryLot(long itemId, String code, LocalDate expiresOn, LocalDate receivedOn, UnitCost cost,
                         LotOrigin origin, Long originId) {
        this.itemId = itemId;
        this.code = code;
        this.expiresOn = expiresOn;
        this.receivedOn = Objects.requireNonNull(receivedOn, "receivedOn");
        this.unitCost = cost.amount();
        this.currency = cost.currency().getCurrencyCode();
        this.origin = origin;
        this.originId = originId;
    }

    /**
     * A lot of a tracked item, received or found. The code is trimmed and upper-cased so "l-01" and
     * "L-01 " are the same lot; an item that tracks expiry needs the date.
     */
    public static InventoryLot tracked(long itemId, String code, LocalDate expiresOn, boolean expiryRequired,
                                       LocalDate receivedOn, UnitCost cost, LotOrigin origin, Long originId) {
        if (origin == LotOrigin.IMPLICIT) {
            throw new IllegalArgumentException("A tracked lot is received or found, not implicit");
        }
        String normalized = normalizeCode(code);
        if (normalized == null) {
            throw new RuleViolation("lotCode: this item is tracked by lot; say which lot.").withKey("inventory.itemTrackedLot");
        }
        if (Lot.IMPLICIT_CODE.equalsIgnoreCase(normalized)) {
            throw new RuleViolation("lotCode: " + Lot.IMPLICIT_CODE + " is reserved for items without lots.").withKey("inventory.reservedItemsWithout", Lot.IMPLICIT_CODE);
        }
        if (expiryRequired && expiresOn == null) {
            throw new RuleViolation("expiresOn: this item tracks expiry; lot " + normalized + " needs its date.").withKey("inventory.itemTracksExpiry", normalized);
        }
        return new InventoryLot(itemId, normalized, expiresOn, receivedOn, cost, origin, originId);
    }

    /** The one lot of an item without lot tracking (no code of its own, no expiry). */
    public static InventoryLot implicitFor(long itemId, LocalDate openedOn, UnitCost cost) {
        return new InventoryLot(itemId, Lot.IMPLICIT_CODE, null, openedOn, cost, LotOrigin.IMPLICIT, null);
    }

    /** How lot codes are compared and stored; null for a blank code. */
    public static String normalizeCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        String c = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (c.length() > 40) {
            throw new RuleViolation("lotCode: at most 40 characters; got " + c.length() + ".").withKey("inventory.mostCharactersGot", c.length());
        }
        return c;
    }

    /**
     * Goods arrive into this lot. The expiry must be the lot's (a different date is a different
     * lot); the unit cost becomes the average of what is held and what arrives.
     *
     * @param heldNow what the lot holds in all warehouses right now (its locked balances)
     */
    public void receive(Quantity quantity, UnitCost cost, LocalDate expiry, Quantity heldNow) {
        quantity.requirePositive("Quantity received");
        if (expiry != null && !expiry.equals(expiresOn)) {
            throw new RuleViolation("expiresOn: lot " + code + " expires on " + (expiresOn == null ? "no date" : expiresOn)
                    + ", not " + expiry + "; goods with another date are another lot.").withKey("inventory.lotExpiresGoods", code, (expiresOn == null ? "no date" : expiresOn), expiry);
        }
        if (!cost.currency().getCurrencyCode().equals(currency)) {
            throw new RuleViolation("unitCost: lot " + code + " is costed in " + currency + ", not "
                    + cost.currency().getCurrencyCode() + "; receive these goods as another lot.").withKey("inventory.lotCostedReceive", code, currency, cost.currency().getCurrencyCode());
        }
        UnitCost blended = unitCost().blendedWith(heldNow, cost, quantity);
        this.unitCost = blended.amount();
        this.quantityReceived = quantityReceived.add(quantity.value());
    }

    /** Whether a correction to {@code corrected} changes a lot expiring on {@code current}. */
    public static boolean expiryDiffers(LocalDate current, LocalDate corrected) {
        return !java.util.Objects.equals(current, corrected);
    }

    /** Corrects a mistyped expiry date; the same date again changes nothing (no update, no audit line). */
    public void correctExpiry(LocalDate expiresOn, boolean expiryRequired) {
        if (isImplicit()) {
            throw new RuleViolation("expiresOn: the stock of an item without lots has no expiry date.").withKey("inventory.stockItemWithout");
        }
        if (expiryRequired && expiresOn == null) {
            throw new RuleViolation("expiresOn: this item tracks expiry; the lot needs its date.").withKey("inventory.itemTracksExpiry2");
        }
        if (expiryDiffers(this.expiresOn, expiresOn)) {
            this.expiresOn = expiresOn;
        }
    }

    public boolean isImplicit() {
        return origin == LotOrigin.IMPLICIT;
    }

    public UnitCost unitCost() {
        return new UnitCost(unitCost, Currency.getInstance(currency));
    }

    public long getItemId() {
        return itemId;
    }

    public String getCode() {
        return code;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public BigDecimal getUnitCost() {
        return unitCost;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getQuantityReceived() {
        return quantityReceived;
    }

    public LotOrigin getOrigin() {
        return origin;
    }

    public Long getOriginId() {
        return originId;
    }
}
