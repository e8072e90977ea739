package io.cuadra.reconciliation.application;

import io.cuadra.reconciliation.events.ReconciliationDiscrepancyFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.logging.Logger;

/**
 * Writes each discrepancy found to server.log once its transaction has committed: the operator's
 * trail until notifications to supervisors observe the same event. Nothing is logged for a chunk
 * that rolled back.
 */
@ApplicationScoped
public class DiscrepancyAlerts {

    private static final Logger LOG = Logger.getLogger(DiscrepancyAlerts.class.getName());

    void log(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReconciliationDiscrepancyFound found) {
        LOG.info(() -> "Reconciliation discrepancy found: tenant " + found.tenantId() + ", " + found.locationCode()
                + " " + found.businessDate() + ", " + found.type() + " #" + found.discrepancyId() + ": "
                + found.description());
    }
}
