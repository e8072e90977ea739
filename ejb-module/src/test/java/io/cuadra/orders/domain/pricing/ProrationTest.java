package io.cuadra.orders.domain.pricing;

import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProrationTest {

    private static Money pen(String amount) {
        return Money.of(amount, "PEN");
    }

    private static List<Money> pens(String... amounts) {
        return java.util.Arrays.stream(amounts).map(ProrationTest::pen).toList();
    }

    @Test
    void sharesFollowTheLineAmounts() {
        assertThat(Proration.prorate(pen("6.00"), pens("10.00", "20.00", "30.00")))
                .containsExactlyElementsOf(pens("1.00", "2.00", "3.00"));
    }

    @Test
    void leftOverCentsGoToTheLargestDroppedFractions() {
        // 1.00 x 1/6 = 16.67 cents, x 2/6 = 33.33, x 3/6 = 50: floors 16 + 33 + 50 = 99, the cent goes to 0.67
        assertThat(Proration.prorate(pen("1.00"), pens("1.00", "2.00", "3.00")))
                .containsExactlyElementsOf(pens("0.17", "0.33", "0.50"));
    }

    @Test
    void equalFractionsFavourTheEarlierLine() {
        assertThat(Proration.prorate(pen("0.02"), pens("1.00", "1.00", "1.00")))
                .containsExactlyElementsOf(pens("0.01", "0.01", "0.00"));
    }

    @Test
    void linesWorthNothingGetNothing() {
        assertThat(Proration.prorate(pen("0.05"), pens("0.00", "0.03", "0.00", "0.03")))
                .containsExactlyElementsOf(pens("0.00", "0.03", "0.00", "0.02"));
        assertThat(Proration.prorate(pen("0.00"), pens("0.00"))).containsExactly(pen("0.00"));
    }

    @Test
    void theWholeAmountTakesEveryLineToZero() {
        assertThat(Proration.prorate(pen("7.31"), pens("1.11", "2.22", "3.98")))
                .containsExactlyElementsOf(pens("1.11", "2.22", "3.98"));
    }

    @Test
    void refusesMoreThanTheLinesAreWorth() {
        assertThatThrownBy(() -> Proration.prorate(pen("3.01"), pens("1.00", "2.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
