package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuantityTest {

    @Test
    void alwaysHoldsThreeDecimals() {
        assertThat(Quantity.of("2.5").value().scale()).isEqualTo(3);
        assertThat(Quantity.of(7).value()).isEqualByComparingTo("7.000");
        assertThat(Quantity.of("2.5")).isEqualTo(Quantity.of("2.500"));
    }

    @Test
    void refusesMoreThanThreeSignificantDecimalsInsteadOfRounding() {
        assertThatThrownBy(() -> Quantity.of("0.0005"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 3 decimals");
        assertThat(Quantity.of("1.2340000")).isEqualTo(Quantity.of("1.234"));
    }

    @Test
    void roundsComputedQuantitiesHalfUp() {
        assertThat(Quantity.rounded(new BigDecimal("0.0625"))).isEqualTo(Quantity.of("0.063"));
        assertThat(Quantity.rounded(new BigDecimal("0.0624"))).isEqualTo(Quantity.of("0.062"));
    }

    @Test
    void addsAndSubtractsExactly() {
        Quantity q = Quantity.of("0.1").plus(Quantity.of("0.2"));
        assertThat(q).isEqualTo(Quantity.of("0.3"));
        assertThat(q.minus(Quantity.of("0.4"))).isEqualTo(Quantity.of("-0.1"));
        assertThat(q.minus(Quantity.of("0.4")).isNegative()).isTrue();
        assertThat(Quantity.of("-1.5").abs()).isEqualTo(Quantity.of("1.5"));
        assertThat(Quantity.of(2).min(Quantity.of(3))).isEqualTo(Quantity.of(2));
        assertThat(Quantity.of(2).max(Quantity.of(3))).isEqualTo(Quantity.of(3));
    }

    @Test
    void requirePositiveRefusesZeroAndNegatives() {
        assertThatThrownBy(() -> Quantity.ZERO.requirePositive("Quantity sold"))
                .hasMessage("Quantity sold must be positive; got 0.000");
        assertThatThrownBy(() -> Quantity.of(-1).requirePositive("Quantity sold"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Quantity.of("0.001").requirePositive("Quantity sold")).isEqualTo(Quantity.of("0.001"));
    }
}
