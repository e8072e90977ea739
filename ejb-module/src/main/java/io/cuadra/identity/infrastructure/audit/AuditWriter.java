package io.cuadra.identity.infrastructure.audit;

import io.cuadra.identity.domain.AuditEvent;
import io.cuadra.identity.domain.AuditRecord;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Appends events to their tenants' chains. The chain head row is locked for the rest of the
 * transaction, so concurrent transactions of one tenant append one after the other and the chain
 * never forks; tenants never wait for each other.
 */
final class AuditWriter {

    private AuditWriter() {
    }

    static void append(List<AuditEvent> events) {
        Map<Long, List<AuditEvent>> byTenant = new LinkedHashMap<>();
        for (AuditEvent e : events) {
            byTenant.computeIfAbsent(e.tenantId(), t -> new java.util.ArrayList<>()).add(e);
        }
        // Same order in every transaction: two transactions touching two tenants cannot deadlock.
        List<Long> tenants = byTenant.keySet().stream().sorted().toList();
        try (Connection c = dataSource().getConnection()) {
            // A connection handed out this late in the commit may not be enlisted in the JTA transaction
            // (auto-commit on): then the head row's lock would end with each statement and concurrent
            // transactions of a tenant would take the same sequence numbers. Such a connection appends in
            // a local transaction of its own, so the chain stays whole under concurrency.
            boolean ownTransaction = c.getAutoCommit();
            if (ownTransaction) {
                c.setAutoCommit(false);
            }
            try {
                for (Long tenant : tenants) {
                    appendTenant(c, tenant, byTenant.get(tenant));
                }
                if (ownTransaction) {
                    c.commit();
                }
            } catch (SQLException e) {
                if (ownTransaction) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log", e);
        }
    }

    private static void appendTenant(Connection c, long tenant, List<AuditEvent> events) throws SQLException {
        try (PreparedStatement init = c.prepareStatement(
                "insert into audit_heads (tenant_id, seq, hash) values (?, 0, ?) on conflict do nothing")) {
            init.setLong(1, tenant);
            init.setString(2, AuditRecord.GENESIS);
            init.executeUpdate();
        }
        long seq;
        String hash;
        try (PreparedStatement head = c.prepareStatement(
                "select seq, hash from audit_heads where tenant_id = ? for update")) {
            head.setLong(1, tenant);
            try (ResultSet rs = head.executeQuery()) {
                rs.next();
                seq = rs.getLong(1);
                hash = rs.getString(2);
            }
        }
        try (PreparedStatement insert = c.prepareStatement("insert into audit_log (tenant_id, seq, at, user_id, "
                + "user_email, action, entity_type, entity_id, changes, ip, user_agent, prev_hash, hash) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEvent e : events) {
                AuditRecord r = AuditRecord.chain(e, ++seq, hash);
                hash = r.hash();
                insert.setLong(1, tenant);
                insert.setLong(2, r.seq());
                insert.setTimestamp(3, Timestamp.from(r.at()));
                if (r.userId() == null) {
                    insert.setNull(4, Types.BIGINT);
                } else {
                    insert.setLong(4, r.userId());
                }
                insert.setString(5, r.userEmail());
                insert.setString(6, r.action());
                insert.setString(7, r.entityType());
                insert.setString(8, r.entityId());
                insert.setString(9, r.changes());
                insert.setString(10, r.ip());
                insert.setString(11, r.userAgent());
                insert.setString(12, r.prevHash());
                insert.setString(13, r.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (PreparedStatement update = c.prepareStatement(
                "update audit_heads set seq = ?, hash = ? where tenant_id = ?")) {
            update.setLong(1, seq);
            update.setString(2, hash);
            update.setLong(3, tenant);
            update.executeUpdate();
        }
    }

    private static DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup("jdbc/cuadra");
        } catch (NamingException e) {
            throw new IllegalStateException("No jdbc/cuadra datasource", e);
        }
    }
}
