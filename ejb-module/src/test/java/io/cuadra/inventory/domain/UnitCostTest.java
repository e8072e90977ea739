package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnitCostTest {

    @Test
    void keepsSixDecimalsSoThatAPurchaseLineSplitsWithoutLosingCents() {
        UnitCost perBox = UnitCost.perUnit(Money.of("100.00", "PEN"), Quantity.of(3));
        assertThat(perBox.amount()).isEqualByComparingTo("33.333333");
        assertThat(Money.of(perBox.costOf(Quantity.of(3)), perBox.currency())).isEqualTo(Money.of("100.00", "PEN"));
    }

    @Test
    void costOfAQuantityIsNotRounded() {
        assertThat(UnitCost.of("4.105", "CLP").costOf(Quantity.of("0.250"))).isEqualByComparingTo("1.02625");
    }

    @Test
    void refusesNegativeCostsAndZeroReceipts() {
        assertThatThrownBy(() -> UnitCost.of("-0.01", "EUR")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UnitCost.perUnit(Money.of("1", "EUR"), Quantity.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(UnitCost.of(Money.of("0", "EUR")).amount()).isZero();
    }
}
