package io.cuadra.shared.inbox;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The inbox's memory: which messages an outside system (a LIS, a shop) sent were already taken, keyed by the
 * sender's own message id. Recording joins the caller's transaction, so a message counts as received exactly
 * when what it changed commits; a repeat then finds its id and changes nothing.
 */
@Stateless
public class ReceivedMessages {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** Records {@code messageId} from {@code source}; false when it was recorded before (a repeat). */
    public boolean firstReceipt(String source, String messageId, Long tenantId) {
        return CrossTenantSql.query(em, """
                insert into received_messages (source, message_id, tenant_id) values (?1, ?2, cast(?3 as bigint))
                on conflict do nothing""")
                .setParameter(1, source).setParameter(2, messageId).setParameter(3, tenantId).executeUpdate() == 1;
    }
}
