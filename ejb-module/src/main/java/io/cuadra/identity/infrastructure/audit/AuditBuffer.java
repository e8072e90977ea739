package io.cuadra.identity.infrastructure.audit;

import io.cuadra.identity.domain.AuditEvent;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit events of one JTA transaction, waiting to be written. Row changes are written, chained and
 * hashed at the end of each EclipseLink flush through the flush's own connection
 * ({@link AuditSessionCustomizer}), so they commit or roll back with the change they describe. Events no
 * flush carried are written in {@code beforeCompletion}.
 */
final class AuditBuffer implements Synchronization {

    private static final String KEY = AuditBuffer.class.getName();
    /** The server's one registry, looked up once rather than through JNDI for every audited row. */
    private static volatile TransactionSynchronizationRegistry registry;

    private final List<AuditEvent> events = new ArrayList<>();

    static AuditBuffer current() {
        TransactionSynchronizationRegistry tsr = registry();
        if (tsr.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("Audited changes must happen inside an active transaction");
        }
        AuditBuffer buffer = (AuditBuffer) tsr.getResource(KEY);
        if (buffer == null) {
            buffer = new AuditBuffer();
            tsr.putResource(KEY, buffer);
            tsr.registerInterposedSynchronization(buffer);
        }
        return buffer;
    }

    /** The buffer of the current transaction, or null when nothing was audited in it. */
    static AuditBuffer existing() {
        TransactionSynchronizationRegistry tsr = registry();
        return tsr.getTransactionStatus() == Status.STATUS_NO_TRANSACTION ? null : (AuditBuffer) tsr.getResource(KEY);
    }

    void add(AuditEvent event) {
        events.add(event);
    }

    /** Writes what is waiting through the connection of the flush that just wrote the rows. */
    void writeThrough(Connection connection) {
        if (!events.isEmpty()) {
            AuditWriter.append(connection, events);
            events.clear();
        }
    }

    @Override
    public void beforeCompletion() {
        if (!events.isEmpty()) {
            AuditWriter.appendAlone(events);
            events.clear();
        }
    }

    @Override
    public void afterCompletion(int status) {
        events.clear();
    }

    private static TransactionSynchronizationRegistry registry() {
        TransactionSynchronizationRegistry found = registry;
        if (found == null) {
            try {
                found = (TransactionSynchronizationRegistry) new InitialContext()
                        .lookup("java:comp/TransactionSynchronizationRegistry");
            } catch (NamingException e) {
                throw new IllegalStateException("No transaction synchronization registry", e);
            }
            registry = found;
        }
        return found;
    }
}
