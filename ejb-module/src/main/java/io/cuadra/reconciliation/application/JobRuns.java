package io.cuadra.reconciliation.application;

import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.shared.domain.NotFound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** The tenant's record of the reconciliation job executions it started. */
@Stateless
public class JobRuns {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public ReconciliationJobRun record(ReconciliationJobRun run) {
        em.persist(run);
        em.flush();
        return run;
    }

    public ReconciliationJobRun byExecution(long executionId) {
        return em.createQuery("select r from ReconciliationJobRun r where r.executionId = :e", ReconciliationJobRun.class)
                .setParameter("e", executionId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("No job execution " + executionId + ".").withKey("reconciliation.jobExecution", executionId));
    }

    /** Whether a later execution restarted this one (only the latest execution of a job instance can restart). */
    public boolean restarted(long executionId) {
        return !em.createQuery("select r.id from ReconciliationJobRun r where r.restartOf = :e", Long.class)
                .setParameter("e", executionId).setMaxResults(1).getResultList().isEmpty();
    }

    /** Newest first; jobName null for every job. */
    public List<ReconciliationJobRun> latest(String jobName, int first, int max) {
        return new QueryFilter().and("r.jobName = :job", "job", jobName)
                .query(em, "select r from ReconciliationJobRun r", "r.executionId desc", ReconciliationJobRun.class)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(String jobName) {
        return new QueryFilter().and("r.jobName = :job", "job", jobName)
                .count(em, "select count(r) from ReconciliationJobRun r");
    }
}
