package io.cuadra.inventory.infrastructure.batch;


import io.cuadra.inventory.application.CountConfirmation;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.JobActor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The step of the stock-count-confirmation job: applies the count for the tenant and person who
 * confirmed it (their names go on the moves and in the audit log). A refusal puts the count back to
 * OPEN with the reason and fails the job.
 */
@Named("stockCountConfirmation")
@Dependent
public class StockCountBatchlet extends AbstractBatchlet {

    private static final Logger LOG = Logger.getLogger(StockCountBatchlet.class.getName());

    @Inject
    @BatchProperty
    String countId;

    @Inject
    @BatchProperty
    String tenantId;

    @Inject
    @BatchProperty
    String actor;

    @Inject
    @BatchProperty
    String userId;

    @EJB
    CountConfirmation confirmation;

    @Override
    public String process() throws Exception {
        long count = Long.parseLong(countId);
        Actor actor = JobActor.of(tenantId, userId, this.actor, "stock-count-confirmation");
        try {
            int adjustments = TenantContext.runAs(actor, () -> confirmation.apply(count));
            LOG.info(() -> "Count " + count + " confirmed with " + adjustments + " adjustments");
            return "CONFIRMED";
        } catch (Exception e) {
            Throwable cause = e;
            while (cause.getCause() != null && (cause instanceof jakarta.ejb.EJBException
                    || cause.getMessage() == null)) {
                cause = cause.getCause();
            }
            String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
            LOG.log(Level.WARNING, "Count " + count + " could not be confirmed: " + reason, e);
            TenantContext.runAs(actor, () -> confirmation.fail(count, reason));
            throw e;
        }
    }
}
