package io.cuadra.reconciliation.domain.closure;









import io.cuadra.reconciliation.domain.cash.DenominationSet;
import io.cuadra.reconciliation.domain.cash.DenominationForm;
import io.cuadra.reconciliation.domain.cash.DenominationCatalog;
import io.cuadra.reconciliation.domain.cash.CountedDenomination;
import io.cuadra.reconciliation.domain.cash.CashVariance;
import io.cuadra.reconciliation.domain.cash.CashCountLine;
import io.cuadra.reconciliation.domain.cash.CashCount;
import io.cuadra.reconciliation.domain.PaymentKind;
import io.cuadra.identity.domain.Location;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

import static io.cuadra.reconciliation.domain.closure.SeededDay.DAY;
import static io.cuadra.reconciliation.domain.closure.SeededDay.SCOPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** The closure's transitions, and the figures, counts and history it keeps consistent. */
class ClosureEntityTest {

    private static final Instant T1 = Instant.parse("2026-11-21T04:59:00Z");
    private static final Instant T2 = Instant.parse("2026-11-21T14:00:00Z");
    private static final Instant T3 = Instant.parse("2026-11-21T15:00:00Z");

    private final DenominationSet soles = DenominationCatalog.defaults().forCurrency(Currency.getInstance("PEN"));

    private static Closure seededClosure() {
        return new Closure(new Location("LIM-01", "Lima", ZoneId.of("America/Lima")), DAY, Currency.getInstance("PEN"));
    }

    private static ClosureSummary figures(List<ClosureInput> inputs) {
        ClosureTally tally = new ClosureTally(SCOPE);
        tally.addAll(inputs);
        return tally.summary();
    }

    @Test
    void recomputingStoresTheFiguresAndOneRowPerMethod() {
        Closure c = seededClosure();
        c.recompute(figures(SeededDay.inputs()), "job", T1);

        assertThat(c.getStatus()).isEqualTo(ClosureStatus.OPEN);
        assertThat(c.getOrderCount()).isEqualTo(5);
        assertThat(c.getCancelledOrderCount()).isEqualTo(1);
        assertThat(c.getInvoiceCount()).isEqualTo(4);
        assertThat(c.getCreditNoteCount()).isEqualTo(1);
        assertThat(c.getRegisteredTotal()).isEqualByComparingTo("409.50");
        // Cash net of change: 100.00 - 35.50 + 30.00 - 0.00.
        assertThat(c.getExpectedCash()).isEqualByComparingTo("94.50");
        assertThat(c.getExpectedTotal()).isEqualByComparingTo("494.50");
        assertThat(c.getDiscrepancyCount()).isEqualTo(4);
        assertThat(c.getMethods()).extracting(ClosureMethodTotal::getKind, ClosureMethodTotal::getMethodCode,
                        m -> m.getExpected().toPlainString(), ClosureMethodTotal::getPaymentCount)
                .containsExactly(tuple(PaymentKind.CASH, "CASH", "94.50", 2), tuple(PaymentKind.CARD, "VISA", "120.00", 1),
                        tuple(PaymentKind.TRANSFER, "BCP-TRANSFER", "200.00", 1),
                        tuple(PaymentKind.WALLET, "YAPE", "80.00", 1));

        // A second computation with one order less replaces the rows instead of adding to them.
        c.recompute(figures(SeededDay.inputs().subList(0, 2)), "job", T2);
        assertThat(c.getMethods()).extracting(ClosureMethodTotal::getMethodCode).containsExactly("CASH");
        assertThat(c.getExpectedTotal()).isEqualByComparingTo("64.50");
    }

    @Test
    void theCashDifferenceIsKeptOverOrShortAndFollowsNewFigures() {
        Closure c = seededClosure();
        c.recompute(figures(SeededDay.inputs()), "job", T1);
        CashVariance short3 = c.recordCount(CashCount.of(soles, List.of(CashCountLine.of("50", 1),
                CashCountLine.of("20", 2), CashCountLine.of("0.50", 1))), "cajero", T1);
        assertThat(short3.counted().amount()).isEqualByComparingTo("90.50");
        assertThat(short3.outcome()).isEqualTo(CashVariance.Outcome.SHORT);
        assertThat(c.getCashDifference()).isEqualByComparingTo("-4.00");

        c.recompute(figures(SeededDay.inputs().subList(0, 2)), "job", T2);
        assertThat(c.getCountedCash()).isEqualByComparingTo("90.50");
        assertThat(c.getCashDifference()).as("expected 64.50 now: 26.00 over").isEqualByComparingTo("26.00");
    }

