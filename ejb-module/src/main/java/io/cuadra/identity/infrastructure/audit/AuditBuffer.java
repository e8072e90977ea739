package io.cuadra.identity.infrastructure.audit;

import io.cuadra.identity.domain.AuditEvent;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit events of one JTA transaction. They are written, chained and hashed in
 * {@code beforeCompletion} — after EclipseLink has flushed (its synchronization is not interposed,
 * ours is, and the JTA spec runs interposed ones last) and before the commit — so the audit rows
 * commit or roll back with the change they describe.
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

    void add(AuditEvent event) {
        events.add(event);
    }

    @Override
    public void beforeCompletion() {
        if (!events.isEmpty()) {
            AuditWriter.append(events);
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
