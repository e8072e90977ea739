package io.cuadra.audit.infrastructure;

import io.cuadra.audit.domain.AuditEvent;

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
public final class AuditWriter {

    /** The server's datasource, looked up once rather than through JNDI for every audited row. */
    private static volatile DataSource dataSource;

    private AuditWriter() {
    }

    /** Lines that no flush carried ({@link AuditBuffer#beforeCompletion}): a short transaction of their own. */
    static void appendAlone(List<AuditEvent> events) {
        try (Connection c = dataSource().getConnection()) {
            append(c, events);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit log: " + e.getMessage(), e);
        }
    }

    /** The connection is the transaction's (enlisted in JTA): not ours to close. */
    public static void append(Connection c, List<AuditEvent> events) {
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
