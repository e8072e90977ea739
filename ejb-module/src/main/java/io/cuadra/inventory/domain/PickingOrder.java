package io.cuadra.inventory.domain;

import java.util.Comparator;

/**
 * The order in which a sale or a transfer empties the lots of an item: a tenant's choice. A lab with
 * reagents picks FEFO; a distributor whose goods do not expire (SIPUD) picks FIFO, the oldest receipt
 * first, so stock keeps turning over and costs follow the order goods came in.
 */
public enum PickingOrder {

    /** First expired, first out: earliest expiry first, undated lots last, then by receipt. */
    FEFO(Lot.FEFO_ORDER),
    /** First in, first out: earliest receipt first, whatever the expiry dates say. */
    FIFO(Comparator.comparing(Lot::receivedOn).thenComparingLong(Lot::id));

    private final Comparator<Lot> order;

    PickingOrder(Comparator<Lot> order) {
        this.order = order;
    }

    public Comparator<Lot> lots() {
        return order;
    }
}
