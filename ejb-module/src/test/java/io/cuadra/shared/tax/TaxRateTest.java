package io.cuadra.shared.tax;



import io.cuadra.orders.domain.pricing.TaxedAmount;
import io.cuadra.orders.domain.pricing.PriceBasis;
import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaxRateTest {

    @Test
    void holdsThePercentAtTwoDecimalsAndItsFraction() {
        TaxRate vat = TaxRate.taxed("5.5");
        assertThat(vat.percent()).isEqualTo(new BigDecimal("5.50"));
        assertThat(vat.rate()).isEqualByComparingTo("0.055");
        assertThat(vat.affectationCode()).isEqualTo("10");
        assertThat(vat.taxed()).isTrue();
        assertThat(TaxRate.taxed("18")).isEqualTo(new TaxRate(new BigDecimal("18.00"), "10", true));
    }

    @Test
    void exemptAndUnaffectedCarryNoTax() {
        assertThat(TaxRate.exempt()).isEqualTo(new TaxRate(new BigDecimal("0.00"), "20", false));
        assertThat(TaxRate.unaffected()).isEqualTo(new TaxRate(new BigDecimal("0.00"), "30", false));
        assertThat(new TaxRate(BigDecimal.ZERO, "40", false).taxed()).isFalse();
        assertThat(new TaxRate(new BigDecimal("4"), "17", true).taxed()).isTrue();
    }

    @Test
    void refusesRatesThatContradictTheirAffectation() {
        assertThatThrownBy(() -> new TaxRate(new BigDecimal("18"), "20", false))
                .hasMessage("A line that is not taxed has a percent of 0, not 18.00");
        assertThatThrownBy(() -> new TaxRate(BigDecimal.ZERO, "10", true))
                .hasMessage("A taxed line needs a percent above 0");
        assertThatThrownBy(() -> new TaxRate(new BigDecimal("18"), "10", false))
                .hasMessageContaining("code 10 is taxed but the rate says the opposite");
        assertThatThrownBy(() -> new TaxRate(BigDecimal.ZERO, "30", true))
                .hasMessageContaining("code 30 is not taxed");
    }

    @Test
    void refusesFreeOfChargeAndUnknownAffectations() {
        assertThatThrownBy(() -> new TaxRate(new BigDecimal("18"), "11", true))
                .hasMessageStartingWith("IGV affectation code 11 cannot be priced at the counter");
        assertThatThrownBy(() -> new TaxRate(BigDecimal.ZERO, "21", false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TaxRate(BigDecimal.ZERO, "X", false)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesImpossiblePercents() {
        assertThatThrownBy(() -> TaxRate.taxed("-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxRate.taxed("100")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TaxRate.taxed("18.005")).hasMessageContaining("at most two decimals");
    }

    @Test
    void splitsAnAmountAccordingToThePriceBasis() {
        Money amount = Money.of("100.00", "PEN");
        // 100 / 1.18 = 84.745... -> 84.75, tax is the remainder
        assertThat(PriceBasis.TAX_INCLUSIVE.split(amount, TaxRate.taxed("18")))
                .isEqualTo(new TaxedAmount(Money.of("84.75", "PEN"), Money.of("15.25", "PEN")));
        assertThat(PriceBasis.TAX_EXCLUSIVE.split(amount, TaxRate.taxed("18")))
                .isEqualTo(new TaxedAmount(amount, Money.of("18.00", "PEN")));
        assertThat(PriceBasis.TAX_INCLUSIVE.split(amount, TaxRate.exempt()).tax().isZero()).isTrue();
        assertThat(PriceBasis.TAX_EXCLUSIVE.split(amount, TaxRate.unaffected()).total()).isEqualTo(amount);
    }
}
