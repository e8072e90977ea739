package io.cuadra.shopify.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An order of the simulated shop. Mutable only through {@link SimShop}, which moves {@code updatedAt} on
 * every change, as Shopify does.
 */
public final class SimOrder {

    /** One line: the SKU, a title, how many, the unit price. */
    public record Line(String sku, String title, int quantity, BigDecimal price) {
    }

    final long id;
    final String name;
    final SimCustomer customer;
    final List<Line> lines;
    final Instant createdAt;
    Instant updatedAt;
    boolean paid;
    long transactionId;
    Instant cancelledAt;
    String cancelReason;

    SimOrder(long id, String name, SimCustomer customer, List<Line> lines, Instant now) {
        this.id = id;
        this.name = name;
        this.customer = customer;
        this.lines = List.copyOf(lines);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public long id() {
        return id;
    }

    public String name() {
        return name;
    }

    public boolean paid() {
        return paid;
    }

    public BigDecimal total() {
        return lines.stream().map(l -> l.price().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, java.math.RoundingMode.HALF_UP);
    }
}
