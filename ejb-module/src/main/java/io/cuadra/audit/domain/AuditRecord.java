package io.cuadra.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One line of a tenant's audit chain. Its hash covers every field and the previous line's hash, so
 * changing, removing or reordering any stored line breaks the chain from that line on.
 */
public record AuditRecord(long tenantId, long seq, Instant at, Long userId, String userEmail, String action,
                          String entityType, String entityId, String changes, String ip, String userAgent,
                          String prevHash, String hash) {

    /** The hash before the first line of every tenant's chain. */
    public static final String GENESIS = "0".repeat(64);

    public static AuditRecord chain(AuditEvent event, long seq, String prevHash) {
        String hash = hashOf(event.tenantId(), seq, event.at(), event.userId(), event.userEmail(), event.action(),
                event.entityType(), event.entityId(), event.changes(), event.ip(), event.userAgent(), prevHash);
        return new AuditRecord(event.tenantId(), seq, event.at(), event.userId(), event.userEmail(), event.action(),
                event.entityType(), event.entityId(), event.changes(), event.ip(), event.userAgent(), prevHash, hash);
    }

    /** Recomputes this line's hash from its content: differs from {@link #hash()} when a field was altered. */
    public String recomputedHash() {
        return hashOf(tenantId, seq, at, userId, userEmail, action, entityType, entityId, changes, ip, userAgent,
                prevHash);
    }

    static String hashOf(long tenantId, long seq, Instant at, Long userId, String userEmail, String action,
                         String entityType, String entityId, String changes, String ip, String userAgent,
                         String prevHash) {
        // Unit separator between fields: no field value can shift into its neighbour.
        String content = String.join("\u001f", Long.toString(tenantId), Long.toString(seq),
                Long.toString(at.getEpochSecond()), Integer.toString(at.getNano() / 1000), Objects.toString(userId, ""),
                Objects.toString(userEmail, ""), action, Objects.toString(entityType, ""),
                Objects.toString(entityId, ""), Objects.toString(changes, ""), Objects.toString(ip, ""),
                Objects.toString(userAgent, ""), prevHash);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
