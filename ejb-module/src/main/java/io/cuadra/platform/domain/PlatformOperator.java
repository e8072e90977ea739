package io.cuadra.platform.domain;

import io.cuadra.shared.domain.RuleViolation;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A person who runs the platform: opens, suspends and reactivates tenants. Belongs to no tenant and holds
 * no tenant role, so nothing a tenant can do or read reaches an operator, and an operator reads no
 * tenant's business data. Starts without a password: a single-use setup link (only its hash is kept)
 * lets the person choose one.
 */
@Entity
@Table(name = "platform_operators")
public class PlatformOperator {

    public static final Duration SETUP_LINK_LIFETIME = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cuadra_id")
    private Long id;
    @Column(nullable = false, unique = true, updatable = false)
    private String email;
    @Column(name = "password_hash")
    private String passwordHash;
    @Column(nullable = false)
    private boolean active = true;
    @Column(name = "token_version", nullable = false)
    private long tokenVersion;
    @Column(name = "setup_token_hash")
    private String setupTokenHash;
    @Column(name = "setup_expires_at")
    private Instant setupExpiresAt;
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Version
    private long version;

    protected PlatformOperator() {
    }

    public PlatformOperator(String email, String createdBy, Instant now) {
        this.email = normalizeEmail(email);
        this.createdBy = createdBy;
        this.updatedBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static String normalizeEmail(String email) {
        String e = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!e.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new RuleViolation("email: \"" + email + "\" is not an e-mail address.").withKey("platform.mailAddress", email);
        }
        return e;
    }

    /** A new setup link replaces any earlier one. */
    public void expectSetup(String tokenHash, Instant now) {
        this.setupTokenHash = tokenHash;
        this.setupExpiresAt = now.plus(SETUP_LINK_LIFETIME);
        this.updatedAt = now;
    }

    public boolean setupUsable(Instant now) {
        return setupTokenHash != null && now.isBefore(setupExpiresAt);
    }

    /** Spends the setup link; every earlier session ends (the token version moves). */
    public void choosePassword(String hash, Instant now) {
        this.passwordHash = hash;
        this.setupTokenHash = null;
        this.setupExpiresAt = null;
        this.tokenVersion++;
        this.updatedAt = now;
        this.updatedBy = email;
    }

    public boolean maySignIn() {
        return active && passwordHash != null;
    }

    public void recordLogin(Instant now) {
        this.lastLoginAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public long getTokenVersion() {
        return tokenVersion;
    }
}
