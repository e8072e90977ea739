package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A payment of the orders component taking part in a match (copied as matched); active while the match stands. */
@Entity
@Table(name = "bank_match_payments")
public class BankMatchPayment extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "match_id", nullable = false, updatable = false)
    private BankMatch match;
    @Column(name = "payment_id", nullable = false, updatable = false)
    private long paymentId;
    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;
    @Column(name = "order_number", nullable = false, updatable = false)
    private String orderNumber;
    @Column(name = "paid_on", nullable = false, updatable = false)
    private LocalDate paidOn;
    @Column(nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private boolean active;

    protected BankMatchPayment() {
    }

    BankMatchPayment(BankMatch match, OpenPayment payment) {
        this.match = match;
        this.paymentId = payment.paymentId();
        this.orderId = payment.orderId();
        this.orderNumber = payment.orderNumber();
        this.paidOn = payment.date();
        this.amount = payment.amount().amount();
    }

    void activate() {
        active = true;
    }

    void deactivate() {
        active = false;
    }

    public long getPaymentId() {
        return paymentId;
    }

    public long getOrderId() {
        return orderId;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public LocalDate getPaidOn() {
        return paidOn;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public boolean isActive() {
        return active;
    }
}
