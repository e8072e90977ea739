package io.cuadra.notifications.application;

import io.cuadra.catalog.domain.Item;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.inventory.application.StockCatalog;
import io.cuadra.inventory.application.StockReports;
import io.cuadra.inventory.domain.ExpiryAlert;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.NotificationEvent;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lot expiry check of the current tenant: every active location's lots with stock expiring within the
 * tenant's alert window (inventory's own alert) warn the location's supervisors in-app and by e-mail, once per
 * lot and business day — the day's mark and the messages commit together.
 */
@Stateless
public class LotExpiryNotices {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    StockReports stock;

    @EJB
    StockCatalog catalog;

    @EJB
    SupervisorNotices supervisors;

    /** Returns how many lots were warned about now (those already warned about today are not counted). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int check() {
        long tenant = TenantContext.require().tenantId();
        @SuppressWarnings("unchecked")
        List<Number> locations = CrossTenantSql.query(em,
                        "select id from locations where tenant_id = ?1 and active order by id")
                .setParameter(1, tenant).getResultList();
        int warned = 0;
        for (Number location : locations) {
            if (CurrentCaller.get().map(c -> !c.worksAt(location.longValue())).orElse(false)) {
                continue; // run by hand by someone of some locations: theirs only (the daily job sees all)
            }
            StockReports.Alerts alerts = stock.alerts(location.longValue());
            // A lot may lie in several warehouses of the location: one warning with its whole stock there.
            Map<Long, ExpiryAlert> byLot = new LinkedHashMap<>();
            Map<Long, Quantity> onHand = new HashMap<>();
            for (ExpiryAlert a : alerts.expiring()) {
                byLot.putIfAbsent(a.stock().lot().id(), a);
                onHand.merge(a.stock().lot().id(), a.stock().onHand(), Quantity::plus);
            }
            if (byLot.isEmpty()) {
                continue;
            }
            Map<Long, Item> items = catalog.items(byLot.values().stream().map(a -> a.stock().lot().itemId()).toList());
            String locationCode = (String) CrossTenantSql.query(em, "select code from locations where id = ?1")
                    .setParameter(1, location.longValue()).getSingleResult();
            for (ExpiryAlert a : byLot.values()) {
                int claimed = CrossTenantSql.query(em, """
                        insert into notification_lot_notices (tenant_id, location_id, lot_id, business_date)
                        values (?1, ?2, ?3, ?4) on conflict do nothing""")
                        .setParameter(1, tenant).setParameter(2, location.longValue())
                        .setParameter(3, a.stock().lot().id())
                        .setParameter(4, java.sql.Date.valueOf(alerts.businessDate())).executeUpdate();
                if (claimed == 0) {
                    continue;
                }
                Item item = items.get(a.stock().lot().itemId());
                Map<String, String> variables = new HashMap<>();
                variables.put("locationCode", locationCode);
                variables.put("lotCode", a.stock().lot().code());
                variables.put("itemCode", item == null ? "" : item.getCode());
                variables.put("itemName", item == null ? "" : item.getName());
                variables.put("expiresOn", a.stock().lot().expiresOn().toString());
                variables.put("daysLeft", Long.toString(a.daysLeft()));
                variables.put("onHand", onHand.get(a.stock().lot().id()).value().stripTrailingZeros().toPlainString());
                supervisors.notify(NotificationEvent.LOT_EXPIRING, location.longValue(), null, variables,
                        Channel.ALERT, Channel.EMAIL);
                warned++;
            }
        }
        return warned;
    }
}
