package io.cuadra.identity.infrastructure.audit;

import io.cuadra.identity.domain.AuditEvent;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;

/**
 * Writes audit lines, unsealed, through the connection of the transaction whose changes they describe: they
 * commit or roll back with them, and they lock nothing but their own new rows — no tenant-wide row, so writing
 * transactions never wait for each other's audit. {@link AuditSealer} chains them after commit.
 */
final class AuditWriter {

    /** The server's datasource, looked up once rather than through JNDI for every audited row. */
    private static volatile DataSource dataSource;

    private AuditWriter() {
    }

    /**
     * Writes one line of a row change. While the business method runs, a connection of {@code jdbc/cuadra} is the
     * transaction's own (the pool hands every request of one transaction the same enlisted connection; EclipseLink
     * gives its own back between statements): the line commits or rolls back with the change. A change EclipseLink
     * writes only at commit finds the pool no longer enlisting: that line is written in a short transaction of its
     * own (an insert that waits for no lock, since nothing locks a shared audit row any more).
     */
    static void appendInTransaction(AuditEvent event) {
        try (Connection c = dataSource().getConnection()) {
            append(c, List.of(event)); // enlisted: the transaction's; otherwise auto-commit: its own
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log: " + e.getMessage(), e);
        }
    }

    /** The connection is the transaction's (enlisted in JTA): not ours to close. */
    static void append(Connection c, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("insert into audit_log (tenant_id, at, user_id, "
                + "user_email, action, entity_type, entity_id, changes, ip, user_agent) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AuditEvent e : events) {
                insert.setLong(1, e.tenantId());
                insert.setTimestamp(2, Timestamp.from(e.at()));
                if (e.userId() == null) {
                    insert.setNull(3, Types.BIGINT);
                } else {
                    insert.setLong(3, e.userId());
                }
                insert.setString(4, e.userEmail());
                insert.setString(5, e.action());
                insert.setString(6, e.entityType());
                insert.setString(7, e.entityId());
                insert.setString(8, e.changes());
                insert.setString(9, e.ip());
                insert.setString(10, e.userAgent());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new IllegalStateException("Could not write the audit log: " + cause.getMessage(), e);
        }
    }

    private static DataSource dataSource() {
        DataSource found = dataSource;
        if (found == null) {
            try {
                found = (DataSource) new InitialContext().lookup("jdbc/cuadra");
            } catch (NamingException e) {
                throw new IllegalStateException("No jdbc/cuadra datasource", e);
            }
            dataSource = found;
        }
        return found;
    }
}
