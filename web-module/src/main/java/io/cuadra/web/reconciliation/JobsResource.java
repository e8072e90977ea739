package io.cuadra.web.reconciliation;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.ReconciliationJobs;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.reconciliation.ReconciliationViews.JobExecutionView;
import io.cuadra.web.reconciliation.ReconciliationViews.JobRunView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Executions of the reconciliation jobs (closure, statement import, matching): status, step counts, restart. */
@RequestScoped
@Path("reconciliation/jobs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reconciliation jobs")
@SecurityRequirement(name = "bearer")
public class JobsResource {

    @EJB
    ReconciliationJobs jobs;

    @GET
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "Executions of the tenant's reconciliation jobs, newest first",
            description = "job = daily-closure, bank-statement-import or bank-matching; all when left out.")
    public PageView<JobExecutionView> listJobExecutions(@QueryParam("job") Job job, @QueryParam("page") Integer page,
                                                        @QueryParam("size") Integer size) {
        Page<JobExecutionView> result = jobs.executions(job == null ? null : job.jobName,
                Page.number(page), Page.size(size, 20)).map(JobExecutionView::of);
        return PageView.of(result);
    }

    /** The three jobs, by enum name or by their job name ({@code daily-closure}): anything else is a 400. */
    public enum Job {
        DAILY_CLOSURE(ReconciliationJobs.CLOSURE_JOB),
        BANK_STATEMENT_IMPORT(ReconciliationJobs.IMPORT_JOB),
        BANK_MATCHING(ReconciliationJobs.MATCHING_JOB);

        final String jobName;

        Job(String jobName) {
            this.jobName = jobName;
        }

        /** The job named {@code name} as the batch runtime knows it, or null. */
        public static Job byJobName(String name) {
            for (Job j : values()) {
                if (j.jobName.equals(name)) {
                    return j;
                }
            }
            return null;
        }
    }

    @GET
    @Path("{executionId}")
    @Permitted(module = Module.RECONCILIATION, action = Action.VIEW)
    @Operation(summary = "One execution: status, start and end, and per step read/written/skipped/committed")
    @APIResponse(responseCode = "200", description = "The execution",
            content = @Content(schema = @Schema(implementation = JobExecutionView.class)))
    public JobExecutionView getJobExecution(@PathParam("executionId") long executionId) {
        return JobExecutionView.of(jobs.execution(executionId));
    }

    @POST
    @Path("{executionId}/restart")
    @Permitted(module = Module.RECONCILIATION, action = Action.CREATE)
    @Operation(summary = "Restart a failed or stopped execution from its last checkpoint",
            description = "Committed chunks are not read again; a failure the execution was told to inject is not "
                    + "repeated.")
    @APIResponse(responseCode = "202", description = "Restarted",
            content = @Content(schema = @Schema(implementation = JobRunView.class)))
    public Response restartJobExecution(@PathParam("executionId") long executionId) {
        return Response.accepted(JobRunView.of(jobs.restart(executionId))).build();
    }
}
