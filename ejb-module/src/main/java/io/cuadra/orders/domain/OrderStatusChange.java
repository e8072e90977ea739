package io.cuadra.orders.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** One step of an order's status history: from, to, who, when and why. */
@Entity
@Table(name = "order_status_history")
public class OrderStatusChange extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", updatable = false)
    private OrderStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private OrderStatus toStatus;
    @Column(updatable = false)
    private String notes;
    @Column(name = "changed_by", nullable = false, updatable = false)
    private String changedBy;
    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected OrderStatusChange() {
    }

    OrderStatusChange(Order order, OrderStatus from, OrderStatus to, String notes, String by, Instant at) {
        this.order = order;
        this.fromStatus = from;
        this.toStatus = to;
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
        this.changedBy = by;
        this.changedAt = at;
    }

    public OrderStatus getFromStatus() {
        return fromStatus;
    }

    public OrderStatus getToStatus() {
        return toStatus;
    }

    public String getNotes() {
        return notes;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
