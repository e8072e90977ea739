package io.cuadra.reconciliation.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Caller;
import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.JobActor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Starts, lists and restarts the reconciliation jobs. Jobs are started from here (the ejb module) so
 * their status can be read from here too, and outside any transaction: the batch runtime writes its
 * job repository in the same database, and a job starting in another thread must see it committed.
 * Each execution is recorded for the tenant; executions of another tenant are never listed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReconciliationJobs {

    public static final String CLOSURE_JOB = "daily-closure";
    public static final String IMPORT_JOB = "bank-statement-import";
    public static final String MATCHING_JOB = "bank-matching";

    /** Steps run as partitions (one per location), whose counts the batch runtime reports per job instance. */
    private static final Set<String> PARTITIONED_STEPS = Set.of("tally-all");

    private static final Metric.MetricType[] METRICS = {Metric.MetricType.READ_COUNT, Metric.MetricType.WRITE_COUNT,
            Metric.MetricType.FILTER_COUNT, Metric.MetricType.READ_SKIP_COUNT, Metric.MetricType.PROCESS_SKIP_COUNT,
            Metric.MetricType.WRITE_SKIP_COUNT, Metric.MetricType.COMMIT_COUNT, Metric.MetricType.ROLLBACK_COUNT};

    @EJB
    JobRuns runs;

    /**
     * Items per chunk. Every chunk costs the batch runtime's checkpoint and status writes and a commit; on
     * this shared machine those, not the reading, set the pace: 100,000 orders took 85 s in chunks of 1,000,
     * 26 s in chunks of 5,000 and 14 s in chunks of 10,000 (README, Reconciliation).
     */
    @Inject
    @ConfigProperty(name = "cuadra.reconciliation.closure.item-count", defaultValue = "10000")
    int closureItemCount;

    @Inject
    @ConfigProperty(name = "cuadra.reconciliation.import.item-count", defaultValue = "200")
    int importItemCount;

    /**
     * The closure of some locations' day. {@code failAfterItems} makes the job fail once that many
     * items were written in one execution, to rehearse a restart; a restart never repeats it.
     */
    public ReconciliationJobRun startClosure(Collection<Long> locationIds, LocalDate businessDate, Integer itemCount,
                                             Integer failAfterItems, ReconciliationJobRun.Trigger trigger) {
        if (locationIds.isEmpty()) {
            throw new RuleViolation("There is no location to close.").withKey("reconciliation.locationClose");
        }
        Properties p = base();
        p.setProperty("locationIds", locationIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        p.setProperty("businessDate", businessDate.toString());
        p.setProperty("runKey", UUID.randomUUID().toString());
        p.setProperty("itemCount", Integer.toString(itemCount == null ? closureItemCount : itemCount));
        if (failAfterItems != null) {
            p.setProperty("failAfterItems", failAfterItems.toString());
        }
        Long single = locationIds.size() == 1 ? locationIds.iterator().next() : null;
        return start(CLOSURE_JOB, p, single, businessDate, null, trigger);
    }

    public ReconciliationJobRun startImport(long statementId) {
        Properties p = base();
        p.setProperty("statementId", Long.toString(statementId));
        p.setProperty("itemCount", Integer.toString(importItemCount));
        return start(IMPORT_JOB, p, null, null, statementId, ReconciliationJobRun.Trigger.IMPORT);
    }

    public ReconciliationJobRun startMatching() {
        return start(MATCHING_JOB, base(), null, null, null, ReconciliationJobRun.Trigger.MANUAL);
    }

    /** Restarts a failed or stopped execution from its last checkpoint, without the failure it was told to inject. */
    public ReconciliationJobRun restart(long executionId) {
        ReconciliationJobRun original = visible(runs.byExecution(executionId));
        JobOperator ops = BatchRuntime.getJobOperator();
        BatchStatus status = ops.getJobExecution(executionId).getBatchStatus();
        if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED || runs.restarted(executionId)) {
            throw new Conflict("Execution " + executionId + " is " + status + (runs.restarted(executionId)
                    ? " and was restarted already" : "") + "; only the latest failed or stopped execution can be restarted.").withKey("reconciliation.executionOnlyLatest", executionId, status, (runs.restarted(executionId)
                    ? " and was restarted already" : ""));
        }
        Properties p = ops.getParameters(executionId);
        p.remove("failAfterItems");
        Actor actor = TenantContext.require();
        p.setProperty("actor", actor.name());
        p.setProperty("userId", actor.userId() == null ? "" : actor.userId().toString());
        long next;
        try {
            next = ops.restart(executionId, p);
        } catch (RuntimeException e) {
            throw new Conflict("Execution " + executionId + " cannot be restarted: " + e.getMessage()).withKey("reconciliation.executionCannotRestarted", executionId, e.getMessage());
        }
        return runs.record(new ReconciliationJobRun(next, ops.getJobInstance(next).getInstanceId(),
                original.getJobName(), original.getLocationId(), original.getBusinessDate(),
                original.getStatementId(), executionId, ReconciliationJobRun.Trigger.RESTART));
    }

    public Page<JobExecutionInfo> executions(String jobName, int page, int size) {
        List<JobExecutionInfo> items = new ArrayList<>();
        for (ReconciliationJobRun r : runs.latest(jobName, page * size, size)) {
            if (isVisible(r)) {
                items.add(info(r));
            }
        }
        return new Page<>(items, runs.count(jobName), page, size);
    }

    public JobExecutionInfo execution(long executionId) {
        return info(visible(runs.byExecution(executionId)));
    }

    /** Waits until the execution has ended (or the timeout passes) and answers its status; for jobs run in a request. */
    public BatchStatus awaitEnd(long executionId, long timeoutMillis) {
        JobOperator ops = BatchRuntime.getJobOperator();
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (true) {
            BatchStatus s = ops.getJobExecution(executionId).getBatchStatus();
            if (s == BatchStatus.COMPLETED || s == BatchStatus.FAILED || s == BatchStatus.STOPPED
                    || s == BatchStatus.ABANDONED || System.currentTimeMillis() > deadline) {
                return s;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return s;
            }
        }
    }

    private ReconciliationJobRun start(String job, Properties p, Long locationId, LocalDate date, Long statementId,
                                       ReconciliationJobRun.Trigger trigger) {
        JobOperator ops = BatchRuntime.getJobOperator();
        long execution = ops.start(job, p);
        long instance = ops.getJobInstance(execution).getInstanceId();
        return runs.record(new ReconciliationJobRun(execution, instance, job, locationId, date, statementId, null,
                trigger));
    }

    /** Who the job acts for: the tenant, and the person (or process) whose name goes into audit and created_by. */
    private static Properties base() {
        return JobActor.parameters(TenantContext.require());
    }

    private static boolean isVisible(ReconciliationJobRun r) {
        Caller caller = CurrentCaller.get().orElse(null);
        return caller == null || r.getLocationId() == null || caller.worksAt(r.getLocationId());
    }

    private static ReconciliationJobRun visible(ReconciliationJobRun r) {
        if (!isVisible(r)) {
            throw new NotFound("No job execution " + r.getExecutionId() + ".").withKey("reconciliation.jobExecution", r.getExecutionId());
        }
        return r;
    }

    private JobExecutionInfo info(ReconciliationJobRun r) {
        JobOperator ops = BatchRuntime.getJobOperator();
        JobExecution e;
        List<StepExecution> steps;
        try {
            e = ops.getJobExecution(r.getExecutionId());
            steps = ops.getStepExecutions(r.getExecutionId());
        } catch (NoSuchJobExecutionException gone) {
            return new JobExecutionInfo(r.getExecutionId(), r.getInstanceId(), r.getJobName(), "UNKNOWN", null, null,
                    null, r.getLocationId(), r.getBusinessDate(), r.getStatementId(), r.getTrigger().name(),
                    r.getRestartOf(), r.getCreatedBy(), false, List.of());
        }
        List<JobExecutionInfo.Step> stepInfos = new ArrayList<>();
        for (StepExecution s : steps == null ? List.<StepExecution>of() : steps) {
            long[] m = metrics(s);
            if (PARTITIONED_STEPS.contains(s.getStepName()) && r.getRestartOf() != null) {
                long[] before = countsBefore(ops, r.getRestartOf(), s.getStepName());
                for (int i = 0; i < m.length; i++) {
                    m[i] -= before[i];
                }
            }
            stepInfos.add(new JobExecutionInfo.Step(s.getStepName(), name(s.getBatchStatus()), s.getExitStatus(),
                    instant(s.getStartTime()), instant(s.getEndTime()), m[0], m[1], m[2], m[3], m[4], m[5], m[6], m[7]));
        }
        boolean restartable = (e.getBatchStatus() == BatchStatus.FAILED || e.getBatchStatus() == BatchStatus.STOPPED)
                && !runs.restarted(r.getExecutionId());
        return new JobExecutionInfo(r.getExecutionId(), r.getInstanceId(), r.getJobName(), name(e.getBatchStatus()),
                e.getExitStatus(), instant(e.getStartTime()), instant(e.getEndTime()), r.getLocationId(),
                r.getBusinessDate(), r.getStatementId(), r.getTrigger().name(), r.getRestartOf(), r.getCreatedBy(),
                restartable, stepInfos);
    }

    /** Read, write, filter, read-skip, process-skip, write-skip, commit and rollback counts, in that order. */
    private static long[] metrics(StepExecution s) {
        long[] m = new long[METRICS.length];
        for (Metric metric : s.getMetrics() == null ? new Metric[0] : s.getMetrics()) {
            for (int i = 0; i < METRICS.length; i++) {
                if (metric.getType() == METRICS[i]) {
                    m[i] = metric.getValue();
                }
            }
        }
        return m;
    }

    /**
     * What a partitioned step had counted up to the latest earlier execution of the same job instance
     * that ran it: the batch runtime sums a partitioned step's counts over the partitions of every
     * execution of the instance, so a restart's own work is its total minus this.
     */
    private long[] countsBefore(JobOperator ops, Long executionId, String stepName) {
        for (Long e = executionId; e != null; e = runs.byExecution(e).getRestartOf()) {
            List<StepExecution> earlier = ops.getStepExecutions(e);
            for (StepExecution s : earlier == null ? List.<StepExecution>of() : earlier) {
                if (s.getStepName().equals(stepName)) {
                    return metrics(s);
                }
            }
        }
        return new long[METRICS.length];
    }

    private static String name(BatchStatus s) {
        return s == null ? null : s.name();
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
