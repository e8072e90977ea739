package io.cuadra.reconciliation.infrastructure.batch;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.Properties;

/**
 * One partition per location of the closure job ({@code locationIds}, in the order given), run two at
 * a time on this 2-core machine. The same parameters give the same plan, so a restart resumes each
 * failed partition from its own checkpoint.
 */
@Named
@Dependent
public class ClosurePartitions implements PartitionMapper {

    static final int THREADS = 2;

    @Inject
    @BatchProperty
    String locationIds;

    @Override
    public PartitionPlan mapPartitions() {
        long[] ids = ids(locationIds);
        Properties[] props = new Properties[ids.length];
        for (int i = 0; i < ids.length; i++) {
            props[i] = new Properties();
            props[i].setProperty("locationId", Long.toString(ids[i]));
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(ids.length);
        plan.setThreads(Math.max(1, Math.min(THREADS, ids.length)));
        plan.setPartitionProperties(props);
        return plan;
    }

    static long[] ids(String locationIds) {
        return Arrays.stream(locationIds.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .mapToLong(Long::parseLong).toArray();
    }
}
