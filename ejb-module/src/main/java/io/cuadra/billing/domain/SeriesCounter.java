package io.cuadra.billing.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The next number of one series at one location. Numbers are taken by {@code SeriesNumbers} with a
 * single locking UPDATE in the issuing transaction: concurrent issues queue on the row, and a
 * transaction that rolls back gives its number back, so a series has neither gaps nor repeats.
 */
@Entity
@Table(name = "billing_series_counters")
public class SeriesCounter extends TenantEntity {

    @Column(name = "location_id", nullable = false, updatable = false)
    private long locationId;
    @Column(nullable = false, updatable = false)
    private String series;
    @Column(name = "next_number", nullable = false)
    private long nextNumber;

    protected SeriesCounter() {
    }

    public long getLocationId() {
        return locationId;
    }

    public String getSeries() {
        return series;
    }

    public long getNextNumber() {
        return nextNumber;
    }
}
