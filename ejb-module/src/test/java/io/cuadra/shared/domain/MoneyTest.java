package io.cuadra.shared.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void alwaysHoldsTwoPlacesRoundedHalfUp() {
        assertThat(Money.of("10.005", "PEN").amount()).isEqualByComparingTo("10.01");
        assertThat(Money.of("10.004", "PEN").amount()).isEqualByComparingTo("10.00");
        assertThat(Money.of("-10.005", "PEN").amount()).isEqualByComparingTo("-10.01");
        assertThat(Money.of("7", "EUR").amount().scale()).isEqualTo(2);
    }

    @Test
    void multipliesAndRoundsToTheCent() {
        assertThat(Money.of("3.35", "PEN").times(new BigDecimal("1.5")).amount()).isEqualByComparingTo("5.03");
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "PEN").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void addsAndCompares() {
        Money a = Money.of("0.10", "PEN").plus(Money.of("0.20", "PEN"));
        assertThat(a).isEqualTo(Money.of("0.30", "PEN"));
        assertThat(a.isGreaterThan(Money.of("0.29", "PEN"))).isTrue();
        assertThat(a.minus(a).isZero()).isTrue();
    }
}
