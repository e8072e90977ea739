package io.cuadra.catalog.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A country's standard tax rate, reference data shared by all tenants (migration-kept): each tenant
 * gets its own {@link TaxRate} copied from these, which it may then rename or retire.
 */
@Entity
@Table(name = "tax_rate_defaults")
@IdClass(TaxRateDefault.Key.class)
public class TaxRateDefault {

    @Id
    private String country;
    @Id
    private String name;
    @Column(nullable = false)
    private BigDecimal percent;
    @Column(name = "affectation_code", nullable = false)
    private String affectationCode;
    @Column(nullable = false)
    private int position;

    protected TaxRateDefault() {
    }

    /** The tenant's own rate made from this one. */
    public TaxRate copy() {
        return new TaxRate(country, name, percent, affectationCode);
    }

    public String getCountry() {
        return country;
    }

    public String getName() {
        return name;
    }

    public int getPosition() {
        return position;
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private String country;
        private String name;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(country, k.country) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(country, name);
        }
    }
}
