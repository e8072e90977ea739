package io.cuadra.reconciliation.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One execution of a reconciliation job as people see it: what it covered, what triggered it, its
 * status and times, and per step what it read, wrote, skipped and committed.
 */
public record JobExecutionInfo(long executionId, long instanceId, String jobName, String batchStatus,
                               String exitStatus, Instant startedAt, Instant endedAt, Long locationId,
                               LocalDate businessDate, Long statementId, String trigger, Long restartOf,
                               String startedBy, boolean restartable, List<Step> steps) {

    public JobExecutionInfo {
        steps = List.copyOf(steps);
    }

    public record Step(String name, String batchStatus, String exitStatus, Instant startedAt, Instant endedAt,
                       long read, long written, long filtered, long readSkipped, long processSkipped,
                       long writeSkipped, long commits, long rollbacks) {
    }
}
