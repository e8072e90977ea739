package io.cuadra.server;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The run command's daily base backup and pruning, on one daemon thread. A first backup is taken at once when
 * none exists: the WAL archive replays nothing without one.
 */
final class BackupSchedule implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cuadra-backups");
        t.setDaemon(true);
        return t;
    });
    private final DatabaseBackups store;
    private final int port;
    private final LocalTime at;
    private final Duration retention;

    private BackupSchedule(DatabaseBackups store, int port, LocalTime at, Duration retention) {
        this.store = store;
        this.port = port;
        this.at = at;
        this.retention = retention;
    }

    static BackupSchedule start(DatabaseBackups store, int port, LocalTime at, Duration retention) throws IOException {
        BackupSchedule schedule = new BackupSchedule(store, port, at, retention);
        if (store.list().isEmpty()) {
            schedule.timer.execute(schedule::backUp);
        }
        schedule.scheduleNext();
        return schedule;
    }

    private void scheduleNext() {
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime next = now.toLocalDate().atTime(at);
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        timer.schedule(() -> {
            backUp();
            scheduleNext();
        }, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void backUp() {
        try {
            DatabaseBackups.Backup b = store.backup(port);
            int pruned = store.prune(retention);
            System.out.printf("[cuadra] base backup %s (%,d bytes)%s%n", b.file().getFileName(), b.bytes(),
                    pruned > 0 ? ", " + pruned + " older removed" : "");
        } catch (IOException | RuntimeException e) {
            // Logged, never fatal to the server: the next run tries again and the WAL archive keeps growing meanwhile.
            System.err.println("[cuadra] backup failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
