package io.cuadra.catalog.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** How much of one item a kit contains. Created and replaced only through {@link Item#useComponents}. */
@Entity
@Table(name = "bundle_components")
public class BundleComponent extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "bundle_id", nullable = false, updatable = false)
    private Item bundle;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "component_id", nullable = false, updatable = false)
    private Item component;
    @Column(nullable = false)
    private BigDecimal quantity;

    protected BundleComponent() {
    }

    BundleComponent(Item bundle, Item component, BigDecimal quantity) {
        this.bundle = bundle;
        this.component = component;
        this.quantity = quantity;
    }

    void changeQuantity(BigDecimal quantity) {
        this.quantity = quantity;
    }

    public Item getBundle() {
        return bundle;
    }

    public Item getComponent() {
        return component;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }
}
