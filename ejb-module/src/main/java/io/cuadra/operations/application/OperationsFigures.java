package io.cuadra.operations.application;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The figures of the whole installation that live in the database: the outbox backlog per topic, documents by
 * status, and the pool's connections as PostgreSQL sees them. Read at most once per {@link #FRESH} whoever asks
 * (metrics scrapes, readiness polls of every balancer), so watching costs three small queries per interval.
 */
@ApplicationScoped
public class OperationsFigures {

    static final Duration FRESH = Duration.ofSeconds(15);
    private static final Logger LOG = Logger.getLogger(OperationsFigures.class.getName());

    /** One topic's undelivered messages (pending or being delivered) and how long the oldest has waited. */
    public record Backlog(long depth, long oldestAgeSeconds) {
    }

    /** What was read, when; {@code readable} false when the database did not answer (figures then empty). */
    public record Snapshot(Instant takenAt, boolean readable, Map<String, Backlog> outbox,
                           Map<String, Long> documentsByStatus, Map<String, Long> connectionsByState) {

        public long outboxDepth() {
            return outbox.values().stream().mapToLong(Backlog::depth).sum();
        }

        public long oldestOutboxAgeSeconds() {
            return outbox.values().stream().mapToLong(Backlog::oldestAgeSeconds).max().orElse(0);
        }
    }

    @Resource(lookup = "jdbc/cuadra")
    DataSource dataSource;

    private final Refreshed<Snapshot> snapshot = new Refreshed<>(FRESH, this::read, Snapshot::takenAt);

    public Snapshot now() {
        return snapshot.get();
    }

    private Snapshot read() {
        Map<String, Backlog> outbox = new TreeMap<>();
        Map<String, Long> documents = new TreeMap<>();
        Map<String, Long> connections = new TreeMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // the partial index outbox_messages_due covers exactly these rows
            try (ResultSet rs = s.executeQuery("select topic, count(*), coalesce(extract(epoch from now() - min(created_at)), 0)"
                    + " from outbox_messages where status in ('PENDING', 'IN_FLIGHT') group by topic")) {
                while (rs.next()) {
                    outbox.put(rs.getString(1), new Backlog(rs.getLong(2), Math.max(0, rs.getLong(3))));
                }
            }
            try (ResultSet rs = s.executeQuery("select status, count(*) from billing_documents group by status")) {
                while (rs.next()) {
                    documents.put(rs.getString(1), rs.getLong(2));
                }
            }
            // the pool's connections (ApplicationName=cuadra, cuadra-domain.asadmin) of every server on this database
            try (ResultSet rs = s.executeQuery("select coalesce(state, 'unknown'), count(*) from pg_stat_activity"
                    + " where application_name = 'cuadra' and usename = current_user group by 1")) {
                while (rs.next()) {
                    connections.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new Snapshot(Instant.now(), true, Map.copyOf(outbox), Map.copyOf(documents), Map.copyOf(connections));
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Operations figures unreadable: " + e.getMessage());
            return new Snapshot(Instant.now(), false, Map.of(), Map.of(), Map.of());
        }
    }
}
