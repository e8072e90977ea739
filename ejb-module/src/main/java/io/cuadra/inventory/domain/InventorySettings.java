package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A tenant's stock switches. A tenant without a row has the defaults: never negative, no
 * reservation at registration, expired lots never sold, alerts 30 days before expiry.
 */
@Entity
@Table(name = "inventory_settings")
public class InventorySettings extends TenantEntity {

    public static final int MAX_ALERT_DAYS = 730;

    @Column(name = "never_negative", nullable = false)
    private boolean neverNegative = true;
    @Column(name = "reserve_on_register", nullable = false)
    private boolean reserveOnRegister;
    @Column(name = "skip_expired_lots", nullable = false)
    private boolean skipExpiredLots = true;
    @Column(name = "expiry_alert_days", nullable = false)
    private int expiryAlertDays = 30;
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "picking_order", nullable = false)
    private PickingOrder pickingOrder = PickingOrder.FEFO;

    public InventorySettings() {
    }

    public void change(boolean neverNegative, boolean reserveOnRegister, boolean skipExpiredLots, int expiryAlertDays) {
        if (expiryAlertDays < 0 || expiryAlertDays > MAX_ALERT_DAYS) {
            throw new RuleViolation("expiryAlertDays: between 0 and " + MAX_ALERT_DAYS + " days; got "
                    + expiryAlertDays + ".").withKey("inventory.betweenDaysGot", MAX_ALERT_DAYS, expiryAlertDays);
        }
        this.neverNegative = neverNegative;
        this.reserveOnRegister = reserveOnRegister;
        this.skipExpiredLots = skipExpiredLots;
        this.expiryAlertDays = expiryAlertDays;
    }

    /** FEFO for perishables (the default), FIFO for goods that do not expire (SIPUD). */
    public void pickBy(PickingOrder order) {
        if (order == null) {
            throw new RuleViolation("pickingOrder: FEFO or FIFO.").withKey("inventory.fefoFifo");
        }
        this.pickingOrder = order;
    }

    /** The switches the stock rules read. */
    public StockPolicy policy() {
        return new StockPolicy(neverNegative, skipExpiredLots, pickingOrder);
    }

    public PickingOrder getPickingOrder() {
        return pickingOrder;
    }

    public boolean isNeverNegative() {
        return neverNegative;
    }

    public boolean isReserveOnRegister() {
        return reserveOnRegister;
    }

    public boolean isSkipExpiredLots() {
        return skipExpiredLots;
    }

    public int getExpiryAlertDays() {
        return expiryAlertDays;
    }
}
