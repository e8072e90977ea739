package io.cuadra.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Backups of the embedded PostgreSQL server, with PostgreSQL's own online method and no client tools (Debian
 * ships pg_dump 15, which refuses the embedded server 17): WAL segments are archived continuously into
 * {@code <dir>/wal} (the server's {@code archive_command}, at most {@link #ARCHIVE_TIMEOUT_SECONDS} s behind), and a
 * base backup is a copy of the data directory taken between {@code pg_backup_start} and {@code pg_backup_stop},
 * zipped with its {@code backup_label} and the WAL it needs into {@code <dir>/base}. A base backup restores alone
 * to the moment it finished; with the archive, to any later moment (point-in-time recovery).
 */
public final class DatabaseBackups {

    public static final int ARCHIVE_TIMEOUT_SECONDS = 60;
    private static final String PREFIX = "cuadra-base-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Paths the archive command names go through /bin/sh unquoted (see {@link #archiveCommand}). */
    private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9_./-]+");
    /** What PostgreSQL's documentation leaves out of a base backup: rebuilt or meaningless at start. */
    private static final Set<String> EMPTIED_DIRS = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "backup_label",
            "tablespace_map", "epg-lock", "recovery.signal", "standby.signal", "pg_internal.init");

    private final Path dataDir;
    private final Path backupDir;

    public DatabaseBackups(Path dataDir, Path backupDir) {
        this.dataDir = dataDir;
        this.backupDir = backupDir;
    }

    public Path walArchive() {
        return backupDir.resolve("wal");
    }

    public Path baseBackups() {
        return backupDir.resolve("base");
    }

    /**
     * The server settings that archive every WAL segment into {@link #walArchive()}, gzipped (a segment is 16 MB,
     * mostly zeros when {@code archive_timeout} switches it early), written under a temporary name, forced to
     * disk and renamed, so a segment in the archive is always whole; one already there counts as archived (the
     * archiver may retry a segment it copied just before a crash). The value passes through pg_ctl's shell,
     * hence the quotes and the plain-path rule.
     */
    public List<String[]> archiveSettings() throws IOException {
        Path wal = walArchive();
        Files.createDirectories(wal);
        if (!PLAIN_PATH.matcher(wal.toString()).matches()) {
            throw new IOException("CUADRA_BACKUP_DIR must be a path of letters, digits, '_', '.', '-' and '/': " + wal);
        }
        return List.of(
                new String[]{"wal_level", "replica"},
                new String[]{"archive_mode", "on"},
                new String[]{"archive_command", "'test -f " + wal + "/%f.gz || (gzip -c %p > " + wal + "/%f.gz.tmp && sync "
                        + wal + "/%f.gz.tmp && mv " + wal + "/%f.gz.tmp " + wal + "/%f.gz)'"},
                new String[]{"archive_timeout", Integer.toString(ARCHIVE_TIMEOUT_SECONDS)});
    }

    /** A base backup of the running server listening on {@code port} (superuser {@code postgres}, local trust). */
    public Backup backup(int port) throws IOException {
        Files.createDirectories(baseBackups());
        try (DirectoryStream<Path> stale = Files.newDirectoryStream(baseBackups(), "*.partial")) {
            for (Path p : stale) {
                Files.delete(p); // a backup interrupted by a stop: PostgreSQL ended it with its session
            }
        }
        Instant started = Instant.now();
        String name = PREFIX + STAMP.format(started);
        Path zip = baseBackups().resolve(name + ".zip");
        Path partial = baseBackups().resolve(name + ".zip.partial");
        try (Connection c = superuser(port)) {
            String startWal;
            try (PreparedStatement start = c.prepareStatement("select pg_walfile_name(pg_backup_start(?, true))")) {
                start.setString(1, name);
                startWal = single(start);
            }
            String label;
            String spcmap;
            String stopWal;
            try (OutputStream out = Files.newOutputStream(partial);
                 ZipOutputStream z = new ZipOutputStream(out)) {
                z.setLevel(Deflater.BEST_SPEED);
                copyDataDirectory(z);
                try (Statement stop = c.createStatement();
                     ResultSet rs = stop.executeQuery(
                             "select labelfile, spcmapfile, pg_walfile_name(lsn) from pg_backup_stop(true)")) {
                    rs.next();
                    label = rs.getString(1);
                    spcmap = rs.getString(2);
                    stopWal = rs.getString(3);
                }
                put(z, "backup_label", label.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (spcmap != null && !spcmap.isEmpty()) {
                    put(z, "tablespace_map", spcmap.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                // pg_backup_stop(true) returned once these were archived: the backup carries them, so it restores alone.
                for (Path segment : segments(startWal, stopWal)) {
                    z.putNextEntry(new ZipEntry("pg_wal/" + segmentName(segment)));
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(segment))) {
                        in.transferTo(z);
                    }
                    z.closeEntry();
                }
            }
            force(partial);
            Files.move(partial, zip, StandardCopyOption.ATOMIC_MOVE);
            Instant finished = Instant.now();
            Properties about = new Properties();
            about.setProperty("startWal", startWal);
            about.setProperty("stopWal", stopWal);
            about.setProperty("started", started.toString());
            about.setProperty("finished", finished.toString());
            Path sidecar = baseBackups().resolve(name + ".properties");
            try (OutputStream out = Files.newOutputStream(sidecar)) {
                about.store(out, "Cuadra base backup");
            }
            force(sidecar);
            return new Backup(zip, startWal, started, finished, Files.size(zip));
        } catch (SQLException e) {
            Files.deleteIfExists(partial);
            throw new IOException("Backup failed: " + e.getMessage(), e);
        }
    }

    /** The base backups kept, oldest first. */
    public List<Backup> list() throws IOException {
        if (!Files.isDirectory(baseBackups())) {
            return List.of();
        }
        List<Backup> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(baseBackups(), PREFIX + "*.properties")) {
            for (Path sidecar : files) {
                Properties about = new Properties();
                try (InputStream in = Files.newInputStream(sidecar)) {
                    about.load(in);
                }
                String base = sidecar.getFileName().toString().replace(".properties", "");
                Path zip = baseBackups().resolve(base + ".zip");
                if (Files.isRegularFile(zip)) {
                    found.add(new Backup(zip, about.getProperty("startWal"), Instant.parse(about.getProperty("started")),
                            Instant.parse(about.getProperty("finished")), Files.size(zip)));
                }
            }
        }
        found.sort(Comparator.comparing(Backup::finished));
        return found;
    }

    /**
     * Deletes base backups finished more than {@code retention} ago — the newest is always kept — and the archived
     * WAL older than the oldest backup kept, which nothing can replay any more.
     */
    public int prune(Duration retention) throws IOException {
        List<Backup> all = list();
        if (all.isEmpty()) {
            return 0;
        }
        Instant horizon = Instant.now().minus(retention);
        int deleted = 0;
        for (Backup b : all.subList(0, all.size() - 1)) {
            if (b.finished().isBefore(horizon)) {
                Files.deleteIfExists(b.file());
                Files.deleteIfExists(b.file().resolveSibling(b.file().getFileName().toString().replace(".zip", ".properties")));
                deleted++;
            }
        }
        String oldestNeeded = list().get(0).startWal();
        try (Stream<Path> wal = Files.list(walArchive())) {
            for (Path segment : wal.toList()) {
                String n = segmentName(segment);
                // Segment names sort in WAL order within a timeline; history files are kept.
                if (n != null && n.substring(8).compareTo(oldestNeeded.substring(8)) < 0) {
                    Files.delete(segment);
                }
            }
        }
        return deleted;
    }

    /**
     * Puts {@code backup} back as the data directory (the server must be stopped; the current directory is moved
     * aside, never deleted) and prepares recovery: the server, started next with {@link #recoverySettings}, replays
     * the archived WAL up to {@code until} (or to the end of the archive) and opens the database.
     */
    public Path restoreFiles(Backup backup) throws IOException {
        if (Files.exists(dataDir.resolve("postmaster.pid"))) {
            throw new IOException("PostgreSQL still runs on " + dataDir + " (postmaster.pid): stop Cuadra first");
        }
        Path aside = null;
        if (Files.isDirectory(dataDir)) {
            aside = dataDir.resolveSibling(dataDir.getFileName() + ".before-restore-" + STAMP.format(Instant.now()));
            Files.move(dataDir, aside);
        }
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        try (ZipInputStream z = new ZipInputStream(Files.newInputStream(backup.file()))) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path target = dataDir.resolve(e.getName()).normalize();
                if (!target.startsWith(dataDir)) {
                    throw new IOException("Not a Cuadra backup: entry outside the data directory: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target);
                }
            }
        }
        for (String dir : EMPTIED_DIRS) {
            Files.createDirectories(dataDir.resolve(dir));
        }
        Files.createDirectories(dataDir.resolve("pg_wal/archive_status"));
        Files.writeString(dataDir.resolve("recovery.signal"), "");
        return aside;
    }

    /** Settings for the first start after {@link #restoreFiles}: where archived WAL comes from and where to stop. */
    public List<String[]> recoverySettings(Optional<Instant> until) throws IOException {
        List<String[]> settings = new ArrayList<>(archiveSettings());
        settings.add(new String[]{"restore_command", "'gunzip -c " + walArchive() + "/%f.gz > %p'"});
        until.ifPresent(t -> {
            settings.add(new String[]{"recovery_target_time", "'" + DateTimeFormatter
                    .ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSx").withZone(ZoneOffset.UTC).format(t) + "'"});
            settings.add(new String[]{"recovery_target_action", "promote"});
        });
        return settings;
    }

    /** The newest backup finished at or before {@code until} (or the newest of all). */
    public Backup latest(Optional<Instant> until) throws IOException {
        return list().stream().filter(b -> until.map(t -> !b.finished().isAfter(t)).orElse(true))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("No base backup in " + baseBackups()
                        + until.map(t -> " finished before " + t).orElse("")));
    }

    /** Waits until the server on {@code port} has finished recovery and accepts writes. */
    public static void awaitRecovered(int port, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection c = superuser(port); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return;
                }
            } catch (SQLException starting) {
                // still replaying before consistency: connections are refused until then
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("PostgreSQL on port " + port + " did not finish recovery in " + timeout);
            }
            Thread.sleep(500);
        }
    }

    private void copyDataDirectory(ZipOutputStream z) throws IOException {
        Files.walkFileTree(dataDir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = dataDir.relativize(dir).toString().replace('\\', '/');
                if (!rel.isEmpty()) {
                    z.putNextEntry(new ZipEntry(rel + "/"));
                    z.closeEntry();
                }
                return EMPTIED_DIRS.contains(rel) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                if (!attrs.isRegularFile() || SKIPPED_FILES.contains(name) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                String rel = dataDir.relativize(file).toString().replace('\\', '/');
                byte[] content;
                try {
                    content = Files.readAllBytes(file);
                } catch (NoSuchFileException dropped) {
                    // A table dropped during the copy: the WAL replay removes it anyway.
                    return FileVisitResult.CONTINUE;
                }
                put(z, rel, content);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private List<Path> segments(String fromWal, String toWal) throws IOException {
        try (Stream<Path> wal = Files.list(walArchive())) {
            List<Path> needed = wal.filter(p -> {
                String n = segmentName(p);
                return n != null && n.compareTo(fromWal) >= 0 && n.compareTo(toWal) <= 0;
            }).sorted().toList();
            if (needed.isEmpty() || !toWal.equals(segmentName(needed.get(needed.size() - 1)))) {
                throw new IOException("WAL " + fromWal + ".." + toWal + " is not in the archive " + walArchive());
            }
            return needed;
        }
    }

    /** The WAL segment an archived file holds ({@code 000000010000000000000003.gz}), or null for anything else. */
    static String segmentName(Path archived) {
        String n = archived.getFileName().toString();
        return n.length() == 27 && n.endsWith(".gz") ? n.substring(0, 24) : null;
    }

    private static void put(ZipOutputStream z, String name, byte[] content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content);
        z.closeEntry();
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    private static String single(PreparedStatement q) throws SQLException {
        try (ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    static Connection superuser(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    public record Backup(Path file, String startWal, Instant started, Instant finished, long bytes) {
    }
}
