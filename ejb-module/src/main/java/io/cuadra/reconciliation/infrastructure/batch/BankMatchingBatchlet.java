package io.cuadra.reconciliation.infrastructure.batch;

import io.cuadra.shared.tenancy.JobActor;

import io.cuadra.reconciliation.application.MatchingService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.logging.Logger;

/** The matching run as a batch step (alone, or after a statement import); its outcome is the exit status. */
@Named
@Dependent
public class BankMatchingBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(BankMatchingBatchlet.class.getName());

    @Inject
    JobContext job;

    @EJB
    MatchingService matching;

    @Override
    public String process() throws Exception {
        MatchingService.Outcome outcome = JobActor.call(JobActor.of(job), matching::run);
        LOG.info(() -> "Bank matching: " + outcome);
        return "MATCHED " + outcome.matched() + " SUGGESTED " + outcome.suggested() + " OF " + outcome.credits()
                + " CREDITS";
    }
}
