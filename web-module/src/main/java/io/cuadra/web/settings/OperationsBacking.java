package io.cuadra.web.settings;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.inventory.application.InventorySettingsService;
import io.cuadra.inventory.domain.InventorySettings;
import io.cuadra.inventory.domain.PickingOrder;
import io.cuadra.orders.application.OrderSettingsService;
import io.cuadra.orders.domain.OrderSettings;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * Settings page for how the tenant sells and keeps stock: the order settings (discount approval) and
 * the stock switches, FIFO or FEFO picking among them (REST: /api/orders/settings, /api/inventory/settings).
 */
@Named
@ViewScoped
public class OperationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    InventorySettingsService inventory;
    @EJB
    OrderSettingsService orders;

    private long inventoryVersion;
    private boolean neverNegative;
    private boolean reserveOnRegister;
    private boolean skipExpiredLots;
    private int expiryAlertDays;
    private String pickingOrder;
    private long ordersVersion;
    private BigDecimal discountApprovalPercent;

    @PostConstruct
    void load() {
        InventorySettings s = inventory.current();
        inventoryVersion = s.getVersion();
        neverNegative = s.isNeverNegative();
        reserveOnRegister = s.isReserveOnRegister();
        skipExpiredLots = s.isSkipExpiredLots();
        expiryAlertDays = s.getExpiryAlertDays();
        pickingOrder = s.getPickingOrder().name();
        OrderSettings o = orders.current();
        ordersVersion = o.getVersion();
        discountApprovalPercent = o.getDiscountApprovalPercent();
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void saveInventory() {
        if (FacesActions.succeeded(() -> inventory.update(inventoryVersion, neverNegative, reserveOnRegister,
                skipExpiredLots, expiryAlertDays, PickingOrder.valueOf(pickingOrder)))) {
            FacesActions.info(Texts.get("people.settings.saved"));
            load();
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void saveOrders() {
        if (FacesActions.succeeded(() -> orders.update(ordersVersion, discountApprovalPercent))) {
            FacesActions.info(Texts.get("people.settings.saved"));
            load();
        }
    }

    public List<String> getPickingOrders() {
        return Arrays.stream(PickingOrder.values()).map(Enum::name).toList();
    }

    public boolean isNeverNegative() {
        return neverNegative;
    }

    public void setNeverNegative(boolean neverNegative) {
        this.neverNegative = neverNegative;
    }

    public boolean isReserveOnRegister() {
        return reserveOnRegister;
    }

    public void setReserveOnRegister(boolean reserveOnRegister) {
        this.reserveOnRegister = reserveOnRegister;
    }

    public boolean isSkipExpiredLots() {
        return skipExpiredLots;
    }

    public void setSkipExpiredLots(boolean skipExpiredLots) {
        this.skipExpiredLots = skipExpiredLots;
    }

    public int getExpiryAlertDays() {
        return expiryAlertDays;
    }

    public void setExpiryAlertDays(int expiryAlertDays) {
        this.expiryAlertDays = expiryAlertDays;
    }

    public String getPickingOrder() {
        return pickingOrder;
    }

    public void setPickingOrder(String pickingOrder) {
        this.pickingOrder = pickingOrder;
    }

    public BigDecimal getDiscountApprovalPercent() {
        return discountApprovalPercent;
    }

    public void setDiscountApprovalPercent(BigDecimal discountApprovalPercent) {
        this.discountApprovalPercent = discountApprovalPercent;
    }
}
