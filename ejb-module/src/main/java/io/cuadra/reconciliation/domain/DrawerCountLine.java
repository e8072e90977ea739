package io.cuadra.reconciliation.domain;

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

/** How many pieces of one denomination a drawer count found; the value is copied so old counts survive a change of the set. */
@Entity
@Table(name = "cash_count_lines")
public class DrawerCountLine extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "cash_count_id", nullable = false, updatable = false)
    private DrawerCount count;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DenominationForm form;
    @Column(name = "face_value", nullable = false, updatable = false)
    private BigDecimal faceValue;
    @Column(nullable = false, updatable = false)
    private int pieces;
    @Column(nullable = false, updatable = false)
    private BigDecimal subtotal;

    protected DrawerCountLine() {
    }

    DrawerCountLine(DrawerCount count, CountedDenomination counted) {
        this.count = count;
        this.form = counted.denomination().form();
        this.faceValue = counted.denomination().value();
        this.pieces = counted.count();
        this.subtotal = counted.subtotal().amount();
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
