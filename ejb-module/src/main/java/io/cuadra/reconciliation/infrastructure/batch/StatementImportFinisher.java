package io.cuadra.reconciliation.infrastructure.batch;

import io.cuadra.shared.tenancy.JobActor;

import io.cuadra.reconciliation.application.StatementImports;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Last step of the import: the statement's counts and period. */
@Named
@Dependent
public class StatementImportFinisher extends AbstractBatchlet {

    @Inject
    JobContext job;

    @EJB
    StatementImports imports;

    @Override
    public String process() throws Exception {
        long statementId = JobActor.longProperty(job, "statementId");
        JobActor.run(JobActor.of(job), () -> imports.finish(statementId));
        return BatchStatus.COMPLETED.name();
    }
}
