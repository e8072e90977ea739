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
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Executions of the reconciliation jobs with their steps; failed ones can be restarted from here. */
@Named
@ViewScoped
public class JobsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ReconciliationJobs jobs;

    private String job;

    private final LazyDataModel<JobExecutionView> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) page(0, 1).total();
        }

        @Override
        public List<JobExecutionView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                           Map<String, FilterMeta> filterBy) {
            Page<JobExecutionView> page = page(first / pageSize, pageSize);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(JobExecutionView row) {
            return Long.toString(row.executionId());
        }
    };

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
