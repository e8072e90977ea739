package io.cuadra.audit.domain;

import io.cuadra.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.ReadOnly;

import java.time.Instant;

/**
 * A stored audit line, read-only: rows are written by the audit writer and only ever sealed (seq, prev_hash, hash
 * filled once by the sealer). An unsealed line has no seq yet.
 */
@Entity
@ReadOnly
@Table(name = "audit_log")
public class AuditEntry extends TenantScoped {

    private Long seq;
    private Instant at;
    @Column(name = "user_id")
    private Long userId;
    @Column(name = "user_email")
    private String userEmail;
    private String action;
    @Column(name = "entity_type")
    private String entityType;
    @Column(name = "entity_id")
    private String entityId;
    private String changes;
    private String ip;
    @Column(name = "user_agent")
    private String userAgent;
    @Column(name = "prev_hash")
    private String prevHash;
    private String hash;
    @Column(name = "sealed_at")
    private Instant sealedAt;

    protected AuditEntry() {
    }

    /** The chained line; only a sealed line has one. */
    public AuditRecord record() {
        if (seq == null) {
            throw new IllegalStateException("Audit line " + getId() + " is not sealed yet");
        }
        return new AuditRecord(getTenantId(), seq, at, userId, userEmail, action, entityType, entityId, changes, ip,
                userAgent, prevHash, hash);
    }

    /** Its place in the tenant's chain; null until sealed. */
    public Long getSeq() {
        return seq;
    }

    public boolean isSealed() {
        return seq != null;
    }

    public Instant getSealedAt() {
        return sealedAt;
    }

    public Instant getAt() {
        return at;
    }

    public Long getUserId() {
        return userId;
    }

    public String getUserEmail() {
        return userEmail;
    }

    public String getAction() {
        return action;
    }

    public String getEntityType() {
        return entityType;
    }

    public String getEntityId() {
        return entityId;
    }

    public String getChanges() {
        return changes;
    }

    public String getIp() {
        return ip;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public String getHash() {
        return hash;
    }
}
