package io.cuadra.inventory.application;

import io.cuadra.inventory.domain.StockCount;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.JobActor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.Properties;

/**
 * Starts and watches the stock-count-confirmation job. Jobs are started from here (the ejb module
 * holds the job XML) and their status can only be read by the module that started them.
 */
@Stateless
public class CountJobs {

    public static final String JOB = "stock-count-confirmation";

    @EJB
    CountService counts;

    @EJB
    CountConfirmation confirmation;

    /**
     * Freezes the count (committed on its own), then starts the job that applies it. Not in a
     * transaction itself: the job must see the count as CONFIRMING when it begins.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public StockCount confirm(long countId, long expectedVersion) {
        counts.markConfirming(countId, expectedVersion);
        Actor actor = TenantContext.require();
        Properties parameters = JobActor.parameters(actor);
        parameters.setProperty("countId", Long.toString(countId));
        long execution;
        try {
            execution = BatchRuntime.getJobOperator().start(JOB, parameters);
        } catch (RuntimeException e) {
            confirmation.fail(countId, "The confirmation job could not start: " + e.getMessage());
            throw e;
        }
        counts.recordExecution(countId, execution);
        return counts.find(countId);
    }

    /** The batch status of a count's confirmation, or null when it never ran. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public BatchStatus status(StockCount count) {
        if (count.getJobExecutionId() == null) {
            return null;
        }
        JobOperator operator = BatchRuntime.getJobOperator();
        try {
            return operator.getJobExecution(count.getJobExecutionId()).getBatchStatus();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
