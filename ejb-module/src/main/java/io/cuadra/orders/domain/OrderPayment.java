package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;
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
import java.time.LocalDate;
import java.util.Currency;

/**
 * One payment of an order as it was taken: the tenant's method (code and kind copied, so renaming
 * the method later does not change the past), the amount applied, what was tendered and the change,
 * and for cards the provider's fee and the net as they were that day.
 */
@Entity
@Table(name = "order_payments")
public class OrderPayment extends TenantEntity {

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
    @Column(nullable = false, updatable = false)
    private BigDecimal tendered;
    @Column(name = "change_given", nullable = false, updatable = false)
    private BigDecimal changeGiven;
    @Column(updatable = false)
    private String reference;
    @Column(name = "paid_at", nullable = false, updatable = false)
    private Instant paidAt;
    @Column(name = "registered_by", nullable = false, updatable = false)
    private String registeredBy;
    @Column(name = "registered_by_user", updatable = false)
    private Long registeredByUser;
    @Column(name = "card_provider", updatable = false)
    private String cardProvider;
    @Column(name = "card_fee_percent", updatable = false)
    private BigDecimal cardFeePercent;
    @Column(name = "card_fee_fixed", updatable = false)
    private BigDecimal cardFeeFixed;
    @Column(name = "card_fee", updatable = false)
    private BigDecimal cardFee;
    @Column(name = "net_amount", nullable = false, updatable = false)
    private BigDecimal netAmount;

    protected OrderPayment() {
    }

    OrderPayment(Order order, TenantPaymentMethod method, Payment payment, String reference, Instant paidAt,
                 String registeredBy, Long registeredByUser) {
        this.order = order;
        this.method = method;
        this.methodCode = method.getCode();
        this.methodKind = payment.method();
        this.amount = payment.applied().amount();
        this.tendered = payment.tendered().amount();
        this.changeGiven = payment.change().amount();
        this.reference = reference;
        this.paidAt = paidAt;
        this.registeredBy = registeredBy;
        this.registeredByUser = registeredByUser;
        CardFee fee = payment.cardFee();
        if (fee != null) {
            this.cardProvider = fee.provider();
            this.cardFeePercent = fee.percent();
            this.cardFeeFixed = fee.fixed().amount();
            this.cardFee = fee.fee().amount();
            this.netAmount = fee.net().amount();
        } else {
            this.netAmount = amount;
        }
    }

    /** The payment as the payment rules see it, to judge the next one against the balance. */
    Payment toPayment(Currency currency, LocalDate paidOn) {
        CardFee fee = cardFee == null ? null : new CardFee(cardProvider, cardFeePercent,
                Money.of(cardFeeFixed, currency), Money.of(cardFee, currency), Money.of(netAmount, currency));
        return new Payment(methodKind, Money.of(amount, currency), Money.of(tendered, currency),
                Money.of(changeGiven, currency), paidOn, fee);
    }

    public Order getOrder() {
        return order;
    }

    public TenantPaymentMethod getMethod() {
        return method;
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

    public BigDecimal getTendered() {
        return tendered;
    }

    public BigDecimal getChangeGiven() {
        return changeGiven;
    }

    public String getReference() {
        return reference;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public Long getRegisteredByUser() {
        return registeredByUser;
    }

    public String getCardProvider() {
        return cardProvider;
    }

    public BigDecimal getCardFeePercent() {
        return cardFeePercent;
    }

    public BigDecimal getCardFeeFixed() {
        return cardFeeFixed;
    }

    public BigDecimal getCardFee() {
        return cardFee;
    }

    public BigDecimal getNetAmount() {
        return netAmount;
    }
}
