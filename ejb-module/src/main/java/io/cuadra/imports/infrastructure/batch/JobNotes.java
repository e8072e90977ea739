package io.cuadra.imports.infrastructure.batch;

import jakarta.batch.runtime.context.JobContext;

/**
 * Why a job stopped early, in words for the person who uploaded the file, handed from the artifact
 * that met the problem to {@link ImportJobListener#afterJob()} through the job's transient data.
 */
final class JobNotes {

    private JobNotes() {
    }

    static void failure(JobContext job, String sentence) {
        if (job.getTransientUserData() == null) {
            job.setTransientUserData(sentence);
        }
    }

    static String failure(JobContext job) {
        return job.getTransientUserData() instanceof String s ? s : null;
    }
}
