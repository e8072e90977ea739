package io.cuadra.web.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateWindowsTest {

    @Test
    void countsEachCallerInItsOwnWindowAndRefusesPastTheLimit() {
        RateWindows windows = new RateWindows(3, 60);
        long t0 = 1_000_000L;
        assertThat(windows.take("a", t0).remaining()).isEqualTo(2);
        assertThat(windows.take("a", t0 + 1).remaining()).isEqualTo(1);
        RateWindows.Decision third = windows.take("a", t0 + 2);
        assertThat(third.allowed()).isTrue();
        assertThat(third.remaining()).isZero();
        RateWindows.Decision fourth = windows.take("a", t0 + 10_000);
        assertThat(fourth.allowed()).isFalse();
        assertThat(fourth.resetSeconds()).isEqualTo(50);
        assertThat(fourth.header()).isEqualTo("limit=3, remaining=0, reset=50");
        assertThat(fourth.policy()).isEqualTo("3;w=60");
        // Another caller is not affected.
        assertThat(windows.take("b", t0 + 10_000).allowed()).isTrue();
    }

    @Test
    void aNewWindowOpensWhenTheLastOneHasEnded() {
        RateWindows windows = new RateWindows(1, 10);
        assertThat(windows.take("a", 0).allowed()).isTrue();
        assertThat(windows.take("a", 9_999).allowed()).isFalse();
        RateWindows.Decision next = windows.take("a", 10_000);
        assertThat(next.allowed()).isTrue();
        assertThat(next.resetSeconds()).isEqualTo(10);
    }

    @Test
    void refusesALimitThatLetsNothingThrough() {
        assertThatThrownBy(() -> new RateWindows(0, 60)).isInstanceOf(IllegalArgumentException.class);
    }
}
