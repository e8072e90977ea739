package io.cuadra.operations.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/**
 * Registers the metrics at start and, every 15 s, gauges for outbox topics that appeared since (a topic's series
 * exists from its first undelivered message on). Per server, not persistent: every server exposes its own.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MetricsRefresh {

    @Inject
    BusinessMetrics metrics;

    @Inject
    OperationsFigures figures;

    @PostConstruct
    void start() {
        metrics.register();
    }

    @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "metrics: outbox topics")
    void refresh() {
        metrics.seeTopics(figures.now().outbox());
    }
}
