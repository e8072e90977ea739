package io.cuadra.inventory.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * A lot of one item: a code, an optional expiry date, the date it was received and its unit cost.
 *
 * <p>Expiry rule: a lot is sellable <em>on</em> its expiry date and expired from the next day. A
 * printed expiry date means "use by the end of that day"; a stricter margin (minimum remaining shelf
 * life) would be a separate per-tenant setting, not a change to what "expired" means.
 *
 * @param expiresOn null for goods that do not expire; such lots are picked after every dated lot
 */
public record Lot(long id, long itemId, String code, LocalDate expiresOn, LocalDate receivedOn, UnitCost unitCost) {

    /** The code of the single lot that holds the stock of an item without lot tracking. */
    public static final String IMPLICIT_CODE = "(no lot)";

    /**
     * First expiry first; lots without expiry after all dated ones; then oldest receipt; then lot
     * code, and the id last so that the order is total and a pick is reproducible.
     */
    public static final Comparator<Lot> FEFO_ORDER = Comparator
            .comparing(Lot::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Lot::receivedOn)
            .thenComparing(Lot::code)
            .thenComparingLong(Lot::id);

    public Lot {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(receivedOn, "receivedOn");
        Objects.requireNonNull(unitCost, "unitCost");
        if (code.isBlank()) {
            throw new IllegalArgumentException("A lot needs a code");
        }
        if (IMPLICIT_CODE.equals(code) && expiresOn != null) {
            throw new IllegalArgumentException("The implicit lot of an untracked item has no expiry");
        }
    }

    public static Lot implicitFor(long lotId, long itemId, LocalDate openedOn, UnitCost unitCost) {
        return new Lot(lotId, itemId, IMPLICIT_CODE, null, openedOn, unitCost);
    }

    public boolean isImplicit() {
        return IMPLICIT_CODE.equals(code);
    }

    public Optional<LocalDate> expiry() {
        return Optional.ofNullable(expiresOn);
    }

    /** Expired strictly after its expiry date: a lot expiring on the business date is still good. */
    public boolean isExpiredOn(LocalDate businessDate) {
        return expiredOn(expiresOn, businessDate);
    }

    /** The same rule for goods not received yet (a receipt warns before taking expired goods in). */
    public static boolean expiredOn(LocalDate expiresOn, LocalDate businessDate) {
        return expiresOn != null && expiresOn.isBefore(businessDate);
    }
}
