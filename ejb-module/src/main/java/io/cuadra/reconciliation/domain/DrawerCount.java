package io.cuadra.reconciliation.domain;

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
import java.util.List;

/**
 * A stored {@link CashCount}: the pieces of each denomination found in the drawer, the total, and
 * the difference from the cash expected at that moment (over or short, never forced to zero).
 * Every count is kept; the latest one is the closure's.
 */
@Entity
@Table(name = "cash_counts")
public class DrawerCount extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "closure_id", nullable = false, updatable = false)
    private Closure closure;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Column(nullable = false, updatable = false)
    private BigDecimal total;
    @Column(name = "expected_cash", nullable = false, updatable = false)
    private BigDecimal expectedCash;
    @Column(nullable = false, updatable = false)
    private BigDecimal difference;
    @Column(name = "counted_by", nullable = false, updatable = false)
    private String countedBy;
    @Column(name = "counted_at", nullable = false, updatable = false)
    private Instant countedAt;
    @OneToMany(mappedBy = "count", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("faceValue desc, form")
    private List<DrawerCountLine> lines = new ArrayList<>();

    protected DrawerCount() {
    }

    public DrawerCount(Closure closure, CashCount count, CashVariance variance, String countedBy, Instant countedAt) {
        this.closure = closure;
        this.currency = count.denominations().currency().getCurrencyCode();
        this.total = variance.counted().amount();
        this.expectedCash = variance.expected().amount();
        this.difference = variance.difference().amount();
        this.countedBy = countedBy;
        this.countedAt = countedAt;
        for (CountedDenomination c : count.counted()) {
            if (c.count() > 0) {
                lines.add(new DrawerCountLine(this, c));
            }
        }
    }

    public Closure getClosure() {
        return closure;
    }

    public String getCurrency() {
        return currency;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getExpectedCash() {
        return expectedCash;
    }

    public BigDecimal getDifference() {
        return difference;
    }

    public String getCountedBy() {
        return countedBy;
    }

    public Instant getCountedAt() {
        return countedAt;
    }

    public List<DrawerCountLine> getLines() {
        return List.copyOf(lines);
    }
}
