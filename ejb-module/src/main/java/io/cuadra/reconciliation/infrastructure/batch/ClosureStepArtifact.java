package io.cuadra.reconciliation.infrastructure.batch;

import io.cuadra.shared.tenancy.JobActor;

import io.cuadra.shared.tenancy.Actor;
import jakarta.batch.api.BatchProperty;
import jakarta.inject.Inject;

import java.time.LocalDate;

/**
 * What the reader and the writer of a closure partition share: the job parameters, declared on each
 * of them in daily-closure.xml (a partition sees its artifacts' properties, not the job's).
 * {@code runKey} names the job run across restarts; partial tallies are kept under it.
 */
abstract class ClosureStepArtifact {

    @Inject
    @BatchProperty
    String tenantId;

    @Inject
    @BatchProperty
    String userId;

    @Inject
    @BatchProperty
    String actor;

    @Inject
    @BatchProperty
    String locationId;

    @Inject
    @BatchProperty
    String businessDate;

    @Inject
    @BatchProperty
    String itemCount;

    @Inject
    @BatchProperty
    String failAfterItems;

    @Inject
    @BatchProperty
    String runKey;

    Actor actor() {
        return JobActor.of(tenantId, userId, actor, "daily-closure");
    }

    long tenant() {
        return Long.parseLong(tenantId);
    }

    long location() {
        return Long.parseLong(locationId);
    }

    LocalDate day() {
        return LocalDate.parse(businessDate);
    }

    int pageSize() {
        return Integer.parseInt(itemCount);
    }

    Integer failAfter() {
        return failAfterItems == null || failAfterItems.isBlank() ? null : Integer.valueOf(failAfterItems);
    }

    String runKey() {
        return runKey;
    }
}
