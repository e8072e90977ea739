package io.cuadra.shared.cluster;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server's heartbeat in the database (every {@value #BEAT_SECONDS} s) and, after each beat, the search for batch
 * jobs whose server is gone ({@link BatchJobs}). A server is gone when it has not beaten for
 * {@code cuadra.cluster.server-stale-seconds} (default 30) or has booted since it took the job.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations") // its table comes with a migration
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ServerHeartbeat {

    static final int BEAT_SECONDS = 10;
    private static final Logger LOG = Logger.getLogger(ServerHeartbeat.class.getName());

    @EJB
    BatchJobs jobs;

    @Inject
    @ConfigProperty(name = "cuadra.cluster.server-stale-seconds", defaultValue = "30")
    int staleSeconds;

    private final Instant booted = Instant.now();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    @PostConstruct
    void start() {
        try {
            jobs.beat(booted);
        } catch (RuntimeException e) {
            // never a reason to refuse the application: the first round beats again
            LOG.log(Level.WARNING, "First heartbeat failed", e);
        }
    }

    @Schedule(second = "*/" + BEAT_SECONDS, minute = "*", hour = "*", persistent = false, info = "cluster: heartbeat")
    void round() {
        if (!sweeping.compareAndSet(false, true)) {
            return; // the previous round is still restarting jobs
        }
        try {
            jobs.beat(booted);
            for (BatchJobs.Orphan orphan : jobs.orphans(staleSeconds)) {
                if (jobs.claim(orphan)) {
                    try {
                        jobs.restart(orphan);
                    } catch (RuntimeException e) {
                        // claimed and marked failed: it shows as failed and can be restarted by hand
                        LOG.log(Level.WARNING, "Could not restart orphaned execution " + orphan.executionId(), e);
                    }
                }
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next round beats again
            LOG.log(Level.WARNING, "Heartbeat or the search for orphaned batch jobs failed", e);
        } finally {
            sweeping.set(false);
        }
    }
}
