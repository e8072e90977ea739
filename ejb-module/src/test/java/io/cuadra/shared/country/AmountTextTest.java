package io.cuadra.shared.country;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Amounts on paper follow the currency: its minor unit and its country's separators. */
class AmountTextTest {

    @Test
    void pesosHaveNoCentsAndGroupWithAPoint() {
        assertThat(AmountText.of(new BigDecimal("11900.00"), "CLP")).isEqualTo("11.900");
        assertThat(AmountText.of(new BigDecimal("6900"), "CLP")).isEqualTo("6.900");
        assertThat(AmountText.of(new BigDecimal("-499.50"), "CLP")).as("half-up to the peso").isEqualTo("-500");
    }

    @Test
    void solesEurosAndMexicanPesosKeepTheirCents() {
        assertThat(AmountText.of(new BigDecimal("1234.5"), "PEN")).isEqualTo("1,234.50");
        assertThat(AmountText.of(new BigDecimal("1160"), "MXN")).isEqualTo("1,160.00");
        assertThat(AmountText.of(new BigDecimal("1234.5"), "EUR").replace('\u202F', ' ').replace('\u00A0', ' '))
                .isEqualTo("1 234,50");
        assertThat(AmountText.of(null, "PEN")).isEmpty();
    }

    @Test
    void aCurrencyWithoutACountryPackGetsPlainDigits() {
        assertThat(AmountText.of(new BigDecimal("1234.5"), "USD")).isEqualTo("1,234.50");
    }
}
