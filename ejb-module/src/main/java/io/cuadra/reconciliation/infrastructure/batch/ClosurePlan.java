package io.cuadra.reconciliation.infrastructure.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * First step of the closure job: one location goes to the plain chunk step, several to the
 * partitioned one (one partition per location). The exit status ONE or MANY picks the next step.
 */
@Named
@Dependent
public class ClosurePlan extends AbstractBatchlet {

    @Inject
    @BatchProperty
    String locationIds;

    @Override
    public String process() {
        return ClosurePartitions.ids(locationIds).length == 1 ? "ONE" : "MANY";
    }
}
