package io.cuadra.reconciliation.infrastructure.batch;

import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.batch.runtime.context.JobContext;

import java.util.concurrent.Callable;

/**
 * A job runs on a batch thread with no request behind it: each artifact puts the tenant and the
 * person who started the job (parameters {@code tenantId}, {@code userId}, {@code actor}) on the
 * thread around its work, so tenant scoping, audit and created_by see them.
 */
final class JobActor {

    private JobActor() {
    }

    static Actor of(String tenantId, String userId, String actor, String jobName) {
        return new Actor(Long.parseLong(tenantId), userId == null || userId.isBlank() ? null : Long.valueOf(userId),
                actor, null, "batch:" + jobName);
    }

    /** From the job-level properties, for artifacts of steps that are not partitioned. */
    static Actor of(JobContext job) {
        return of(property(job, "tenantId"), property(job, "userId"), property(job, "actor"), job.getJobName());
    }

    static <T> T call(Actor actor, Callable<T> work) throws Exception {
        return TenantContext.runAs(actor, work);
    }

    static void run(Actor actor, Runnable work) {
        TenantContext.runAs(actor, work);
    }

    static String property(JobContext job, String name) {
        return job.getProperties().getProperty(name);
    }

    static long longProperty(JobContext job, String name) {
        return Long.parseLong(property(job, name));
    }
}
