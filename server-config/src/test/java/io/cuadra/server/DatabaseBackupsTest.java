package io.cuadra.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A real embedded PostgreSQL backed up online while it is written to, destroyed, and restored: to the end of
 * the archive and to a moment between two writes (point-in-time recovery).
 */
class DatabaseBackupsTest {

    private static final int PORT = Integer.getInteger("cuadra.test.backup.port", 35_431);

    @TempDir
    Path dir;

    @Test
    void aBaseBackupAndTheArchivedWalRestoreEveryCommittedRowOrStopAtTheMomentAsked() throws Exception {
        Path data = dir.resolve("pgdata");
        DatabaseBackups store = new DatabaseBackups(data, dir.resolve("backups"));
        Instant between;
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, PORT, false, store.archiveSettings())) {
            sql(db, "create table ledger (id bigint primary key, note text)");
            insert(db, 1, 1000, "before the backup");
            DatabaseBackups.Backup backup = store.backup(PORT);
            assertThat(backup.bytes()).isPositive();
            assertThat(store.list()).extracting(DatabaseBackups.Backup::file).containsExactly(backup.file());
            insert(db, 1001, 2000, "after the backup");
            Thread.sleep(1100); // commit timestamps on either side of the target, whatever the clock's resolution
            between = Instant.now();
            Thread.sleep(1100);
            insert(db, 2001, 3000, "after the target");
            // What archive_timeout does within a minute: the segment holding the last commits goes to the archive.
            sql(db, "select pg_switch_wal()");
            awaitArchived(db);
        }
        deleteTree(data); // the disk is lost

        DatabaseBackupCommand.restore(settings(data), store, "latest", Optional.empty());
        assertThat(count(data, store)).as("restored to the end of the archive").isEqualTo(3000);

        DatabaseBackupCommand.restore(settings(data), store, "latest", Optional.of(between));
        assertThat(count(data, store)).as("restored to the moment between the writes").isEqualTo(2000);
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().startsWith("pgdata.before-restore-")))
                .as("each restore moved the directory it replaced aside").hasSize(1);
    }

    @Test
    void pruningKeepsTheNewestBackupAndTheWalItNeeds() throws Exception {
        Path data = dir.resolve("pgdata");
        DatabaseBackups store = new DatabaseBackups(data, dir.resolve("backups"));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, PORT, false, store.archiveSettings())) {
            sql(db, "create table ledger (id bigint primary key, note text)");
            store.backup(PORT);
            insert(db, 1, 500, "x");
            Thread.sleep(1100); // backups are named by the second
            DatabaseBackups.Backup newest = store.backup(PORT);
            assertThat(store.prune(Duration.ZERO)).isEqualTo(1);
            assertThat(store.list()).extracting(DatabaseBackups.Backup::file).containsExactly(newest.file());
            try (var wal = Files.list(store.walArchive())) {
                assertThat(wal.map(DatabaseBackups::segmentName).filter(java.util.Objects::nonNull)
                        .allMatch(n -> n.substring(8).compareTo(newest.startWal().substring(8)) >= 0)).isTrue();
            }
        }
        assertThatThrownBy(() -> store.latest(Optional.of(Instant.EPOCH))).hasMessageContaining("No base backup");
    }

    private ServerSettings settings(Path data) {
        return new ServerSettings(data.getParent(), dir, dir, "test", 0, Optional.empty(), "u", "p", PORT, "localhost",
                0, false, ServerSettings.LOOPBACK);
    }

    private long count(Path data, DatabaseBackups store) throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, PORT, false, store.archiveSettings());
             Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from ledger")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void insert(EmbeddedDatabase db, int from, int to, String note) throws SQLException {
        sql(db, "insert into ledger select g, '" + note + "' from generate_series(" + from + ", " + to + ") g");
    }

    private static void sql(EmbeddedDatabase db, String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static void awaitArchived(EmbeddedDatabase db) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select last_archived_wal >= pg_walfile_name(pg_current_wal_lsn() - 1) "
                         + "from pg_stat_archiver")) {
                if (rs.next() && rs.getBoolean(1)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the WAL segment was not archived");
    }

    private static void deleteTree(Path root) throws Exception {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
