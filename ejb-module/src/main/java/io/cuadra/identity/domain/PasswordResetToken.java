package io.cuadra.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** A single-use password reset (valid one hour) or invitation; only the token's SHA-256 is stored. */
@Entity
@Table(name = "password_reset_tokens")
public class PasswordResetToken {

    public static final Duration LIFETIME = Duration.ofHours(1);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cuadra_id")
    private Long id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;
    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;
    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordResetToken() {
    }

    public PasswordResetToken(long tenantId, long userId, String tokenHash, Instant now) {
        this(tenantId, userId, tokenHash, now, LIFETIME);
    }

    /** An invitation is the same single-use link, living longer: a new person may read it a day later. */
    public PasswordResetToken(long tenantId, long userId, String tokenHash, Instant now, Duration lifetime) {
        this.tenantId = tenantId;
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public long getTenantId() {
        return tenantId;
    }

    public long getUserId() {
        return userId;
    }
}
