package io.cuadra.it.support;

import io.cuadra.server.EmbeddedDatabase;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL database of one test run: an embedded server with a throw-away data directory,
 * or, when {@code PGHOST} is set, a fresh database on that server (PGPORT, PGUSER, PGPASSWORD),
 * dropped at the end.
 */
public final class TestDatabase {

    private static TestDatabase current;

    private final String url;
    private final String user;
    private final String password;
    private final Runnable cleanup;

    private TestDatabase(String url, String user, String password, Runnable cleanup) {
        this.url = url;
        this.user = user;
        this.password = password;
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
            current = new TestDatabase("jdbc:postgresql://" + host + ":" + port + "/" + db, user, password, () -> {
                try {
                    execute(admin, user, password, "drop database if exists " + db + " with (force)");
                } catch (SQLException e) {
                    System.err.println("[it] could not drop " + db + ": " + e.getMessage());
                }
            });
        } else {
            int port = Integer.getInteger("cuadra.it.db.port", 25432);
            EmbeddedDatabase embedded = EmbeddedDatabase.start(
                    Path.of(System.getProperty("cuadra.it.work", "target"), "it-pgdata"), port, true);
            current = new TestDatabase(embedded.jdbcUrl(), "postgres", "postgres", () -> {
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

    public static TestDatabase current() {
        if (current == null) {
            throw new IllegalStateException("The test database starts with the Arquillian suite");
        }
        return current;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
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
