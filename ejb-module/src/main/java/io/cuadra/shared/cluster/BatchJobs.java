package io.cuadra.shared.cluster;

import io.cuadra.shared.infrastructure.CrossTenantSql;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * Batch jobs that outlive the server that started them. A starter goes through {@link #start}, which names this
 * server as the execution's owner ({@code batch_job_owners}); {@link ServerHeartbeat} finds executions still
 * STARTED whose owner stopped beating (or restarted since: JBatch does not resume them) and hands each to
 * {@link #takeOver}, which claims it for this server, marks it failed in the job repository and restarts it from
 * its last checkpoint with the parameters it had. Chunks committed before the death are not redone.
 */
@Stateless
public class BatchJobs {

    private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    OnceOnly servers;

    /** Starts the job and records this server as its owner (in the caller's transaction, as the job's own rows). */
    public long start(String jobName, Properties parameters) {
        long execution = BatchRuntime.getJobOperator().start(jobName, parameters);
        own(execution, jobName, parameters);
        return execution;
    }

    /**
     * An execution started through here, if the repository still has it. JBatch tags a job with the component that
     * started it and lets no other component read or restart it, so the starters read and restart through here too.
     */
    public Optional<JobExecution> execution(long executionId) {
        try {
            return Optional.of(BatchRuntime.getJobOperator().getJobExecution(executionId));
        } catch (NoSuchJobExecutionException e) {
            return Optional.empty();
        }
    }

    /** Restarts a failed or stopped execution started through here, from its last checkpoint; this server owns it. */
    public long restart(String jobName, long executionId, Properties parameters) {
        long next = BatchRuntime.getJobOperator().restart(executionId, parameters);
        own(next, jobName, parameters);
        return next;
    }

    /** This server's beat: it runs, and since when (a later boot than a job's ownership orphans the job). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void beat(Instant booted) {
        CrossTenantSql.query(em, "insert into server_heartbeats (server_id, booted_at, beat_at) values (?1, ?2, now()) "
                        + "on conflict (server_id) do update set booted_at = excluded.booted_at, beat_at = now()")
                .setParameter(1, servers.serverId()).setParameter(2, Timestamp.from(booted)).executeUpdate();
    }

    /** An orphan: an execution still running in the repository whose owner is gone. */
    public record Orphan(long executionId, String jobName, String owner) {
    }

    /** Executions STARTING/STARTED whose owner's last beat is older than {@code staleSeconds} or who booted since. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Orphan> orphans(int staleSeconds) {
        List<?> rows = CrossTenantSql.query(em, "select o.execution_id, o.job_name, o.server_id from batch_job_owners o "
                        + "join executioninstancedata e on e.jobexecid = o.execution_id "
                        + "left join server_heartbeats h on h.server_id = o.server_id "
                        + "where o.restarted_as is null and e.batchstatus in ('STARTING', 'STARTED') "
                        + "and (h.server_id is null or h.beat_at < now() - make_interval(secs => ?1) "
                        + "or h.booted_at > o.owned_at) order by o.execution_id")
                .setParameter(1, staleSeconds).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new Orphan(((Number) r[0]).longValue(), (String) r[1], (String) r[2])).toList();
    }

    /**
     * Claims the orphan for this server (one server wins: the owner must still be the dead one), marks its
     * execution and running steps FAILED, and answers true when this server is to restart it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean claim(Orphan orphan) {
        int claimed = CrossTenantSql.query(em, "update batch_job_owners set server_id = ?1, owned_at = now() "
                        + "where execution_id = ?2 and server_id = ?3 and restarted_as is null")
                .setParameter(1, servers.serverId()).setParameter(2, orphan.executionId())
                .setParameter(3, orphan.owner()).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        // JBatch restarts only a failed or stopped execution; nobody is left to say this one failed.
        CrossTenantSql.query(em, "update stepexecutioninstancedata set batchstatus = 'FAILED', exitstatus = 'FAILED', "
                + "endtime = now() where jobexecid = ?1 and batchstatus in ('STARTING', 'STARTED')")
                .setParameter(1, orphan.executionId()).executeUpdate();
        CrossTenantSql.query(em, "update executioninstancedata set batchstatus = 'FAILED', exitstatus = 'FAILED', "
                + "endtime = now(), updatetime = now() where jobexecid = ?1")
                .setParameter(1, orphan.executionId()).executeUpdate();
        return true;
    }

    /** Restarts a claimed orphan from its last checkpoint with its own parameters; answers the new execution. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long restart(Orphan orphan) {
        JobOperator operator = BatchRuntime.getJobOperator();
        Properties parameters = operator.getParameters(orphan.executionId());
        long next = operator.restart(orphan.executionId(), parameters);
        own(next, orphan.jobName(), parameters);
        CrossTenantSql.query(em, "update batch_job_owners set restarted_as = ?1 where execution_id = ?2")
                .setParameter(1, next).setParameter(2, orphan.executionId()).executeUpdate();
        LOG.info(() -> "Batch job " + orphan.jobName() + " execution " + orphan.executionId() + " of " + orphan.owner()
                + " (gone) restarted here as execution " + next + " from its last checkpoint");
        return next;
    }

    private void own(long execution, String jobName, Properties parameters) {
        String tenant = parameters == null ? null : parameters.getProperty("tenantId");
        CrossTenantSql.query(em, "insert into batch_job_owners (execution_id, job_name, tenant_id, server_id) "
                        + "values (?1, ?2, cast(?3 as bigint), ?4) on conflict (execution_id) do nothing")
                .setParameter(1, execution).setParameter(2, jobName).setParameter(3, tenant)
                .setParameter(4, servers.serverId()).executeUpdate();
    }
}
