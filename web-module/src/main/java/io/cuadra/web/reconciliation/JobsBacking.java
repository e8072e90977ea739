package io.cuadra.web.reconciliation;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.ReconciliationJobs;
import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.reconciliation.ReconciliationViews.JobExecutionView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import io.cuadra.web.shell.PagedModel;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.util.List;

/** Executions of the reconciliation jobs with their steps; failed ones can be restarted from here. */
@Named
@ViewScoped
public class JobsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ReconciliationJobs jobs;

    private String job;

    private final LazyDataModel<JobExecutionView> rows = PagedModel.of(
            this::page, row -> Long.toString(row.executionId()));

    private Page<JobExecutionView> page(int page, int size) {
        return jobs.executions(job == null || job.isBlank() ? null : job, page, size).map(JobExecutionView::of);
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.CREATE)
    public void restart(long executionId) {
        ReconciliationJobRun run = FacesActions.attempt(() -> jobs.restart(executionId));
        if (run != null) {
            FacesActions.info(Texts.get("reconciliation.jobs.restarted", executionId, run.getExecutionId()));
        }
    }

    public LazyDataModel<JobExecutionView> getRows() {
        return rows;
    }

    public List<String> getJobNames() {
        return List.of(ReconciliationJobs.CLOSURE_JOB, ReconciliationJobs.IMPORT_JOB, ReconciliationJobs.MATCHING_JOB);
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }
}
