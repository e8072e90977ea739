package io.cuadra.identity.infrastructure.audit;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.Session;

/**
 * Hooks {@link AuditListener} onto every business entity (persistence.xml names this customizer); the listener
 * writes each line through the connection of the change it describes, the one enlisted in the JTA transaction.
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
    }
}
