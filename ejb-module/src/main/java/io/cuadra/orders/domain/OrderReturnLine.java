package io.cuadra.orders.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * How much of one order line came back, its share of the line's value and tax, and whether it was
 * damaged (then it goes to wastage instead of back into its lot).
 */
@Entity
@Table(name = "order_return_lines")
public class OrderReturnLine extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "return_id", nullable = false, updatable = false)
    private OrderReturn orderReturn;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_line_id", nullable = false, updatable = false)
    private OrderLine line;
    @Column(name = "line_number", nullable = false, updatable = false)
    private int lineNumber;
    @Column(nullable = false, updatable = false)
    private BigDecimal quantity;
    @Column(nullable = false, updatable = false)
    private BigDecimal value;
    @Column(nullable = false, updatable = false)
    private BigDecimal tax;
    @Column(nullable = false, updatable = false)
    private boolean damaged;

    protected OrderReturnLine() {
    }

    OrderReturnLine(OrderReturn orderReturn, OrderLine line, BigDecimal quantity, BigDecimal value, BigDecimal tax,
                    boolean damaged) {
        this.orderReturn = orderReturn;
        this.line = line;
        this.lineNumber = line.getLineNumber();
        this.quantity = quantity;
        this.value = value;
        this.tax = tax;
        this.damaged = damaged;
    }

    public OrderLine getLine() {
        return line;
    }

    public int getLineNumber() {
        return lineNumber;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getValue() {
        return value;
    }

    public BigDecimal getTax() {
        return tax;
    }

    public boolean isDamaged() {
        return damaged;
    }
}
