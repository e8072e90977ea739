package io.cuadra.audit.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Seals committed audit lines into their tenants' hash chains, every {@code cuadra.audit.seal-interval-millis}
 * (1 s by default), in rounds of short transactions ({@link AuditSealing}) until nothing is left. One round at a
 * time per server; across servers the round's advisory lock lets one seal and the others skip.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSealer {

    private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());
    /** Lines per tenant and round: a round stays a short transaction even after a bulk import. */
    private static final int PER_TENANT = 5_000;

    @Resource
    TimerService timers;

    @EJB
    AuditSealing sealing;

    @Inject
    @ConfigProperty(name = "cuadra.audit.seal-interval-millis", defaultValue = "1000")
    long intervalMillis;

    private final AtomicBoolean sealingNow = new AtomicBoolean();

    @PostConstruct
    void schedule() {
        long interval = Math.max(100, intervalMillis);
        timers.createIntervalTimer(interval, interval, new TimerConfig("audit-sealer", false));
    }

    @Timeout
    void tick(Timer timer) {
        if (!sealingNow.compareAndSet(false, true)) {
            return;
        }
        try {
            sealAll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Audit sealing failed; the next tick retries", e);
        } finally {
            sealingNow.set(false);
        }
    }

    /** Seals until no unsealed line is left (or another server seals); returns how many lines this server sealed. */
    public long sealAll() {
        long total = 0;
        int sealed;
        while ((sealed = sealing.sealRound(PER_TENANT)) > 0) {
            total += sealed;
        }
        return total;
    }
}
