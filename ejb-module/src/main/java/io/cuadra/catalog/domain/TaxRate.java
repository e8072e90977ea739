package io.cuadra.catalog.domain;

import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/**
 * One of the tenant's tax rates (IGV 18%, exonerado, TVA 5,5 %...). The rules of a rate — percent range,
 * SUNAT catalog 07 affectation code and whether it is taxed — belong to the pricing
 * {@link io.cuadra.shared.tax.TaxRate}; this row is that value kept as data.
 */
@Entity
@Table(name = "tax_rates")
public class TaxRate extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String country;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false, updatable = false)
    private BigDecimal percent;
    @Column(name = "affectation_code", nullable = false, updatable = false)
    private String affectationCode;
    @Column(nullable = false)
    private boolean active = true;

    protected TaxRate() {
    }

    /** Percent and code are fixed once created: a new law is a new rate, so history keeps the old one. */
    public TaxRate(String country, String name, BigDecimal percent, String affectationCode) {
        io.cuadra.shared.tax.TaxRate checked = checked(percent, affectationCode);
        this.country = country;
        this.name = name;
        this.percent = checked.percent();
        this.affectationCode = checked.affectationCode();
    }

    private static io.cuadra.shared.tax.TaxRate checked(BigDecimal percent, String code) {
        try {
            return new io.cuadra.shared.tax.TaxRate(percent, code,
                    "10".equals(code) || "17".equals(code));
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage() + ".").withKey("catalog.taxRateInvalid");
        }
    }

    public void rename(String name, boolean active) {
        this.name = name;
        this.active = active;
    }

    /** The value the order pricing works with. */
    public io.cuadra.shared.tax.TaxRate pricing() {
        return checked(percent, affectationCode);
    }

    public String getCountry() {
        return country;
    }

    public String getName() {
        return name;
    }

    public BigDecimal getPercent() {
        return percent;
    }

    public String getAffectationCode() {
        return affectationCode;
    }

    public boolean isActive() {
        return active;
    }
}
