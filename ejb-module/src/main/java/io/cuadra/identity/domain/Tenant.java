package io.cuadra.identity.domain;

import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantRoot;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A business using Cuadra. Every other row belongs to exactly one tenant. */
@Entity
@Table(name = "tenants")
public class Tenant implements TenantRoot {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cuadra_id")
    private Long id;
    @Column(nullable = false, unique = true, updatable = false)
    private String slug;
    @Column(nullable = false)
    private String name;
    /** False while suspended: its users cannot sign in and its tokens are refused (403). */
    @Column(nullable = false)
    private boolean active = true;
    /** The languages the back office is written in. */
    public static final java.util.Set<String> BACK_OFFICE_LANGUAGES = java.util.Set.of("es", "en", "fr");

    /** ISO 639-1 codes, comma-separated, first one the default of its people. */
    @Column(nullable = false)
    private String languages = "es";
    @Column(name = "country_pack_version")
    private Integer countryPackVersion;
    @Column(name = "suspended_at")
    private Instant suspendedAt;
    @Column(name = "suspension_reason")
    private String suspensionReason;
    /** Until when the operator holds the tenant's API for maintenance (503 with Retry-After); null: open. */
    @Column(name = "maintenance_until")
    private Instant maintenanceUntil;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(String slug, String name, String createdBy) {
        this.slug = slug;
        this.name = name;
        this.createdBy = createdBy;
        this.updatedBy = createdBy;
    }

    /** What the opening chose from (or over) the country pack. */
    public void configure(List<String> languages, int countryPackVersion) {
        this.languages = String.join(",", languages);
        this.countryPackVersion = countryPackVersion;
    }

    /**
     * The languages its people work in, the first their default before each chooses their own; only those the back
     * office is written in, each once.
     */
    public void speak(List<String> chosen, String byWhom, Instant now) {
        List<String> codes = chosen == null ? List.of()
                : chosen.stream().filter(java.util.Objects::nonNull).map(l -> l.strip().toLowerCase(java.util.Locale.ROOT))
                .toList();
        if (codes.isEmpty() || !BACK_OFFICE_LANGUAGES.containsAll(codes) || codes.stream().distinct().count() != codes.size()) {
            throw new RuleViolation("languages: one or more of es, en, fr, each once; got " + codes + ".")
                    .withKey("identity.tenantLanguages");
        }
        this.languages = String.join(",", codes);
        touch(byWhom, now);
    }

    public void suspend(String reason, String byWhom, Instant now) {
        if (!active) {
            throw new Conflict("The tenant " + slug + " is already suspended.").withKey("identity.tenantAlreadySuspended", slug);
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason: say why the tenant is suspended (its people will ask).").withKey("identity.sayWhyTenant");
        }
        this.active = false;
        this.suspendedAt = now;
        this.suspensionReason = reason.strip();
        touch(byWhom, now);
    }

    public void reactivate(String byWhom, Instant now) {
        if (active) {
            throw new Conflict("The tenant " + slug + " is not suspended.").withKey("identity.tenantSuspended", slug);
        }
        this.active = true;
        this.suspendedAt = null;
        this.suspensionReason = null;
        touch(byWhom, now);
    }

    /** The longest maintenance window: beyond a day it is a suspension, with a reason its people can read. */
    public static final Duration MAX_MAINTENANCE = Duration.ofHours(24);

    /** Holds the tenant's API until {@code until} (its requests answer 503 and when to retry). */
    public void beginMaintenance(Instant until, String byWhom, Instant now) {
        if (!active) {
            throw new Conflict("The tenant " + slug + " is suspended: reactivate it first.")
                    .withKey("identity.maintenanceWhileSuspended", slug);
        }
        if (until == null || !until.isAfter(now) || until.isAfter(now.plus(MAX_MAINTENANCE))) {
            throw new RuleViolation("minutes: within the next " + MAX_MAINTENANCE.toHours() + " hours.")
                    .withKey("identity.maintenanceWindow", MAX_MAINTENANCE.toHours());
        }
        this.maintenanceUntil = until;
        touch(byWhom, now);
    }

    public void endMaintenance(String byWhom, Instant now) {
        if (maintenanceUntil == null || !maintenanceUntil.isAfter(now)) {
            throw new Conflict("The tenant " + slug + " is not under maintenance.")
                    .withKey("identity.notInMaintenance", slug);
        }
        this.maintenanceUntil = null;
        touch(byWhom, now);
    }

    private void touch(String byWhom, Instant now) {
        this.updatedBy = byWhom;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getSlug() {
        return slug;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }


    public List<String> languages() {
        return List.of(languages.split(","));
    }

    public long getVersion() {
        return version;
    }

    public Integer getCountryPackVersion() {
        return countryPackVersion;
    }

    public Instant getSuspendedAt() {
        return suspendedAt;
    }

    public Instant getMaintenanceUntil() {
        return maintenanceUntil;
    }

    public String getSuspensionReason() {
        return suspensionReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
