package io.cuadra.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL server started from the binaries shipped in a Maven artifact, for developers
 * and tests that have no database of their own. Its data directory survives restarts unless the
 * caller asks for a throw-away one.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "cuadra";

    private final EmbeddedPostgres postgres;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /**
     * A kept data directory (the run command's) is durable: zonky starts PostgreSQL with {@code -F} (no fsync)
     * and {@code synchronous_commit=off}, which lose acknowledged commits and can corrupt the cluster on a power
     * cut, so both are turned back on. A throw-away one (tests, benchmarks) keeps them off for speed: its data
     * dies with the test anyway.
     */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean throwAway) throws IOException {
        return start(dataDir, port, throwAway, List.of());
    }

    /** As {@link #start(Path, int, boolean)}, with further server settings (name, value): WAL archiving, recovery. */
    public static EmbeddedDatabase start(Path dataDir, int port, boolean throwAway, List<String[]> settings)
            throws IOException {
        Files.createDirectories(dataDir);
        EmbeddedPostgres pg;
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(throwAway)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(180))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC");
            if (!throwAway) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            for (String[] setting : settings) {
                builder.setServerConfig(setting[0], setting[1]);
            }
            pg = builder.start();
        } catch (IOException | RuntimeException e) {
            Path version = dataDir.resolve("PG_VERSION");
            String hint = Files.isRegularFile(version)
                    ? " The data directory was created by PostgreSQL " + Files.readString(version).strip()
                    + "; if that is not the embedded server's version, move " + dataDir + " away and start again."
                    : "";
            throw new IOException("PostgreSQL did not start on port " + port + ": " + e.getMessage() + "." + hint, e);
        }
        EmbeddedDatabase db = new EmbeddedDatabase(pg, port);
        db.createDatabaseIfMissing();
        return db;
    }

    private void createDatabaseIfMissing() throws IOException {
        createIfMissing("select 1 from pg_database where datname = ?", DATABASE,
                "create database " + DATABASE + " encoding 'UTF8' template template0");
    }

    /**
     * Creates a login role if it is missing: the application's own (least privilege), which owns nothing; the
     * migrations, run as the superuser of this local server, grant it what it needs.
     */
    public void ensureLoginRole(String role, String password) throws IOException {
        if (!role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Not a plain role name: " + role);
        }
        createIfMissing("select 1 from pg_roles where rolname = ?", role,
                "create role " + role + " login password '" + password.replace("'", "''") + "'");
    }

    /** Runs {@code create} unless {@code exists} (one parameter: {@code name}) finds a row. */
    private void createIfMissing(String exists, String name, String create) throws IOException {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             PreparedStatement q = c.prepareStatement(exists)) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    try (Statement s = c.createStatement()) {
                        s.execute(create);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create " + name, e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
