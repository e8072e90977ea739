package io.cuadra.web.inventory;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.StockReports;
import io.cuadra.web.inventory.InventoryViews.AlertsView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;

/** The home page's stock alerts: per location the caller works at, low stock and lots about to expire. */
@Named
@RequestScoped
public class StockAlertsWidget {

    /** How many alerts of each kind a location shows on the home page; the rest are on the stock page. */
    static final int SHOWN = 5;

    @EJB
    StockReports reports;

    @EJB
    LocationService locations;

    private List<LocationAlerts> alerts;

    public List<LocationAlerts> getLocations() {
        if (alerts == null) {
            alerts = new ArrayList<>();
            boolean allowed = CurrentCaller.get().map(c -> c.can(Module.INVENTORY, Action.VIEW)).orElse(false);
            if (allowed) {
                for (Location l : locations.listVisible()) {
                    AlertsView a = AlertsView.of(reports.alerts(l.getId()));
                    if (!a.lowStock().isEmpty() || !a.expiring().isEmpty()) {
                        alerts.add(new LocationAlerts(l.getCode(), l.getName(), a.lowStock().size(), a.expiring().size(),
                                a.lowStock().stream().limit(SHOWN).toList(), a.expiring().stream().limit(SHOWN).toList()));
                    }
                }
            }
        }
        return alerts;
    }

    public record LocationAlerts(String code, String name, int lowCount, int expiringCount,
                                 List<InventoryViews.LowStockView> low, List<InventoryViews.ExpiryView> expiring) {
    }
}
