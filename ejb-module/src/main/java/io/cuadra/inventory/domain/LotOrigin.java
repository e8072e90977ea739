package io.cuadra.inventory.domain;

/** How a lot first came into stock. */
public enum LotOrigin {
    /** Received from a supplier (goods receipt). */
    GOODS_RECEIPT,
    /** Found by a physical count without having been received. */
    ADJUSTMENT,
    /** The single lot of an item without lot tracking. */
    IMPLICIT
}
