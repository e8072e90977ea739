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

import java.math.BigDecimal;
import java.time.Instant;

/** What went back to the customer by one payment method when a paid order was cancelled. */
@Entity
@Table(name = "order_refunds")
public class OrderRefund extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private Order order;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "method_id", nullable = false, updatable = false)
    private TenantPaymentMethod method;
    @Column(name = "method_code", nullable = false, updatable = false)
    private String methodCode;
    @Enumerated(EnumType.STRING)
    @Column(name = "method_kind", nullable = false, updatable = false)
    private PaymentMethod methodKind;
    @Column(nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(name = "refunded_at", nullable = false, updatable = false)
    private Instant refundedAt;
    @Column(name = "refunded_by", nullable = false, updatable = false)
    private String refundedBy;

    protected OrderRefund() {
    }

    OrderRefund(Order order, TenantPaymentMethod method, PaymentMethod kind, BigDecimal amount, Instant at,
                String by) {
        this.order = order;
        this.method = method;
        this.methodCode = method.getCode();
        this.methodKind = kind;
        this.amount = amount;
        this.refundedAt = at;
        this.refundedBy = by;
    }

    public String getMethodCode() {
        return methodCode;
    }

    public PaymentMethod getMethodKind() {
        return methodKind;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getRefundedAt() {
        return refundedAt;
    }

    public String getRefundedBy() {
        return refundedBy;
    }
}
