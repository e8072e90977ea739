package io.cuadra.reconciliation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The closure of one location's day: OPEN → CLOSED → REOPENED → CLOSED … Closing freezes the day's
 * figures and the money and documents that moved in it (not the work on its orders); reopening needs a reason and an actor the service
 * has already checked for the approve permission; closing again takes freshly computed figures.
 * The status is not stored apart: it is the end of the history, so the two cannot disagree.
 */
public final class DailyClosure {

    private final ClosureScope scope;
    private final List<ClosureEvent> history;
    private ClosureSummary summary;
    private CashCount cashCount;

    private DailyClosure(ClosureScope scope, List<ClosureEvent> history, ClosureSummary summary, CashCount cashCount) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.history = new ArrayList<>();
        history.forEach(this::append);
        this.summary = summary == null ? null : ownSummary(summary);
        this.cashCount = cashCount == null ? null : ownCount(cashCount);
    }

    public static DailyClosure open(ClosureScope scope) {
        return new DailyClosure(scope, List.of(), null, null);
    }

    /** Rebuilds a closure from what a repository stored; the history must be a legal chain of transitions. */
    public static DailyClosure restore(ClosureScope scope, List<ClosureEvent> history, ClosureSummary summary,
                                       CashCount cashCount) {
        return new DailyClosure(scope, history, summary, cashCount);
    }

    public ClosureScope scope() {
        return scope;
    }

    public ClosureStatus status() {
        return history.isEmpty() ? ClosureStatus.OPEN : history.get(history.size() - 1).to();
    }

    /** Replaces the figures with a new computation; a closed day keeps the figures it was closed with. */
    public void recompute(ClosureSummary fresh) {
        refuseWhenClosed("recomputed");
        summary = ownSummary(fresh);
    }

    /** Records the drawer count; the variance follows the latest figures, whatever sign it has. */
    public CashVariance recordCashCount(CashCount count) {
        refuseWhenClosed("counted again");
        cashCount = ownCount(count);
        return cashVariance().orElseThrow(() -> new ReconciliationRuleException(
                "The day of " + scope + " has no figures yet; compute them before counting the cash."));
    }

    /**
     * Closes the day with the figures computed just now. From REOPENED this is the recomputation the
     * reopening asked for. Notes are optional.
     */
    public void close(ClosureSummary fresh, Actor actor, Instant at, String notes) {
        if (status().isFrozen()) {
            throw new ReconciliationRuleException("The day of " + scope + " is already closed.");
        }
        ClosureSummary own = ownSummary(fresh);
        append(new ClosureEvent(status(), ClosureStatus.CLOSED, actor, at, blankToNull(notes)));
        summary = own;
    }

    /** Reopens a closed day. The caller has checked the approve permission; the reason is required here. */
    public void reopen(Actor approver, Instant at, String reason) {
        if (status() != ClosureStatus.CLOSED) {
            throw new ReconciliationRuleException("Only a closed day can be reopened; " + scope + " is " + status() + ".");
        }
        if (reason == null || reason.isBlank()) {
            throw new ReconciliationRuleException("Reopening the day of " + scope + " needs a reason.");
        }
        append(new ClosureEvent(ClosureStatus.CLOSED, ClosureStatus.REOPENED, approver, at, reason.strip()));
    }

    /** Whether money or documents may still be recorded in this location's {@code day}. */
    public boolean acceptsChanges(LocalDate day) {
        return !(status().isFrozen() && scope.businessDate().equals(day));
    }

    public Optional<ClosureSummary> summary() {
        return Optional.ofNullable(summary);
    }

    public Optional<CashCount> cashCount() {
        return Optional.ofNullable(cashCount);
    }

    public Optional<CashVariance> cashVariance() {
        if (summary == null || cashCount == null) {
            return Optional.empty();
        }
        return Optional.of(cashCount.against(summary.expectedCash()));
    }

    /** The latest closing: who closed the day, when, and with which notes. */
    public Optional<ClosureEvent> lastClosing() {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).to() == ClosureStatus.CLOSED) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    public List<ClosureEvent> history() {
        return List.copyOf(history);
    }

    private void append(ClosureEvent event) {
        if (event.from() != status()) {
            throw new IllegalArgumentException("Event " + event.from() + " → " + event.to() + " does not follow "
                    + status());
        }
        if (!history.isEmpty() && event.at().isBefore(history.get(history.size() - 1).at())) {
            throw new IllegalArgumentException("Event at " + event.at() + " is earlier than the previous one");
        }
        history.add(event);
    }

    private void refuseWhenClosed(String what) {
        if (status().isFrozen()) {
            throw new ReconciliationRuleException("The day of " + scope + " is closed and cannot be " + what
                    + "; reopen it first.");
        }
    }

    private ClosureSummary ownSummary(ClosureSummary s) {
        if (!s.scope().equals(scope)) {
            throw new IllegalArgumentException("Figures of " + s.scope() + " do not belong to the closure of " + scope);
        }
        return s;
    }

    private CashCount ownCount(CashCount c) {
        if (!c.denominations().currency().equals(scope.currency())) {
            throw new IllegalArgumentException("A count in " + c.denominations().currency() + " does not fit the "
                    + scope.currency() + " closure of " + scope);
        }
        return c;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
