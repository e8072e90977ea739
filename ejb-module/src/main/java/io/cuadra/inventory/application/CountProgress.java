package io.cuadra.inventory.application;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Progress of a count's confirmation, committed at once in its own transaction so the screen sees
 * it while the confirmation's own transaction is still open (its moves stay invisible until the end).
 */
@Stateless
public class CountProgress {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void report(long countId, int adjustments, int done) {
        CrossTenantSql.query(em, "update stock_counts set adjustments = ?3, adjustments_done = ?4 "
                        + "where tenant_id = ?1 and id = ?2")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, countId)
                .setParameter(3, adjustments).setParameter(4, done).executeUpdate();
    }
}
