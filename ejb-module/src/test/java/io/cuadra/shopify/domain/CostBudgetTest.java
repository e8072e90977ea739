package io.cuadra.shopify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CostBudgetTest {

    @Test
    void noWaitWhileTheBucketHoldsTheNextQuery() {
        assertThat(new CostBudget(2000, 500, 100).waitBefore(302)).isEqualTo(Duration.ZERO);
    }

    @Test
    void waitsForWhatIsMissingAtTheRestoreRate() {
        // 302 asked, 50 there: 252 points at 100/s is 2.52 s
        assertThat(new CostBudget(2000, 50, 100).waitBefore(302)).isEqualTo(Duration.ofMillis(2520));
    }

    @Test
    void aQueryCostlierThanTheBucketWaitsForAFullBucketOnlyAndLongWaitsAreCapped() {
        assertThat(new CostBudget(1000, 900, 50).waitBefore(5000)).isEqualTo(Duration.ofSeconds(2));
        assertThat(new CostBudget(1000, 0, 0).waitBefore(10)).isEqualTo(CostBudget.MAX_WAIT);
        assertThat(new CostBudget(1000, 0, 1).waitBefore(1000)).isEqualTo(CostBudget.MAX_WAIT);
    }

    @Test
    void afterThrottledUsesTheReportedBucketElseBacksOffExponentially() {
        assertThat(CostBudget.afterThrottled(new CostBudget(2000, 2, 100), 302, 1)).isEqualTo(Duration.ofMillis(3000));
        assertThat(CostBudget.afterThrottled(null, 302, 1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(CostBudget.afterThrottled(null, 302, 3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(CostBudget.afterThrottled(new CostBudget(2000, 2000, 100), 302, 2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(CostBudget.afterThrottled(null, 302, 20)).isEqualTo(Duration.ofSeconds(30));
    }
}
