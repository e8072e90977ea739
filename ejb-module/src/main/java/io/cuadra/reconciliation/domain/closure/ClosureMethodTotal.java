package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
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

/** What one payment method of a closed day should hold (cash net of change) and how many payments made it. */
@Entity
@Table(name = "closure_method_totals")
public class ClosureMethodTotal extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "closure_id", nullable = false, updatable = false)
    private Closure closure;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PaymentKind kind;
    @Column(name = "method_code", nullable = false, updatable = false)
    private String methodCode;
    @Column(nullable = false)
    private BigDecimal expected;
    @Column(name = "payment_count", nullable = false)
    private int paymentCount;

    protected ClosureMethodTotal() {
    }

    ClosureMethodTotal(Closure closure, PaymentKind kind, String methodCode) {
        this.closure = closure;
        this.kind = kind;
        this.methodCode = methodCode;
    }

    void set(BigDecimal expected, int paymentCount) {
        this.expected = expected;
        this.paymentCount = paymentCount;
    }

    String key() {
        return kind + "/" + methodCode;
    }

    public PaymentKind getKind() {
        return kind;
    }

    public String getMethodCode() {
        return methodCode;
    }

    public BigDecimal getExpected() {
        return expected;
    }

    public int getPaymentCount() {
        return paymentCount;
    }
}
