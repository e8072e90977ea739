package io.cuadra.reconciliation.domain.cash;


import io.cuadra.reconciliation.domain.ReconciliationRuleException;
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
import java.util.Currency;

/**
 * How many pieces of one denomination a drawer count found. The face value is copied, so old counts
 * survive a change of the currency's denomination set.
 */
@Entity
@Table(name = "cash_count_lines")
public class CountedDenomination extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cash_count_id", nullable = false, updatable = false)
    private CashCount count;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DenominationForm form;
    @Column(name = "face_value", nullable = false, updatable = false)
    private BigDecimal faceValue;
    @Column(nullable = false, updatable = false)
    private int pieces;
    @Column(nullable = false, updatable = false)
    private BigDecimal subtotal;

    protected CountedDenomination() {
    }

    CountedDenomination(CashCount count, Denomination denomination, int pieces) {
        requireNotNegative(denomination, pieces);
        this.count = count;
        this.form = denomination.form();
        this.faceValue = denomination.value();
        this.pieces = pieces;
        this.subtotal = denomination.times(pieces).amount();
    }

    static void requireNotNegative(Denomination denomination, int pieces) {
        if (pieces < 0) {
            throw new ReconciliationRuleException("The count of " + denomination.value().toPlainString() + " "
                    + denomination.currency() + " " + denomination.form().plural() + " cannot be negative (got "
                    + pieces + ").");
        }
    }

    public Denomination denomination() {
        return new Denomination(Currency.getInstance(count.getCurrency()), faceValue, form);
    }

    public Money subtotal() {
        return Money.of(subtotal, Currency.getInstance(count.getCurrency()));
    }

    public DenominationForm getForm() {
        return form;
    }

    public BigDecimal getFaceValue() {
        return faceValue;
    }

    public int getPieces() {
        return pieces;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }
}
