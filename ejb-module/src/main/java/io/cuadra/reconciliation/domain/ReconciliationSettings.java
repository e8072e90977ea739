package io.cuadra.reconciliation.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The reconciliation component's settings of one tenant. A tenant without a row works with the
 * defaults; the first edit stores them.
 */
@Entity
@Table(name = "reconciliation_settings")
public class ReconciliationSettings extends TenantEntity {

    /** A day that took cash is closed only with a saved drawer count, unless the tenant relaxes it. */
    @Column(name = "cash_count_required", nullable = false)
    private boolean cashCountRequired = true;

    public ReconciliationSettings() {
    }

    public boolean isCashCountRequired() {
        return cashCountRequired;
    }

    public void requireCashCount(boolean required) {
        this.cashCountRequired = required;
    }
}
