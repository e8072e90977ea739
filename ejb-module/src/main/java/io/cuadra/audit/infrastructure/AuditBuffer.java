package io.cuadra.audit.infrastructure;

import io.cuadra.audit.domain.AuditEvent;
import io.cuadra.shared.tenancy.Actor;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit lines of one JTA transaction's row changes, waiting for the end of the EclipseLink flush that
 * wrote those rows: {@link AuditSessionCustomizer} then writes them, unsealed, through that flush's own
 * connection — the one enlisted in the transaction, also when EclipseLink flushes at commit — so they commit
 * or roll back with the change. (A connection taken from the pool during the commit-time flush is no longer
 * enlisted, which is why the lines are not written as each row is.) Nothing here locks a shared row.
 */
final class AuditBuffer implements Synchronization {

    private static final String KEY = AuditBuffer.class.getName();
    private static final System.Logger LOG = System.getLogger(AuditBuffer.class.getName());
    /** The server's one registry, looked up once rather than through JNDI for every audited row. */
    private static volatile TransactionSynchronizationRegistry registry;

    private final List<AuditEvent> events = new ArrayList<>();
    /** Who made the transaction's changes so far: the actor of its latest recorded line. */
    private Actor actor;

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

    void add(AuditEvent event, Actor by) {
        events.add(event);
        actor = by;
    }

    /** The actor of the transaction's latest recorded line, or null when none was recorded yet. */
    Actor actor() {
        return actor;
    }

    /** Writes what is waiting through the connection of the flush that just wrote the rows. */
    void writeThrough(Connection connection) {
        if (!events.isEmpty()) {
            AuditWriter.append(connection, events);
            events.clear();
        }
    }

    /**
     * Every flush ends with {@link #writeThrough}; lines still waiting here were recorded by no flush that
     * ended, which EclipseLink does not do. They are written rather than lost, and the log says so.
     */
    @Override
    public void beforeCompletion() {
        if (!events.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "{0} audit line(s) no flush wrote; written on their own", events.size());
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
