package io.cuadra.reconciliation.domain.closure;




import io.cuadra.reconciliation.domain.cash.CashVariance;
import io.cuadra.reconciliation.domain.cash.CashCount;
import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.identity.domain.Location;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The closure of one location's business day: OPEN → CLOSED → REOPENED → CLOSED … with its latest
 * figures, the latest drawer count and the history of closings and reopenings. Closing freezes the day's
 * figures and the money and documents that moved in it (not the work on its orders); reopening needs a
 * reason and an actor the service has already checked for the approve permission; closing again takes
 * freshly computed figures. Every transition is recorded with who, when and why, and the status is the
 * end of that history.
 */
@Entity
@Table(name = "daily_closures")
public class Closure extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id", nullable = false, updatable = false)
    private Location location;
    @Column(name = "business_date", nullable = false, updatable = false)
    private LocalDate businessDate;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClosureStatus status = ClosureStatus.OPEN;
    @Column(name = "computed_at")
    private Instant computedAt;
    @Column(name = "computed_by")
    private String computedBy;
    @Column(name = "order_count", nullable = false)
    private int orderCount;
    @Column(name = "cancelled_order_count", nullable = false)
    private int cancelledOrderCount;
    @Column(name = "invoice_count", nullable = false)
    private int invoiceCount;
    @Column(name = "credit_note_count", nullable = false)
    private int creditNoteCount;
    @Column(name = "invoiced_total", nullable = false)
    private BigDecimal invoicedTotal = BigDecimal.ZERO;
    @Column(name = "credited_total", nullable = false)
    private BigDecimal creditedTotal = BigDecimal.ZERO;
    @Column(name = "registered_total", nullable = false)
    private BigDecimal registeredTotal = BigDecimal.ZERO;
    @Column(name = "expected_total", nullable = false)
    private BigDecimal expectedTotal = BigDecimal.ZERO;
    @Column(name = "expected_cash", nullable = false)
    private BigDecimal expectedCash = BigDecimal.ZERO;
    @Column(name = "counted_cash")
    private BigDecimal countedCash;
    @Column(name = "cash_difference")
    private BigDecimal cashDifference;
    @Column(name = "discrepancy_count", nullable = false)
    private int discrepancyCount;
    private String notes;
    @Column(name = "closed_at")
    private Instant closedAt;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "reopened_at")
    private Instant reopenedAt;
    @Column(name = "reopened_by")
    private String reopenedBy;
    @Column(name = "reopen_reason")
    private String reopenReason;
    @OneToMany(mappedBy = "closure", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("at, id")
    private List<ClosureTransition> transitions = new ArrayList<>();
    @OneToMany(mappedBy = "closure", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ClosureMethodTotal> methods = new ArrayList<>();

    protected Closure() {
    }

    public Closure(Location location, LocalDate businessDate, Currency currency) {
        this.location = Objects.requireNonNull(location, "location");
        this.businessDate = Objects.requireNonNull(businessDate, "businessDate");
        this.currency = currency.getCurrencyCode();
    }

    public ClosureScope scope() {
        return new ClosureScope(location.getCode(), businessDate, Currency.getInstance(currency));
    }

    /**
     * Takes freshly computed figures. A closed day keeps the figures it was closed with; the
     * difference of a drawer count already made follows the new expected cash.
     */
    public void recompute(ClosureSummary fresh, String actor, Instant at) {
        if (status.isFrozen()) {
            throw new Conflict("The day of " + scope() + " is closed and cannot be recomputed; reopen it first.")
                    .withKey("reconciliation.dayClosedFigures", scope());
        }
        apply(fresh, actor, at);
    }

    /**
     * Records a drawer count against the latest expected cash; the difference is kept as found, whatever
     * its sign, in the closure and in the count.
     */
    public CashVariance recordCount(CashCount count, String actor, Instant at) {
        if (status.isFrozen()) {
            throw new Conflict("The day of " + scope() + " is closed and its cash cannot be counted again; reopen it first.").withKey("reconciliation.dayClosedCash", scope());
        }
        if (computedAt == null) {
            throw new Conflict("The day of " + scope() + " has no figures yet; run its closure before counting the cash.").withKey("reconciliation.dayFiguresYet", scope());
        }
        if (!count.getCurrency().equals(currency)) {
            throw new RuleViolation("A count in " + count.getCurrency() + " does not fit the " + currency
                    + " closure of " + scope() + ".").withKey("reconciliation.countDoesFit", count.getCurrency(), currency, scope());
        }
        CashVariance variance = count.against(Money.of(expectedCash, Currency.getInstance(currency)));
        count.recordedIn(this, variance, actor, at);
        countedCash = variance.counted().amount();
        cashDifference = variance.difference().amount();
        return variance;
    }

    /**
     * Closes the day with figures computed just now (closing again after a reopening recomputes). A
     * day that took cash needs a saved drawer count first (unless the tenant relaxed it), and a count
     * that differs from the expected cash needs the closing notes to say why.
     */
    public void close(ClosureSummary fresh, String actor, Instant at, String closingNotes, boolean cashCountRequired) {
        if (status.isFrozen()) {
            throw new Conflict("The day of " + scope() + " is already closed.").withKey("reconciliation.dayAlreadyClosed", scope());
        }
        apply(fresh, actor, at);
        if (cashCountRequired && tookCash(fresh) && countedCash == null) {
            throw new Conflict("The day of " + scope() + " took cash (" + fresh.expectedCash() + " expected in the"
                    + " drawer): save the drawer count before closing it.")
                    .withKey("closure.countFirst", fresh.expectedCash().amount().toPlainString());
        }
        if (countedCash != null && cashDifference.signum() != 0 && blankToNull(closingNotes) == null) {
            Money difference = Money.of(cashDifference, Currency.getInstance(currency));
            throw new RuleViolation("notes: the drawer was counted at " + Money.of(countedCash,
                    Currency.getInstance(currency)) + " against " + fresh.expectedCash() + " expected ("
                    + difference.amount().abs().toPlainString() + (difference.isNegative() ? " short" : " over")
                    + "); say why in the notes before closing.")
                    .withKey(difference.isNegative() ? "closure.short" : "closure.over", countedCash.toPlainString(),
                            fresh.expectedCash().amount().toPlainString(), difference.amount().abs().toPlainString());
        }
        record(new ClosureEvent(status, ClosureStatus.CLOSED, new Actor(actor), at, blankToNull(closingNotes)));
        closedAt = at;
        closedBy = actor;
        notes = blankToNull(closingNotes);
    }

    /** Whether cash moved through the drawer that day (payments or refunds), whatever the net. */
    private static boolean tookCash(ClosureSummary figures) {
        return figures.expectedByMethod().stream().anyMatch(m -> m.kind() == PaymentKind.CASH && m.paymentCount() > 0);
    }

    /** Reopens a closed day; the caller has checked the approve permission, the reason is required here. */
    public void reopen(String approver, Instant at, String reason) {
        if (status != ClosureStatus.CLOSED) {
            throw new Conflict("Only a closed day can be reopened; " + scope() + " is " + status + ".").withKey("reconciliation.onlyClosedDay", scope(), status);
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason: Reopening the day of " + scope() + " needs a reason.")
                    .withKey("closure.reopenReason");
        }
        record(new ClosureEvent(ClosureStatus.CLOSED, ClosureStatus.REOPENED, new Actor(approver), at, reason.strip()));
        reopenedAt = at;
        reopenedBy = approver;
        reopenReason = reason.strip();
    }

    /** Money and documents are recorded in this location's {@code day} only while the day is not closed. */
    public void requireAcceptsChanges(LocalDate day, String what) {
        if (!acceptsChanges(day)) {
            throw new Conflict("The day " + businessDate + " at " + location.getCode() + " is closed: " + what
                    + " cannot be recorded in it. Reopen the day (a supervisor with reconciliation:approve) or wait"
                    + " for the next day.").withKey("reconciliation.dayClosedCannot", businessDate, location.getCode(), what);
        }
    }

    /** Whether money or documents may still be recorded in this location's {@code day}. */
    public boolean acceptsChanges(LocalDate day) {
        return !(status.isFrozen() && businessDate.equals(day));
    }

    public List<ClosureEvent> history() {
        return transitions.stream().map(ClosureTransition::toEvent).toList();
    }

    /** The latest closing: who closed the day, when, and with which notes. */
    public Optional<ClosureEvent> lastClosing() {
        List<ClosureEvent> history = history();
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == ClosureStatus.CLOSED) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /** Appends a transition; the history stays a legal chain in time order, and the status its end. */
    private void record(ClosureEvent event) {
        if (event.from() != status) {
            throw new IllegalStateException("Transition " + event.from() + " → " + event.to() + " does not follow "
                    + status);
        }
        if (!transitions.isEmpty() && event.at().isBefore(transitions.get(transitions.size() - 1).getAt())) {
            throw new IllegalArgumentException("A transition at " + event.at() + " is earlier than the previous one.");
        }
        transitions.add(new ClosureTransition(this, event));
        status = event.to();
    }

    private void apply(ClosureSummary fresh, String actor, Instant at) {
        if (!fresh.scope().equals(scope())) {
            throw new IllegalArgumentException("Figures of " + fresh.scope() + " do not belong to " + scope());
        }
        orderCount = fresh.orderCount();
        cancelledOrderCount = fresh.cancelledOrderCount();
        invoiceCount = fresh.invoiceCount();
        creditNoteCount = fresh.creditNoteCount();
        invoicedTotal = fresh.invoicedTotal().amount();
        creditedTotal = fresh.creditedTotal().amount();
        registeredTotal = fresh.registeredTotal().amount();
        expectedCash = fresh.expectedCash().amount();
        discrepancyCount = fresh.discrepancies().size();
        Map<String, ClosureMethodTotal> kept = new HashMap<>();
        methods.forEach(m -> kept.put(m.key(), m));
        List<ClosureMethodTotal> next = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (MethodTotal m : fresh.expectedByMethod()) {
            ClosureMethodTotal row = kept.remove(m.kind() + "/" + m.methodCode());
            if (row == null) {
                row = new ClosureMethodTotal(this, m.kind(), m.methodCode());
            }
            row.set(m.expected().amount(), m.paymentCount());
            next.add(row);
            total = total.add(m.expected().amount());
        }
        methods.retainAll(next);
        next.stream().filter(r -> !methods.contains(r)).forEach(methods::add);
        expectedTotal = total;
        if (countedCash != null) {
            cashDifference = countedCash.subtract(expectedCash);
        }
        computedAt = at;
        computedBy = actor;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public Location getLocation() {
        return location;
    }

    public LocalDate getBusinessDate() {
        return businessDate;
    }

    public String getCurrency() {
        return currency;
    }

    public ClosureStatus getStatus() {
        return status;
    }

    public Instant getComputedAt() {
        return computedAt;
    }

    public String getComputedBy() {
        return computedBy;
    }

    public int getOrderCount() {
        return orderCount;
    }

    public int getCancelledOrderCount() {
        return cancelledOrderCount;
    }

    public int getInvoiceCount() {
        return invoiceCount;
    }

    public int getCreditNoteCount() {
        return creditNoteCount;
    }

    public BigDecimal getInvoicedTotal() {
        return invoicedTotal;
    }

    public BigDecimal getCreditedTotal() {
        return creditedTotal;
    }

    public BigDecimal getRegisteredTotal() {
        return registeredTotal;
    }

    public BigDecimal getExpectedTotal() {
        return expectedTotal;
    }

    public BigDecimal getExpectedCash() {
        return expectedCash;
    }

    public BigDecimal getCountedCash() {
        return countedCash;
    }

    public BigDecimal getCashDifference() {
        return cashDifference;
    }

    public int getDiscrepancyCount() {
        return discrepancyCount;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public Instant getReopenedAt() {
        return reopenedAt;
    }

    public String getReopenedBy() {
        return reopenedBy;
    }

    public String getReopenReason() {
        return reopenReason;
    }

    /** In the rule core's order: by kind (cash first), then method code. */
    public List<ClosureMethodTotal> getMethods() {
        return methods.stream().sorted(java.util.Comparator.comparing(ClosureMethodTotal::getKind)
                .thenComparing(ClosureMethodTotal::getMethodCode)).toList();
    }

    public List<ClosureTransition> getTransitions() {
        return List.copyOf(transitions);
    }
}
