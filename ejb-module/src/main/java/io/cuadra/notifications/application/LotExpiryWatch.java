package io.cuadra.notifications.application;

import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.EachTenant;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;

/**
 * Every day at 07:00 and again at 13:00 (server time; a server down in the morning still warns that day), the lot
 * expiry check of every tenant, each in its own transaction. The once-per-lot-and-day mark makes the second run,
 * and a second server, warn nobody twice.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LotExpiryWatch {

    private static final Logger LOG = Logger.getLogger(LotExpiryWatch.class.getName());

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    LotExpiryNotices notices;

    @Schedule(hour = "7,13", minute = "0", persistent = false)
    void checkLots() {
        @SuppressWarnings("unchecked")
        List<Number> tenants = CrossTenantSql.query(em, "select id from tenants where active order by id").getResultList();
        EachTenant.run(tenants, "notifications:lot-expiry", LOG, "Lot expiry check", notices::check);
    }
}
