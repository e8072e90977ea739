/**
 * Operations: what the people who run Cuadra watch — business and platform figures for Prometheus (orders,
 * documents by status, outbox backlog, job durations, database connections) and the reachability of SUNAT for
 * readiness. It reads other components' tables and events; nothing depends on it.
 */
package io.cuadra.operations;
