package io.cuadra.shared.tenancy;

import jakarta.batch.runtime.context.JobContext;

import java.util.Properties;
import java.util.concurrent.Callable;

/**
 * The one way a tenant and a person travel into a Jakarta Batch job. A job runs on a batch thread with no request
 * behind it: the starter puts {@link #parameters(Actor)} into the job parameters ({@code tenantId}, {@code userId},
 * {@code actor}), the job XML hands them to its artifacts as batch properties, and each artifact puts the actor on
 * the thread around its work, so tenant scoping, audit and created_by see them.
 */
public final class JobActor {

    private JobActor() {
    }

    /** The job parameters that carry {@code actor} (more may be added by the starter). */
    public static Properties parameters(Actor actor) {
        Properties p = new Properties();
        p.setProperty("tenantId", Long.toString(actor.tenantId()));
        p.setProperty("actor", actor.name());
        p.setProperty("userId", actor.userId() == null ? "" : actor.userId().toString());
        return p;
    }

    /** The actor an artifact was given through its batch properties. */
    public static Actor of(String tenantId, String userId, String actor, String jobName) {
        return new Actor(Long.parseLong(tenantId), userId == null || userId.isBlank() ? null : Long.valueOf(userId),
                actor, null, "batch:" + jobName);
    }

    /** From the job-level properties, for artifacts of steps that are not partitioned. */
    public static Actor of(JobContext job) {
        return of(property(job, "tenantId"), property(job, "userId"), property(job, "actor"), job.getJobName());
    }

    public static <T> T call(Actor actor, Callable<T> work) throws Exception {
        return TenantContext.runAs(actor, work);
    }

    public static void run(Actor actor, Runnable work) {
        TenantContext.runAs(actor, work);
    }

    public static String property(JobContext job, String name) {
        return job.getProperties().getProperty(name);
    }

    public static long longProperty(JobContext job, String name) {
        return Long.parseLong(property(job, name));
    }
}
