package io.cuadra.imports.infrastructure.batch;

import io.cuadra.imports.application.ImportRecords;
import io.cuadra.shared.tenancy.JobActor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Puts the import's tenant and the user who started it in the {@link TenantContext} of the job's thread
 * (the job runs on a pooled thread with no request behind it), so every query is scoped to the tenant and
 * every change audited under that user; records the execution on the import, and takes the context away
 * when the job ends.
 */
@Named
@Dependent
public class ImportJobListener implements JobListener {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String importId;

    @Inject
    @BatchProperty
    String tenantId;

    @Inject
    @BatchProperty
    String userId;

    @Inject
    @BatchProperty
    String actor;

    @EJB
    ImportRecords records;

    @Override
    public void beforeJob() {
        TenantContext.set(JobActor.of(tenantId, userId, actor, job.getJobName() + "#" + job.getExecutionId()));
        records.executionStarted(Long.parseLong(importId), job.getExecutionId());
    }

    @Override
    public void afterJob() {
        try {
            String failure = JobNotes.failure(job);
            if (failure == null && job.getBatchStatus() == BatchStatus.FAILED) {
                failure = "The import stopped on an error; restart it to go on from where it stopped.";
            }
            records.executionEnded(Long.parseLong(importId), failure);
        } finally {
            TenantContext.clear();
        }
    }
}
