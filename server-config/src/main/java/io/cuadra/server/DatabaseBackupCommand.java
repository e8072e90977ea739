package io.cuadra.server;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The operator's backup commands for the run command's embedded database ({@code ./mvnw -Pbackup
 * -Dbackup="..."}; README, Operations):
 * <ul>
 *   <li>{@code now}: a base backup at once (PostgreSQL is started for it when Cuadra is not running);</li>
 *   <li>{@code list}: the base backups kept;</li>
 *   <li>{@code restore [latest|<file>] [until=<ISO-8601 instant>]}: with Cuadra stopped, the data directory
 *       rebuilt from a base backup and the archived WAL, up to {@code until} or to the last archived change;
 *       the previous directory is moved aside, never deleted.</li>
 * </ul>
 */
public final class DatabaseBackupCommand {

    private DatabaseBackupCommand() {
    }

    public static void main(String[] args) throws Exception {
        ServerSettings settings = ServerSettings.fromEnvironment();
        if (settings.externalDbUrl().isPresent()) {
            fail("CUADRA_DB_URL names an external database: back it up with its own tools (README, Operations)");
        }
        DatabaseBackups store = new DatabaseBackups(settings.embeddedDataDir(), settings.backupDir());
        String command = args.length == 0 ? "list" : args[0];
        switch (command) {
            case "now" -> System.out.println("[backup] " + describe(backUpNow(settings, store)));
            case "list" -> {
                List<DatabaseBackups.Backup> all = store.list();
                System.out.println("[backup] " + all.size() + " base backups in " + store.baseBackups()
                        + "; WAL archive " + store.walArchive());
                all.forEach(b -> System.out.println("  " + describe(b)));
            }
            case "restore" -> {
                Optional<Instant> until = Optional.empty();
                String which = "latest";
                for (int i = 1; i < args.length; i++) {
                    if (args[i].startsWith("until=")) {
                        until = Optional.of(Instant.parse(args[i].substring("until=".length())));
                    } else {
                        which = args[i];
                    }
                }
                Instant finished = restore(settings, store, which, until);
                System.out.println("[backup] restored; the database is as it was at " + until.map(Instant::toString)
                        .orElse("the last archived change") + " (recovery finished " + finished + "). Start Cuadra: ./mvnw -Prun");
            }
            default -> fail("unknown command '" + command + "': now, list or restore [latest|<file>] [until=<instant>]");
        }
    }

    static DatabaseBackups.Backup backUpNow(ServerSettings settings, DatabaseBackups store) throws IOException {
        if (listening(settings.embeddedDbPort())) {
            return store.backup(settings.embeddedDbPort());
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(settings.embeddedDataDir(), settings.embeddedDbPort(), false,
                store.archiveSettings())) {
            return store.backup(db.port());
        }
    }

    /** Restores and replays; returns when PostgreSQL has left recovery (and has been stopped again). */
    public static Instant restore(ServerSettings settings, DatabaseBackups store, String which, Optional<Instant> until)
            throws IOException, InterruptedException {
        if (listening(settings.embeddedDbPort())) {
            throw new IOException("something listens on port " + settings.embeddedDbPort() + ": stop Cuadra first");
        }
        DatabaseBackups.Backup backup = "latest".equals(which) ? store.latest(until)
                : store.list().stream().filter(b -> b.file().getFileName().toString().equals(Path.of(which)
                        .getFileName().toString())).findFirst().orElseThrow(() -> new IOException("no backup " + which));
        Path aside = store.restoreFiles(backup);
        System.out.println("[backup] " + describe(backup) + " unpacked into " + settings.embeddedDataDir()
                + (aside != null ? "; the previous data directory is " + aside : ""));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(settings.embeddedDataDir(), settings.embeddedDbPort(), false,
                store.recoverySettings(until))) {
            DatabaseBackups.awaitRecovered(db.port(), Duration.ofMinutes(30));
        }
        return Instant.now();
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String describe(DatabaseBackups.Backup b) {
        return String.format("%s  finished %s  %,d bytes", b.file().getFileName(), b.finished(), b.bytes());
    }

    private static void fail(String message) {
        System.err.println("[backup] " + message);
        System.exit(2);
    }
}
