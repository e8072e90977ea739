package io.cuadra.reconciliation.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import static io.cuadra.reconciliation.domain.SeededDay.DAY;
import static io.cuadra.reconciliation.domain.SeededDay.SCOPE;
import static io.cuadra.reconciliation.domain.SeededDay.cash;
import static io.cuadra.reconciliation.domain.SeededDay.document;
import static io.cuadra.reconciliation.domain.SeededDay.paid;
import static io.cuadra.reconciliation.domain.SeededDay.pen;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class DailyClosureTest {

    private static final Actor CASHIER = new Actor("rosa.cashier");
    private static final Actor SUPERVISOR = new Actor("jorge.supervisor");
    // 23:59 in Lima (UTC-5) is 04:59 UTC the next day.
    private static final Instant CLOSING_TIME = Instant.parse("2026-11-21T04:59:00Z");
    private static final Instant NEXT_MORNING = Instant.parse("2026-11-21T14:00:00Z");

    private final DenominationSet soles = DenominationCatalog.defaults().forCurrency(Currency.getInstance("PEN"));

    private static ClosureSummary figures(List<ClosureInput> inputs) {
        ClosureTally tally = new ClosureTally(SCOPE);
        tally.addAll(inputs);
        return tally.summary();
    }

    private static ClosureSummary seededFigures() {
        return figures(SeededDay.inputs());
    }

    @Test
    void aNewDayIsOpenAndAcceptsChanges() {
        DailyClosure closure = DailyClosure.open(SCOPE);

        assertThat(closure.status()).isEqualTo(ClosureStatus.OPEN);
        assertThat(closure.acceptsChanges(DAY)).isTrue();
        assertThat(closure.summary()).isEmpty();
        assertThat(closure.history()).isEmpty();
    }

    @Test
    void closingRecordsWhoWhenAndNotesAndFreezesTheDay() {
        DailyClosure closure = DailyClosure.open(SCOPE);

        closure.close(seededFigures(), CASHIER, CLOSING_TIME, "  Yape outage 18:00-18:30  ");

        assertThat(closure.status()).isEqualTo(ClosureStatus.CLOSED);
        assertThat(closure.lastClosing()).hasValueSatisfying(e -> {
            assertThat(e.actor()).isEqualTo(CASHIER);
            assertThat(e.at()).isEqualTo(CLOSING_TIME);
            assertThat(e.note()).isEqualTo("Yape outage 18:00-18:30");
        });
        assertThat(closure.acceptsChanges(DAY)).isFalse();
        assertThat(closure.acceptsChanges(DAY.plusDays(1))).isTrue();
        assertThat(closure.acceptsChanges(DAY.minusDays(1))).isTrue();
    }

    @Test
    void notesAreOptional() {
        DailyClosure closure = DailyClosure.open(SCOPE);

        closure.close(seededFigures(), CASHIER, CLOSING_TIME, "   ");

        assertThat(closure.lastClosing().orElseThrow().note()).isNull();
    }

    @Test
    void aClosedDayRefusesRecomputationRecountAndASecondClosing() {
        DailyClosure closure = DailyClosure.open(SCOPE);
        ClosureSummary closedWith = seededFigures();
        closure.close(closedWith, CASHIER, CLOSING_TIME, null);

        assertThatThrownBy(() -> closure.recompute(seededFigures()))
                .isInstanceOf(ReconciliationRuleException.class)
                .hasMessage("The day of LIM-01 on 2026-11-20 is closed and cannot be recomputed; reopen it first.");
        assertThatThrownBy(() -> closure.recordCashCount(CashCount.of(soles, List.of())))
                .isInstanceOf(ReconciliationRuleException.class);
        assertThatThrownBy(() -> closure.close(seededFigures(), CASHIER, NEXT_MORNING, null))
                .isInstanceOf(ReconciliationRuleException.class)
                .hasMessage("The day of LIM-01 on 2026-11-20 is already closed.");
        assertThat(closure.summary()).containsSame(closedWith);
    }

    @Test
    void reopeningNeedsAReason() {
        DailyClosure closure = DailyClosure.open(SCOPE);
        closure.close(seededFigures(), CASHIER, CLOSING_TIME, null);

        assertThatThrownBy(() -> closure.reopen(SUPERVISOR, NEXT_MORNING, " "))
                .isInstanceOf(ReconciliationRuleException.class)
                .hasMessage("Reopening the day of LIM-01 on 2026-11-20 needs a reason.");
        assertThatThrownBy(() -> closure.reopen(SUPERVISOR, NEXT_MORNING, null))
                .isInstanceOf(ReconciliationRuleException.class);
        assertThat(closure.status()).isEqualTo(ClosureStatus.CLOSED);
    }

    @Test
    void onlyAClosedDayCanBeReopened() {
        DailyClosure closure = DailyClosure.open(SCOPE);

        assertThatThrownBy(() -> closure.reopen(SUPERVISOR, NEXT_MORNING, "typo"))
                .isInstanceOf(ReconciliationRuleException.class)
                .hasMessage("Only a closed day can be reopened; LIM-01 on 2026-11-20 is OPEN.");
    }

    @Test
    void reopenFixAndCloseAgainWithRecomputedFigures() {
        List<ClosureInput> day = new ArrayList<>(SeededDay.inputs());
        DailyClosure closure = DailyClosure.open(SCOPE);
        closure.close(figures(day), CASHIER, CLOSING_TIME, null);
        assertThat(closure.summary().orElseThrow().discrepanciesOf(DiscrepancyType.MISSING_INVOICE)).hasSize(1);

        closure.reopen(SUPERVISOR, NEXT_MORNING, "Receipt for A-0003 was issued on paper");
        assertThat(closure.status()).isEqualTo(ClosureStatus.REOPENED);
        assertThat(closure.acceptsChanges(DAY)).isTrue();

        day.add(document(103, SalesDocumentType.RECEIPT, "B001-00000003", 3L, "80.00"));
        closure.recompute(figures(day));
        closure.close(figures(day), SUPERVISOR, NEXT_MORNING.plusSeconds(600), "Receipt B001-00000003 added");

        assertThat(closure.status()).isEqualTo(ClosureStatus.CLOSED);
        assertThat(closure.summary().orElseThrow().discrepanciesOf(DiscrepancyType.MISSING_INVOICE)).isEmpty();
        assertThat(closure.history()).extracting(ClosureEvent::to, e -> e.actor().username(), ClosureEvent::note)
                .containsExactly(
                        tuple(ClosureStatus.CLOSED, "rosa.cashier", null),
                        tuple(ClosureStatus.REOPENED, "jorge.supervisor",
                                "Receipt for A-0003 was issued on paper"),
                        tuple(ClosureStatus.CLOSED, "jorge.supervisor",
                                "Receipt B001-00000003 added"));
        assertThat(closure.lastClosing().orElseThrow().actor()).isEqualTo(SUPERVISOR);
    }

    @Test
    void cashVarianceFollowsTheLatestFiguresAndKeepsItsSign() {
        DailyClosure closure = DailyClosure.open(SCOPE);
        closure.recompute(figures(List.of(paid(1, "60.00", cash(11, "60.00", "100.00", "40.00")))));

        CashVariance variance = closure.recordCashCount(CashCount.of(soles, List.of(CashCountLine.of("50", 1),
                CashCountLine.of("5", 1))));
        assertThat(variance.difference()).isEqualTo(pen("-5.00"));

        closure.recompute(figures(List.of(paid(1, "55.00", cash(11, "55.00", "60.00", "5.00")))));
        assertThat(closure.cashVariance()).hasValueSatisfying(v -> {
            assertThat(v.expected()).isEqualTo(pen("55.00"));
            assertThat(v.outcome()).isEqualTo(CashVariance.Outcome.EXACT);
        });
    }

    @Test
    void countingBeforeAnyFiguresIsRefused() {
        DailyClosure closure = DailyClosure.open(SCOPE);

        assertThatThrownBy(() -> closure.recordCashCount(CashCount.of(soles, List.of(CashCountLine.of("10", 1)))))
                .isInstanceOf(ReconciliationRuleException.class)
                .hasMessageContaining("has no figures yet");
    }

    @Test
    void refusesFiguresOrCountsOfAnotherScope() {
        DailyClosure closure = DailyClosure.open(SCOPE);
        ClosureSummary otherDay = new ClosureTally(ClosureScope.of("LIM-01", DAY.plusDays(1), "PEN")).summary();
        DenominationSet euros = DenominationCatalog.defaults().forCurrency(Currency.getInstance("EUR"));

        assertThatThrownBy(() -> closure.recompute(otherDay)).isInstanceOf(IllegalArgumentException.class);
        closure.recompute(seededFigures());
        assertThatThrownBy(() -> closure.recordCashCount(CashCount.of(euros, List.of())))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void restoresFromItsHistoryAndRefusesAnIllegalOne() {
        List<ClosureEvent> history = List.of(
                new ClosureEvent(ClosureStatus.OPEN, ClosureStatus.CLOSED, CASHIER, CLOSING_TIME, null),
                new ClosureEvent(ClosureStatus.CLOSED, ClosureStatus.REOPENED, SUPERVISOR, NEXT_MORNING, "fix"));

        DailyClosure restored = DailyClosure.restore(SCOPE, history, seededFigures(), null);

        assertThat(restored.status()).isEqualTo(ClosureStatus.REOPENED);
        assertThat(restored.acceptsChanges(DAY)).isTrue();
        assertThatThrownBy(() -> DailyClosure.restore(SCOPE, List.of(history.get(1)), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClosureEvent(ClosureStatus.OPEN, ClosureStatus.REOPENED, SUPERVISOR, NEXT_MORNING, "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
