package io.cuadra.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A refresh token as stored: only its SHA-256, never the token. Each use retires it and issues the
 * next one of the same family; presenting a retired token means it was stolen or replayed, and the
 * whole family is revoked.
 */
@Entity
@Table(name = "refresh_tokens")
public class RefreshToken {

    public static final Duration LIFETIME = Duration.ofDays(7);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "cuadra_id")
    private Long id;
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private long tenantId;
    @Column(name = "user_id", nullable = false, updatable = false)
    private long userId;
    @Column(name = "family_id", nullable = false, updatable = false)
    private UUID familyId;
    @Column(name = "token_hash", nullable = false, updatable = false)
    private String tokenHash;
    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;
    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected RefreshToken() {
    }

    public RefreshToken(long tenantId, long userId, UUID familyId, String tokenHash, Instant now) {
        this.tenantId = tenantId;
        this.userId = userId;
        this.familyId = familyId;
        this.tokenHash = tokenHash;
        this.issuedAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    /** Usable once, before it expires, unless revoked. */
    public boolean isUsable(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    /** Already used or revoked: a replay. */
    public boolean isRetired() {
        return usedAt != null || revokedAt != null;
    }

    public void use(Instant now) {
        this.usedAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            this.revokedAt = now;
        }
    }

    public long getTenantId() {
        return tenantId;
    }

    public long getUserId() {
        return userId;
    }

    public UUID getFamilyId() {
        return familyId;
    }
}
