package io.cuadra.reconciliation.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * One execution of a reconciliation job started for the tenant. The batch runtime's own repository
 * holds status and metrics; this row says whose it is, what it covers and what triggered it, so
 * executions are listed per tenant and never across tenants.
 */
@Entity
@Table(name = "reconciliation_job_runs")
public class ReconciliationJobRun extends TenantEntity {

    public enum Trigger { MANUAL, SCHEDULE, RESTART, IMPORT }

    @Column(name = "execution_id", nullable = false, updatable = false)
    private long executionId;
    @Column(name = "instance_id", nullable = false, updatable = false)
    private long instanceId;
    @Column(name = "job_name", nullable = false, updatable = false)
    private String jobName;
    @Column(name = "location_id", updatable = false)
    private Long locationId;
    @Column(name = "business_date", updatable = false)
    private LocalDate businessDate;
    @Column(name = "statement_id", updatable = false)
    private Long statementId;
    @Column(name = "restart_of", updatable = false)
    private Long restartOf;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Trigger trigger;

    protected ReconciliationJobRun() {
    }

    public ReconciliationJobRun(long executionId, long instanceId, String jobName, Long locationId,
                                LocalDate businessDate, Long statementId, Long restartOf, Trigger trigger) {
        this.executionId = executionId;
        this.instanceId = instanceId;
        this.jobName = jobName;
        this.locationId = locationId;
        this.businessDate = businessDate;
        this.statementId = statementId;
        this.restartOf = restartOf;
        this.trigger = trigger;
    }

    public long getExecutionId() {
        return executionId;
    }

    public long getInstanceId() {
        return instanceId;
    }

    public String getJobName() {
        return jobName;
    }

    public Long getLocationId() {
        return locationId;
    }

    public LocalDate getBusinessDate() {
        return businessDate;
    }

    public Long getStatementId() {
        return statementId;
    }

    public Long getRestartOf() {
        return restartOf;
    }

    public Trigger getTrigger() {
        return trigger;
    }
}
