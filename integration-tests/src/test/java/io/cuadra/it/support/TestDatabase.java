package io.cuadra.it.support;

import io.cuadra.server.EmbeddedDatabase;
import io.cuadra.server.ServerSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL database of one test run: an embedded server with a throw-away data directory,
 * or, when {@code PGHOST} is set, a fresh database on that server (PGPORT, PGUSER, PGPASSWORD),
 * dropped at the end. Two roles, as in production: the owner (the server's superuser here) migrates and
 * owns every table; the application's pool connects as a role of its own that owns nothing.
 */
public final class TestDatabase {

    private static TestDatabase current;

    private final String url;
    private final String user;
    private final String password;
    private final String appUser;
    private final String appPassword;
    private final Runnable cleanup;

    private TestDatabase(String url, String user, String password, String appUser, String appPassword,
                         Runnable cleanup) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.appUser = appUser;
        this.appPassword = appPassword;
        this.cleanup = cleanup;
    }

    static synchronized TestDatabase start() throws IOException, SQLException {
        if (current != null) {
            return current;
        }
        String host = System.getenv("PGHOST");
        if (host != null && !host.isBlank()) {
            String port = envOr("PGPORT", "5432");
            String user = envOr("PGUSER", "postgres");
            String password = envOr("PGPASSWORD", "");
            String db = "cuadra_it_" + System.currentTimeMillis();
            String admin = "jdbc:postgresql://" + host + ":" + port + "/postgres";
            execute(admin, user, password, "create database " + db + " encoding 'UTF8' template template0");
            // Roles belong to the whole server: one of this run's own, dropped with its database.
            String app = db + "_app";
            String appPassword = java.util.UUID.randomUUID().toString();
            execute(admin, user, password, "create role " + app + " login password '" + appPassword + "'");
            current = new TestDatabase("jdbc:postgresql://" + host + ":" + port + "/" + db, user, password, app,
                    appPassword, () -> {
                try {
                    execute(admin, user, password, "drop database if exists " + db + " with (force)");
                    execute(admin, user, password, "drop role if exists " + app);
                } catch (SQLException e) {
                    System.err.println("[it] could not drop " + db + ": " + e.getMessage());
                }
            });
        } else {
            int port = Integer.getInteger("cuadra.it.db.port", 25432);
            EmbeddedDatabase embedded = EmbeddedDatabase.start(
                    Path.of(System.getProperty("cuadra.it.work", "target"), "it-pgdata"), port, true, extraSettings());
            embedded.ensureLoginRole(ServerSettings.DEV_DB_USER, ServerSettings.DEV_DB_PASSWORD);
            current = new TestDatabase(embedded.jdbcUrl(), "postgres", "postgres", ServerSettings.DEV_DB_USER,
                    ServerSettings.DEV_DB_PASSWORD, () -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    System.err.println("[it] could not stop PostgreSQL: " + e.getMessage());
                }
            });
        }
        Runtime.getRuntime().addShutdownHook(new Thread(current.cleanup, "it-database-cleanup"));
        System.out.println("[it] PostgreSQL for this run: " + current.url);
        return current;
    }

    /**
     * Server settings for a measuring run (perf lane): {@code -Dcuadra.it.pg.NAME=VALUE} starts the embedded
     * PostgreSQL with {@code NAME=VALUE}, e.g. {@code -Dcuadra.it.pg.logging_collector=on} so that
     * {@code integration-tests/bench/statements-per-order.sh} can read its statement log. None by default.
     */
    private static java.util.List<String[]> extraSettings() {
        String prefix = "cuadra.it.pg.";
        return System.getProperties().stringPropertyNames().stream().filter(n -> n.startsWith(prefix)).sorted()
                .map(n -> new String[] {n.substring(prefix.length()), System.getProperty(n)}).toList();
    }

    public static TestDatabase current() {
        if (current == null) {
            throw new IllegalStateException("The test database starts with the Arquillian suite");
        }
        return current;
    }

    /** As the owner (the superuser): reads anything, and may tamper like an operator with the owner's login. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    /** As the application's role, exactly what the server's pool can do. */
    public Connection connectAsApp() throws SQLException {
        return DriverManager.getConnection(url, appUser, appPassword);
    }

    public String appUser() {
        return appUser;
    }

    public String appPassword() {
        return appPassword;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    private static void execute(String url, String user, String password, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
