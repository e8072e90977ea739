package io.cuadra.billing.domain.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Many receipts in CLP (0 decimals, IVA 19 %) and MXN (2 decimals, IVA 16 % and 0 %): the figures add up
 * exactly whatever the lines, and each rate's tax is the exact share of its gross to half a minor unit.
 */
class ReceiptTotalsProperties {

    @Property(tries = 500)
    void totalsAreTheSumOfTheLinesAndBasePlusTaxIsTheTotal(@ForAll("receipts") Receipt receipt) {
        ReceiptTotals t = ReceiptTotals.of(receipt.lines(), receipt.currency());
        int digits = receipt.currency().getDefaultFractionDigits();
        BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);

        assertThat(t.total().amount()).isEqualByComparingTo(
                ReceiptTotals.sum(receipt.lines()).setScale(digits, RoundingMode.HALF_UP));
        assertThat(sum(t.lines())).as("printed lines add up to the total").isEqualByComparingTo(t.total().amount());
        assertThat(sum(t.rates().stream().map(ReceiptTotals.RateTotal::gross).toList()))
                .isEqualByComparingTo(t.total().amount());
        assertThat(t.base().plus(t.tax())).isEqualTo(t.total());
        for (int i = 0; i < t.lines().size(); i++) {
            BigDecimal moved = t.lines().get(i).amount().subtract(receipt.lines().get(i).gross()).abs();
            assertThat(moved).as("a line moves by less than one minor unit").isLessThan(unit);
            assertThat(t.lines().get(i).amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(digits);
        }
        for (ReceiptTotals.RateTotal r : t.rates()) {
            assertThat(r.base().plus(r.tax())).isEqualTo(r.gross());
            BigDecimal exactTax = r.gross().amount().multiply(r.percent())
                    .divide(new BigDecimal("100").add(r.percent()), 10, RoundingMode.HALF_UP);
            assertThat(r.tax().amount().subtract(exactTax).abs()).as("tax of " + r.percent() + " %")
                    .isLessThanOrEqualTo(unit.divide(new BigDecimal("2")));
            assertThat(r.tax().amount().stripTrailingZeros().scale()).isLessThanOrEqualTo(digits);
        }
    }

    @Property(tries = 300)
    void slipsCutWithCumulativeRoundingAddUpToTheReceipt(@ForAll("receipts") Receipt receipt) {
        // Each line credited in its own slip, as InternalReceiptRegime does: round(after) - round(before).
        Currency currency = receipt.currency();
        ReceiptTotals whole = ReceiptTotals.of(receipt.lines(), currency);
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal credited = BigDecimal.ZERO;
        for (ReceiptTotals.Line line : receipt.lines()) {
            BigDecimal after = before.add(line.gross());
            BigDecimal total = ReceiptTotals.toMinorUnit(after, currency)
                    .subtract(ReceiptTotals.toMinorUnit(before, currency));
            credited = credited.add(ReceiptTotals.of(List.of(line), currency, total).total().amount());
            before = after;
        }
        assertThat(credited).isEqualByComparingTo(whole.total().amount());
    }

    record Receipt(Currency currency, List<ReceiptTotals.Line> lines) {
    }

    @Provide
    Arbitrary<Receipt> receipts() {
        Arbitrary<Currency> currency = Arbitraries.of(Currency.getInstance("CLP"), Currency.getInstance("MXN"));
        return currency.flatMap(c -> line(c).list().ofMinSize(1).ofMaxSize(12).map(lines -> new Receipt(c, lines)));
    }

    private static Arbitrary<ReceiptTotals.Line> line(Currency currency) {
        Arbitrary<BigDecimal> percent = "CLP".equals(currency.getCurrencyCode())
                ? Arbitraries.of(new BigDecimal("19"), BigDecimal.ZERO)
                : Arbitraries.of(new BigDecimal("16"), new BigDecimal("16"), BigDecimal.ZERO);
        Arbitrary<BigDecimal> gross = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("2000000"))
                .ofScale(2);
        return Combinators.combine(gross, percent).as(ReceiptTotals.Line::new);
    }

    private static BigDecimal sum(List<Money> amounts) {
        List<BigDecimal> values = new ArrayList<>();
        amounts.forEach(m -> values.add(m.amount()));
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
