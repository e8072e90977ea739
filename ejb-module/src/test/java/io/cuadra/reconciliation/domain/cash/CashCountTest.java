package io.cuadra.reconciliation.domain.cash;


import io.cuadra.reconciliation.domain.ReconciliationRuleException;
import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CashCountTest {

    private static final Currency PEN = Currency.getInstance("PEN");
    private static final Currency EUR = Currency.getInstance("EUR");
    private final DenominationCatalog catalog = DenominationCatalog.defaults();
    private final DenominationSet soles = catalog.forCurrency(PEN);

    @Test
    void defaultSetsHoldTheCirculatingNotesAndCoinsLargestFirst() {
        assertThat(catalog.currencies()).containsExactly(Currency.getInstance("CLP"), EUR, Currency.getInstance("MXN"),
                PEN);
        assertThat(catalog.forCurrency(Currency.getInstance("CLP")).denominations())
                .extracting(d -> d.value().toPlainString() + " " + d.form())
                .startsWith("20000.00 NOTE").endsWith("10.00 COIN").hasSize(9);
        assertThat(soles.denominations())
                .extracting(d -> d.value().toPlainString() + " " + d.form())
                .containsExactly("200.00 NOTE", "100.00 NOTE", "50.00 NOTE", "20.00 NOTE", "10.00 NOTE",
                        "5.00 COIN", "2.00 COIN", "1.00 COIN", "0.50 COIN", "0.20 COIN", "0.10 COIN");
        DenominationSet euros = catalog.forCurrency(EUR);
        assertThat(euros.denominations()).hasSize(15);
        assertThat(euros.denominations().get(0).value()).isEqualByComparingTo("500");
        assertThat(euros.denominations().get(6)).isEqualTo(new Denomination(EUR, new BigDecimal("5"), DenominationForm.NOTE));
        assertThat(euros.denominations().get(14)).isEqualTo(new Denomination(EUR, new BigDecimal("0.01"), DenominationForm.COIN));
    }

    @Test
    void countedTotalIsTheSumOfValueTimesCount() {
        CashCount count = CashCount.of(soles, List.of(
                CashCountLine.of("50", 1), CashCountLine.of("20", 2), CashCountLine.of("0.50", 3),
                CashCountLine.of("0.10", 7)));

        // 50 + 40 + 1.50 + 0.70
        assertThat(count.total()).isEqualTo(Money.of("92.20", "PEN"));
    }

    @Test
    void linesForTheSameDenominationAreAddedUp() {
        CashCount count = CashCount.of(soles, List.of(CashCountLine.of("10", 4), CashCountLine.of("10.00", 3)));

        assertThat(count.getLines()).singleElement()
                .satisfies(c -> {
                    assertThat(c.getPieces()).isEqualTo(7);
                    assertThat(c.subtotal()).isEqualTo(Money.of("70.00", "PEN"));
                });
    }

    @Test
    void shortOverAndExactAgainstExpectedCash() {
        Money expected = Money.of("94.50", "PEN");
        CashVariance shortBy = CashCount.of(soles, List.of(CashCountLine.of("50", 1), CashCountLine.of("20", 2),
                CashCountLine.of("2", 2))).against(expected);
        CashVariance over = CashCount.of(soles, List.of(CashCountLine.of("100", 1))).against(expected);
        CashVariance exact = CashCount.of(soles, List.of(CashCountLine.of("50", 1), CashCountLine.of("20", 2),
                CashCountLine.of("2", 2), CashCountLine.of("0.50", 1))).against(expected);

        assertThat(shortBy.difference()).isEqualTo(Money.of("-0.50", "PEN"));
        assertThat(shortBy.outcome()).isEqualTo(CashVariance.Outcome.SHORT);
        assertThat(shortBy.sentence()).isEqualTo("Counted 94.00 PEN against 94.50 PEN expected: 0.50 PEN short.");
        assertThat(over.difference()).isEqualTo(Money.of("5.50", "PEN"));
        assertThat(over.outcome()).isEqualTo(CashVariance.Outcome.OVER);
        assertThat(exact.difference().isZero()).isTrue();
        assertThat(exact.outcome()).isEqualTo(CashVariance.Outcome.EXACT);
    }

    @Test
    void aVarianceCannotBeForcedToZero() {
        assertThatThrownBy(() -> new CashVariance(Money.of("10", "PEN"), Money.of("9", "PEN"), Money.of("0", "PEN")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNegativeCounts() {
        assertThatThrownBy(() -> CashCount.of(soles, List.of(CashCountLine.of("20", -3))))
                .isInstanceOf(ReconciliationRuleException.class)
                .hasMessage("The count of 20.00 PEN notes cannot be negative (got -3).");
    }

    @Test
    void refusesUnknownDenominationsNamingTheKnownOnes() {
        assertThatThrownBy(() -> CashCount.of(soles, List.of(CashCountLine.of("0.05", 1))))
                .isInstanceOf(ReconciliationRuleException.class)
                .hasMessage("0.05 is not a PEN denomination; PEN has notes of 200.00, 100.00, 50.00, 20.00, 10.00"
                        + " and coins of 5.00, 2.00, 1.00, 0.50, 0.20, 0.10.");
        assertThatThrownBy(() -> CashCount.of(soles, List.of(new CashCountLine(new BigDecimal("5"), DenominationForm.NOTE, 1))))
                .isInstanceOf(ReconciliationRuleException.class)
                .hasMessageStartingWith("5 note is not a PEN denomination");
    }

    @Test
    void aValueThatIsBothNoteAndCoinMustSayWhich() {
        DenominationCatalog dollars = DenominationCatalog.fromRows(List.of(
                List.of("USD", "NOTE", "1.00"), List.of("USD", "COIN", "1.00"), List.of("USD", "COIN", "0.25")));
        DenominationSet usd = dollars.forCurrency(Currency.getInstance("USD"));

        assertThatThrownBy(() -> CashCount.of(usd, List.of(CashCountLine.of("1", 2))))
                .isInstanceOf(ReconciliationRuleException.class)
                .hasMessage("1 USD exists as a note and as a coin; say which one was counted.");
        CashCount count = CashCount.of(usd, List.of(new CashCountLine(BigDecimal.ONE, DenominationForm.NOTE, 2),
                new CashCountLine(BigDecimal.ONE, DenominationForm.COIN, 1), CashCountLine.of("0.25", 2)));
        assertThat(count.total()).isEqualTo(Money.of("3.50", "USD"));
    }

    @Test
    void catalogRowsAreValidatedWithTheirRowNumber() {
        assertThatThrownBy(() -> DenominationCatalog.fromRows(List.of(List.of("PEN", "NOTE", "10"), List.of("PEN", "BILL", "20"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Denomination row 2: form must be NOTE or COIN, not \"BILL\"");
        assertThatThrownBy(() -> DenominationCatalog.fromRows(List.of(List.of("PEN", "COIN", "0.005"))))
                .hasMessage("Denomination row 1: A denomination is a whole number of cents; got 0.005");
        assertThatThrownBy(() -> DenominationCatalog.fromRows(List.of(List.of("PEN", "COIN", "1"), List.of("PEN", "COIN", "1.00"))))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> catalog.forCurrency(Currency.getInstance("USD")))
                .isInstanceOf(ReconciliationRuleException.class)
                .hasMessage("No denominations are configured for USD; cash in USD cannot be counted.");
    }
}
