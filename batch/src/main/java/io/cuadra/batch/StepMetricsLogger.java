package io.cuadra.batch;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Writes one line per finished step to server.log with its read/write/skip/commit counts, so an
 * operator sees what a job did without opening the job repository. Jobs name it in their XML:
 * {@code <listener ref="stepMetricsLogger"/>}.
 */
@Named
@Dependent
public class StepMetricsLogger implements StepListener {

    private static final Logger LOG = Logger.getLogger(StepMetricsLogger.class.getName());

    @Inject
    JobContext jobContext;

    @Inject
    StepContext stepContext;

    @Override
    public void beforeStep() {
        LOG.info(() -> "Job " + jobContext.getJobName() + "#" + jobContext.getExecutionId() + " step "
                + stepContext.getStepName() + " started");
    }

    @Override
    public void afterStep() {
        LOG.info(() -> "Job " + jobContext.getJobName() + "#" + jobContext.getExecutionId() + " step "
                + stepContext.getStepName() + " " + stepContext.getBatchStatus() + " " + describe(stepContext.getMetrics()));
    }

    static String describe(Metric[] metrics) {
        if (metrics == null || metrics.length == 0) {
            return "(no metrics)";
        }
        return Arrays.stream(metrics)
                .sorted(Comparator.comparing(m -> m.getType().name()))
                .map(m -> m.getType().name().toLowerCase().replace("_count", "") + "=" + m.getValue())
                .collect(Collectors.joining(" "));
    }
}
