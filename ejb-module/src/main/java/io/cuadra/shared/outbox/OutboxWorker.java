package io.cuadra.shared.outbox;

import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Drains the outbox: an EJB interval timer claims due messages ({@code FOR UPDATE SKIP LOCKED}, so
 * several servers may poll the same table) and hands each to the handler of its topic, outside any
 * transaction; a topic whose handler allows it is delivered on several threads at once. Messages survive restarts in the table; a server that stops between issue and send
 * leaves them pending and the next start delivers them.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxWorker {

    private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

    @Resource
    TimerService timers;

    /** Threads for topics whose handler delivers in parallel; container-managed so EJB calls work on them. */
    @Resource
    ManagedThreadFactory threadFactory;

    /** How many due messages one claim takes. */
    @Inject
    @ConfigProperty(name = "cuadra.outbox.batch", defaultValue = "100")
    int batchSize;

    /** Threads for parallel topics; each topic's own {@link OutboxHandler#parallelism()} caps it further. */
    @Inject
    @ConfigProperty(name = "cuadra.outbox.threads", defaultValue = "8")
    int threads;

    @EJB
    OutboxStore store;

    @Inject
    @Any
    Instance<OutboxHandler> handlers;

    @Inject
    @ConfigProperty(name = "cuadra.outbox.poll-seconds", defaultValue = "2")
    int pollSeconds;

    @Inject
    @ConfigProperty(name = "cuadra.outbox.backoff-base-seconds", defaultValue = "5")
    int backoffBaseSeconds;

    @Inject
    @ConfigProperty(name = "cuadra.outbox.backoff-max-seconds", defaultValue = "600")
    int backoffMaxSeconds;

    @Inject
    @ConfigProperty(name = "cuadra.outbox.max-attempts", defaultValue = "30")
    int maxAttempts;

    /** A claimed message whose outcome is not recorded within this time (the server died) is claimed again. */
    @Inject
    @ConfigProperty(name = "cuadra.outbox.lease-seconds", defaultValue = "300")
    int leaseSeconds;

    /**
     * Who this server is across restarts: host and Payara instance directory, unless configured. Two
     * servers sharing the database must not share it.
     */
    @Inject
    @ConfigProperty(name = "cuadra.server.id")
    Optional<String> configuredServerId;

    private final AtomicBoolean draining = new AtomicBoolean();
    private final Queue<Runnable> unrecorded = new ConcurrentLinkedQueue<>();
    private String serverId;
    private OutboxBackoff backoff;
    private ExecutorService pool;

    @PostConstruct
    void schedule() {
        backoff = new OutboxBackoff(Duration.ofSeconds(backoffBaseSeconds),
                Duration.ofSeconds(Math.max(backoffBaseSeconds, backoffMaxSeconds)), maxAttempts);
        serverId = configuredServerId.filter(id -> !id.isBlank()).orElseGet(OutboxWorker::defaultServerId);
        // Nothing is claimed by this start yet: whatever this server holds was claimed before it went down.
        int taken = store.takeBack(serverId);
        if (taken > 0) {
            LOG.info(() -> "Outbox: took back " + taken + " message(s) this server had claimed before it restarted");
        }
        pool = Executors.newFixedThreadPool(Math.max(1, threads), threadFactory);
        long interval = Duration.ofSeconds(Math.max(1, pollSeconds)).toMillis();
        timers.createIntervalTimer(interval, interval, new TimerConfig("outbox", false));
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Timeout
    void poll(Timer timer) {
        // One drain at a time per server; a slow send must not pile up timer callbacks.
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        try {
            drain();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox poll failed; next poll retries", e);
        } finally {
            draining.set(false);
        }
    }

    /** Delivers what is due now; returns how many messages were handled. */
    public int drain() {
        Map<String, OutboxHandler> byTopic = new HashMap<>();
        for (OutboxHandler h : handlers) {
            byTopic.put(h.topic(), h);
        }
        if (!recordLeftovers()) {
            return 0;
        }
        int handled = 0;
        int batch = Math.max(1, batchSize);
        List<OutboxMessage> claimed;
        do {
            claimed = store.claim(batch, leaseSeconds, serverId);
            deliverAll(claimed, byTopic);
            handled += claimed.size();
        } while (claimed.size() == batch);
        return handled;
    }

    /**
     * Delivers one claimed batch: messages of a parallel topic on the pool, at most its parallelism at a time;
     * the others one after the other on this thread, in claim order. Returns once every outcome is recorded.
     */
    private void deliverAll(List<OutboxMessage> claimed, Map<String, OutboxHandler> byTopic) {
        // Successes of the parallel topics (notifications) are recorded together once the batch is through: a
        // handler must stand being run again for a message whose success a crash kept from being recorded (they all
        // check their own state first). Sequential topics (SUNAT) record each success at once, as before.
        Queue<Long> done = new ConcurrentLinkedQueue<>();
        Map<String, Semaphore> slots = new HashMap<>();
        List<Future<?>> running = new ArrayList<>();
        List<OutboxMessage> inOrder = new ArrayList<>();
        for (OutboxMessage message : claimed) {
            OutboxHandler handler = byTopic.get(message.topic());
            int parallelism = handler == null ? 1 : Math.max(1, handler.parallelism());
            if (parallelism == 1) {
                inOrder.add(message);
                continue;
            }
            Semaphore slot = slots.computeIfAbsent(message.topic(), t -> new Semaphore(parallelism));
            slot.acquireUninterruptibly();
            try {
                running.add(pool.submit(() -> {
                    try {
                        deliver(message, handler, done);
                    } finally {
                        slot.release();
                    }
                }));
            } catch (RejectedExecutionException stopping) {
                slot.release();
                inOrder.add(message);
            }
        }
        for (OutboxMessage message : inOrder) {
            deliver(message, byTopic.get(message.topic()), null);
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break; // shutting down: what is not recorded now is taken back at the next start
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "Outbox delivery thread failed", e.getCause());
            }
        }
        List<Long> succeeded = new ArrayList<>(done);
        if (!succeeded.isEmpty()) {
            record(() -> store.doneAll(succeeded));
        }
    }

    public static String defaultServerId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + System.getProperty("com.sun.aas.instanceRoot", "server");
    }

    /** Runs the handler; a success goes into {@code done} to be recorded with its batch, or at once when null. */
    private void deliver(OutboxMessage message, OutboxHandler handler, Queue<Long> done) {
        if (handler == null) {
            record(() -> store.failed(message, "No handler for topic " + message.topic(), backoff));
            return;
        }
        try {
            TenantContext.runAs(Actor.system(message.tenantId(), "outbox"), () -> {
                handler.handle(message);
                return null;
            });
            if (done == null) {
                record(() -> store.doneAll(List.of(message.id())));
            } else {
                done.add(message.id());
            }
        } catch (OutboxRetry e) {
            if (e.postponedUntil().isPresent()) {
                record(() -> store.postpone(message, e.postponedUntil().get(), e.getMessage()));
                return;
            }
            LOG.info(() -> "Outbox " + message.topic() + " " + message.aggregateId() + " attempt " + message.attempt()
                    + " will be retried: " + e.getMessage());
            record(() -> store.failed(message, e.getMessage(), backoff));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Outbox " + message.topic() + " " + message.aggregateId() + " attempt "
                    + message.attempt() + " failed", e);
            record(() -> store.failed(message, e.getClass().getSimpleName() + ": " + e.getMessage(), backoff));
        }
    }

    /**
     * Records an outcome, or keeps it for the next poll when the database is away (restarting): its message
     * would otherwise stay claimed by this live server until the lease runs out.
     */
    private void record(Runnable outcome) {
        try {
            outcome.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Outbox outcome not recorded; recorded again at the next poll", e);
            unrecorded.add(outcome);
        }
    }

    /** Records the outcomes kept by {@link #record}; false while the database still refuses them. */
    private boolean recordLeftovers() {
        for (Runnable outcome; (outcome = unrecorded.peek()) != null; ) {
            try {
                outcome.run();
            } catch (RuntimeException stillAway) {
                return false;
            }
            unrecorded.remove();
        }
        return true;
    }
}
