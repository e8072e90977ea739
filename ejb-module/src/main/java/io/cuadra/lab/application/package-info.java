/**
 * The lab component's services: orders out to the location's LIS from the orders component's events (outbox in
 * the same transaction, delivery after commit), results in (ORU^R01 recorded for the order's tenant, the order
 * completed, RESULTS_READY raised), the sync log as people use it (retry, send again) and the tenant's LIS setup.
 */
package io.cuadra.lab.application;