    @Test
    void cashCannotBeCountedBeforeFiguresNorOnAClosedDay() {
        Closure c = seededClosure();
        CashCount count = CashCount.of(soles, List.of(CashCountLine.of("10", 1)));
        assertThatThrownBy(() -> c.recordCount(count, "cajero", T1)).isInstanceOf(Conflict.class).hasMessageContaining("no figures");
        c.close(figures(SeededDay.inputs()), "sup", T1, null, false);
        assertThatThrownBy(() -> c.recordCount(count, "cajero", T1)).isInstanceOf(Conflict.class).hasMessageContaining("closed");
    }

    @Test
    void closeReopenAndCloseAgainKeepTheHistoryAndRecompute() {
        Closure c = seededClosure();
        c.close(figures(SeededDay.inputs()), "sup@x", T1, "  Todo bien  ", false);
        assertThat(c.getStatus()).isEqualTo(ClosureStatus.CLOSED);
        assertThat(c.getClosedBy()).isEqualTo("sup@x");
        assertThat(c.getNotes()).isEqualTo("Todo bien");
        assertThatThrownBy(() -> c.requireAcceptsChanges(DAY, "order A-0001")).isInstanceOf(Conflict.class)
                .hasMessageContaining("is closed");
        c.requireAcceptsChanges(DAY.plusDays(1), "order A-0009");
        assertThatThrownBy(() -> c.recompute(figures(List.of()), "job", T2)).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> c.close(figures(List.of()), "sup@x", T2, null, false)).isInstanceOf(Conflict.class)
                .hasMessageContaining("already closed");

        assertThatThrownBy(() -> c.reopen("admin@x", T2, "  ")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("reason");
        c.reopen("admin@x", T2, " Boleta emitida tarde ");
        assertThat(c.getStatus()).isEqualTo(ClosureStatus.REOPENED);
        assertThat(c.getReopenReason()).isEqualTo("Boleta emitida tarde");
        c.requireAcceptsChanges(DAY, "order A-0001");
        assertThatThrownBy(() -> c.reopen("admin@x", T3, "again")).isInstanceOf(Conflict.class);

        c.close(figures(SeededDay.inputs().subList(0, 2)), "sup@x", T3, null, false);
        assertThat(c.getOrderCount()).as("closing again recomputes").isEqualTo(1);
        assertThat(c.getTransitions()).extracting(ClosureTransition::getFromStatus, ClosureTransition::getToStatus,
                        ClosureTransition::getActor, ClosureTransition::getNote)
                .containsExactly(tuple(ClosureStatus.OPEN, ClosureStatus.CLOSED, "sup@x", "Todo bien"),
                        tuple(ClosureStatus.CLOSED, ClosureStatus.REOPENED, "admin@x", "Boleta emitida tarde"),
                        tuple(ClosureStatus.REOPENED, ClosureStatus.CLOSED, "sup@x", null));
    }

    @Test
    void aDrawerCountKeepsOnlyTheDenominationsFound() {
        Closure c = seededClosure();
        c.recompute(figures(SeededDay.inputs()), "job", T1);
        CashCount count = CashCount.of(soles, List.of(CashCountLine.of("50", 1), CashCountLine.of("20", 2),
                CashCountLine.of("2", 2)));
        c.recordCount(count, "cajero", T2);
        assertThat(count.getClosure()).isSameAs(c);
        assertThat(count.getCountedBy()).isEqualTo("cajero");
        assertThat(count.getTotal()).isEqualByComparingTo("94.00");
        assertThat(count.getExpectedCash()).isEqualByComparingTo("94.50");
        assertThat(count.getDifference()).isEqualByComparingTo("-0.50");
        assertThatThrownBy(() -> c.recordCount(count, "cajero", T3)).as("a count is recorded once")
                .isInstanceOf(IllegalStateException.class);
        assertThat(count.getLines()).extracting(l -> l.getFaceValue().toPlainString(), CountedDenomination::getForm,
                        CountedDenomination::getPieces, CountedDenomination::getSubtotal)
                .containsExactly(tuple("50.00", DenominationForm.NOTE, 1, new BigDecimal("50.00")),
                        tuple("20.00", DenominationForm.NOTE, 2, new BigDecimal("40.00")),
                        tuple("2.00", DenominationForm.COIN, 2, new BigDecimal("4.00")));
    }

