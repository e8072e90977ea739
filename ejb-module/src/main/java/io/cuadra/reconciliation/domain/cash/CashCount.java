package io.cuadra.reconciliation.domain.cash;


import io.cuadra.reconciliation.domain.closure.Closure;
import io.cuadra.shared.domain.Money;
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
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The cash found in the drawer, by denomination, and — once recorded in its day's {@link Closure} — the
 * difference from the cash expected at that moment (over or short, never forced to zero). Lines naming
 * the same denomination are added up (a cashier may count the 10.00 notes in two bundles); denominations
 * not found are not kept. Every count is kept; the latest one is the closure's.
 */
@Entity
@Table(name = "cash_counts")
public class CashCount extends TenantEntity {

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
    private List<CountedDenomination> lines = new ArrayList<>();

    protected CashCount() {
    }

    /** A count of what the cashier typed, checked against the currency's denominations; not yet recorded. */
    public static CashCount of(DenominationSet denominations, List<CashCountLine> typed) {
        Objects.requireNonNull(denominations, "denominations");
        Map<Denomination, Integer> pieces = new LinkedHashMap<>();
        for (Denomination d : denominations.denominations()) {
            pieces.put(d, 0);
        }
        for (CashCountLine line : typed) {
            // Each line is checked on its own so a refusal names the count the cashier typed, not a sum.
            Denomination d = denominations.resolve(line.value(), line.form());
            CountedDenomination.requireNotNegative(d, line.count());
            pieces.merge(d, line.count(), Math::addExact);
        }
        CashCount count = new CashCount();
        count.currency = denominations.currency().getCurrencyCode();
        pieces.forEach((d, n) -> {
            if (n > 0) {
                count.lines.add(new CountedDenomination(count, d, n));
            }
        });
        count.total = count.lines.stream().map(CountedDenomination::getSubtotal).reduce(BigDecimal.ZERO, BigDecimal::add);
        return count;
    }

    public Money total() {
        return Money.of(total, Currency.getInstance(currency));
    }

    /** Compares with the cash the day's payments say should be there. */
    public CashVariance against(Money expectedCash) {
        return CashVariance.of(expectedCash, total());
    }

    /**
     * Called by {@link Closure#recordCount} only (the closure checks its day first): the closure, the
     * difference found and who counted when. A count is recorded once.
     */
    public void recordedIn(Closure closure, CashVariance variance, String countedBy, Instant countedAt) {
        if (this.closure != null) {
            throw new IllegalStateException("This count is already recorded in " + this.closure.scope() + ".");
        }
        this.closure = closure;
        this.expectedCash = variance.expected().amount();
        this.difference = variance.difference().amount();
        this.countedBy = Objects.requireNonNull(countedBy, "countedBy");
        this.countedAt = Objects.requireNonNull(countedAt, "countedAt");
    }

    public Currency currency() {
        return Currency.getInstance(currency);
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

    /** The denominations found, largest first. */
    public List<CountedDenomination> getLines() {
        return List.copyOf(lines);
    }
}
