package io.cuadra.batch;

import jakarta.batch.runtime.Metric;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StepMetricsLoggerTest {

    record M(MetricType getType, long getValue) implements Metric {
    }

    @Test
    void describesCountsInAStableOrder() {
        Metric[] metrics = {new M(Metric.MetricType.WRITE_COUNT, 98), new M(Metric.MetricType.READ_COUNT, 100),
                new M(Metric.MetricType.PROCESS_SKIP_COUNT, 2)};
        assertThat(StepMetricsLogger.describe(metrics)).isEqualTo("process_skip=2 read=100 write=98");
    }

    @Test
    void saysWhenThereAreNoMetrics() {
        assertThat(StepMetricsLogger.describe(new Metric[0])).isEqualTo("(no metrics)");
    }
}