    @Test
    void aDayThatTookCashClosesOnlyWithItsCountAndADifferenceNeedsAReason() {
        Closure c = seededClosure();
        c.recompute(figures(SeededDay.inputs()), "job", T1);
        assertThatThrownBy(() -> c.close(figures(SeededDay.inputs()), "sup", T2, null, true))
                .isInstanceOf(Conflict.class).hasMessage("The day of LIM-01 on 2026-11-20 took cash (94.50 PEN expected"
                        + " in the drawer): save the drawer count before closing it.");
        c.recordCount(CashCount.of(soles, List.of(CashCountLine.of("50", 1), CashCountLine.of("20", 2))), "cajero", T1);
        assertThatThrownBy(() -> c.close(figures(SeededDay.inputs()), "sup", T2, "  ", true))
                .isInstanceOf(RuleViolation.class).hasMessage("notes: the drawer was counted at 90.00 PEN against"
                        + " 94.50 PEN expected (4.50 short); say why in the notes before closing.");
        c.close(figures(SeededDay.inputs()), "sup", T2, "Vuelto mal dado a un paciente", true);
        assertThat(c.getStatus()).isEqualTo(ClosureStatus.CLOSED);
        assertThat(c.getCashDifference()).isEqualByComparingTo("-4.50");

        Closure noCash = seededClosure();
        noCash.close(figures(SeededDay.inputs().subList(2, 4)), "sup", T1, null, true);
        assertThat(noCash.getStatus()).as("a day without cash needs no count").isEqualTo(ClosureStatus.CLOSED);
        Closure relaxed = seededClosure();
        relaxed.close(figures(SeededDay.inputs()), "sup", T1, null, false);
        assertThat(relaxed.getStatus()).as("the tenant relaxed the rule").isEqualTo(ClosureStatus.CLOSED);
    }

    @Test
    void theLatestClosingSaysWhoWhenAndWhyAndOnlyTheClosedDayIsFrozen() {
        Closure c = seededClosure();
        assertThat(c.getStatus()).isEqualTo(ClosureStatus.OPEN);
        assertThat(c.lastClosing()).isEmpty();
        assertThat(c.acceptsChanges(DAY)).isTrue();
        c.close(figures(SeededDay.inputs()), "rosa", T1, "  Yape caído 18:00-18:30  ", false);
        c.reopen("jorge", T2, "boleta en papel");
        c.close(figures(SeededDay.inputs()), "jorge", T3, "   ", false);

        assertThat(c.lastClosing()).hasValueSatisfying(e -> {
            assertThat(e.actor().username()).isEqualTo("jorge");
            assertThat(e.at()).isEqualTo(T3);
            assertThat(e.note()).as("blank notes are none").isNull();
        });
        assertThat(c.history()).extracting(ClosureEvent::note).containsExactly("Yape caído 18:00-18:30",
                "boleta en papel", null);
        assertThat(c.acceptsChanges(DAY)).isFalse();
        assertThat(c.acceptsChanges(DAY.minusDays(1))).isTrue();
        assertThat(c.acceptsChanges(DAY.plusDays(1))).isTrue();
    }

    @Test
    void theHistoryStaysInTimeOrderAndFiguresOfAnotherDayAreRefused() {
        Closure c = seededClosure();
        c.close(figures(SeededDay.inputs()), "rosa", T2, null, false);
        assertThatThrownBy(() -> c.reopen("jorge", T1, "antes del cierre")).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.getStatus()).isEqualTo(ClosureStatus.CLOSED);
        ClosureSummary otherDay = new ClosureTally(ClosureScope.of("LIM-01", DAY.plusDays(1), "PEN")).summary();
        assertThatThrownBy(() -> seededClosure().recompute(otherDay, "job", T1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
