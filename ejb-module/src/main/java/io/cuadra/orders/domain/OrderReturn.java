package io.cuadra.orders.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Goods of a completed sale that came back on one occasion, and the value given back for them. */
@Entity
@Table(name = "order_returns")
public class OrderReturn extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;
    @Column(nullable = false, updatable = false)
    private String reason;
    @Column(nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(name = "returned_at", nullable = false, updatable = false)
    private Instant returnedAt;
    @Column(name = "returned_by", nullable = false, updatable = false)
    private String returnedBy;
    @OneToMany(mappedBy = "orderReturn", cascade = CascadeType.ALL)
    @OrderBy("lineNumber")
    private List<OrderReturnLine> lines = new ArrayList<>();

    protected OrderReturn() {
    }

    OrderReturn(Order order, String reason, Instant at, String by) {
        this.order = order;
        this.reason = reason;
        this.returnedAt = at;
        this.returnedBy = by;
        this.amount = BigDecimal.ZERO.setScale(2);
    }

    void add(OrderReturnLine line) {
        lines.add(line);
        amount = amount.add(line.getValue()).add(line.getTax());
    }

    public Order getOrder() {
        return order;
    }

    public String getReason() {
        return reason;
    }

    /** Value plus tax of what came back: what the credit note totals and what is refunded. */
    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getReturnedAt() {
        return returnedAt;
    }

    public String getReturnedBy() {
        return returnedBy;
    }

    public List<OrderReturnLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
