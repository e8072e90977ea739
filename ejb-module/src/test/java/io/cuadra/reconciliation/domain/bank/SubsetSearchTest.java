package io.cuadra.reconciliation.domain.bank;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubsetSearchTest {

    private static List<BigDecimal> amounts(String... values) {
        return Stream.of(values).map(BigDecimal::new).toList();
    }

    @Test
    void findsEveryGroupOfTwoOrMoreThatHitsTheTarget() {
        List<int[]> groups = SubsetSearch.find(amounts("120.00", "80.00", "50.00", "30.00", "200.00"),
                new BigDecimal("200.00"), BigDecimal.ZERO, 4, 1_000);

        assertThat(groups).containsExactlyInAnyOrder(new int[] {0, 1}, new int[] {0, 2, 3});
    }

    @Test
    void respectsToleranceAndMaximumSize() {
        assertThat(SubsetSearch.find(amounts("99.50", "0.40"), new BigDecimal("100.00"), new BigDecimal("0.10"), 4, 100))
                .containsExactly(new int[] {0, 1});
        assertThat(SubsetSearch.find(amounts("99.50", "0.40"), new BigDecimal("100.00"), new BigDecimal("0.05"), 4, 100))
                .isEmpty();
        assertThat(SubsetSearch.find(amounts("10", "10", "10", "10"), new BigDecimal("40"), BigDecimal.ZERO, 3, 1_000))
                .isEmpty();
    }

    @Test
    void stopsAfterTheStepBudget() {
        List<BigDecimal> thirty = Collections.nCopies(30, new BigDecimal("10.00"));

        List<int[]> unbounded = SubsetSearch.find(thirty, new BigDecimal("40.00"), BigDecimal.ZERO, 4, Integer.MAX_VALUE);
        List<int[]> bounded = SubsetSearch.find(thirty, new BigDecimal("40.00"), BigDecimal.ZERO, 4, 500);

        assertThat(unbounded).hasSize(27_405); // C(30, 4)
        assertThat(bounded).isNotEmpty().hasSizeLessThan(500);
    }

    @Test
    void refusesNonPositiveAmounts() {
        assertThatThrownBy(() -> SubsetSearch.find(amounts("10", "-5"), BigDecimal.TEN, BigDecimal.ZERO, 2, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
