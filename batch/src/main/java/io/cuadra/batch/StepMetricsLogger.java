package io.cuadra.batch;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
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

    /** Absent when no metrics runtime is there (unit tests): the step then only logs. */
    @Inject
    Instance<MetricRegistry> metrics;

    private long startedNanos;

    @Override
    public void beforeStep() {
        startedNanos = System.nanoTime();
        LOG.info(() -> "Job " + jobContext.getJobName() + "#" + jobContext.getExecutionId() + " step "
                + stepContext.getStepName() + " started");
    }

    @Override
    public void afterStep() {
        LOG.info(() -> "Job " + jobContext.getJobName() + "#" + jobContext.getExecutionId() + " step "
                + stepContext.getStepName() + " " + stepContext.getBatchStatus() + " " + describe(stepContext.getMetrics()));
        if (metrics != null && metrics.isResolvable() && startedNanos != 0) {
            // ops lane: one timer per job and step (a partitioned step counts each partition)
            metrics.get().timer(STEP_DURATION, new Tag("job", jobContext.getJobName()),
                    new Tag("step", stepContext.getStepName()),
                    new Tag("status", String.valueOf(stepContext.getBatchStatus())))
                    .update(Duration.ofNanos(System.nanoTime() - startedNanos));
        }
    }

    private static final Metadata STEP_DURATION = Metadata.builder().withName("cuadra.job.step.duration")
            .withDescription("Durations of batch job steps, by job, step and outcome").build();

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
