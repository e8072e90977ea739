package io.cuadra.audit.infrastructure;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.internal.databaseaccess.Accessor;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

import java.sql.Connection;

/**
 * Hooks {@link AuditListener} onto every business entity, and writes the lines a flush recorded at the end of
 * that flush, after its SQL and before the transaction commits, through the unit of work's own JDBC
 * connection — the one enlisted in the JTA transaction (persistence.xml names this customizer).
 */
public class AuditSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        AuditListener listener = new AuditListener();
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            if (AuditListener.audits(descriptor)) {
                descriptor.getEventManager().addListener(listener);
            }
        }
        session.getEventManager().addListener(new SessionEventAdapter() {
            @Override
            public void prepareUnitOfWork(SessionEvent event) {
                AuditBuffer buffer = AuditBuffer.existing();
                Accessor accessor = ((AbstractSession) event.getSession()).getAccessor();
                if (buffer != null && accessor != null && accessor.getDatasourceConnection() instanceof Connection c) {
                    buffer.writeThrough(c);
                }
            }
        });
    }
}
