package io.cuadra.audit.infrastructure;

import io.cuadra.audit.domain.AuditChain;
import io.cuadra.audit.domain.AuditEvent;
import io.cuadra.audit.domain.AuditRecord;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * One sealing round, in a short transaction of its own: under a PostgreSQL advisory lock (so that of all the
 * servers sharing the database only one seals at a time, and the chain never forks), each tenant's committed
 * unsealed lines, oldest id first, are chained after its last sealed line ({@link AuditChain}).
 */
@Stateless
public class AuditSealing {

    /** The advisory lock of the sealer ("CUADRAAU"); held to the end of the round's transaction. */
    static final long LOCK_KEY = 0x4355_4144_5241_4155L;

    @Resource(lookup = "jdbc/cuadra")
    DataSource dataSource;

    /**
     * Seals up to {@code perTenant} lines of every tenant that has unsealed ones; returns how many were sealed,
     * or -1 when another server holds the sealer's lock.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int sealRound(int perTenant) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement lock = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
                lock.setLong(1, LOCK_KEY);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return -1;
                    }
                }
            }
            int sealed = 0;
            for (long tenant : tenantsWithUnsealedLines(c)) {
                sealed += sealTenant(c, tenant, perTenant);
            }
            return sealed;
        } catch (SQLException e) {
            SQLException cause = e.getNextException() != null ? e.getNextException() : e;
            throw new IllegalStateException("Audit sealing failed: " + cause.getMessage(), e);
        }
    }

    private static List<Long> tenantsWithUnsealedLines(Connection c) throws SQLException {
        List<Long> tenants = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select distinct tenant_id from audit_log where seq is null");
             ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                tenants.add(rs.getLong(1));
            }
        }
        return tenants;
    }

    private static int sealTenant(Connection c, long tenant, int limit) throws SQLException {
        AuditChain.Head head = AuditChain.Head.EMPTY;
        try (PreparedStatement q = c.prepareStatement("select seq, hash from audit_log where tenant_id = ? "
                + "and seq is not null order by seq desc limit 1")) {
            q.setLong(1, tenant);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    head = new AuditChain.Head(rs.getLong(1), rs.getString(2));
                }
            }
        }
        List<AuditChain.Pending> pending = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("select id, at, user_id, user_email, action, entity_type, "
                + "entity_id, changes, ip, user_agent from audit_log where tenant_id = ? and seq is null "
                + "order by id limit ?")) {
            q.setLong(1, tenant);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long userId = rs.getLong(3);
                    Long user = rs.wasNull() ? null : userId;
                    pending.add(new AuditChain.Pending(rs.getLong(1), new AuditEvent(tenant,
                            rs.getObject(2, OffsetDateTime.class).toInstant(), user, rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10))));
                }
            }
        }
        List<AuditChain.Sealed> sealed = AuditChain.seal(head, pending);
        if (sealed.isEmpty()) {
            return 0;
        }
        Long[] ids = new Long[sealed.size()];
        Long[] seqs = new Long[sealed.size()];
        String[] prevs = new String[sealed.size()];
        String[] hashes = new String[sealed.size()];
        for (int i = 0; i < sealed.size(); i++) {
            AuditRecord r = sealed.get(i).record();
            ids[i] = sealed.get(i).id();
            seqs[i] = r.seq();
            prevs[i] = r.prevHash();
            hashes[i] = r.hash();
        }
        // One statement per round and tenant: the seal columns of every line, by id.
        try (PreparedStatement update = c.prepareStatement("update audit_log a set seq = v.seq, prev_hash = v.prev, "
                + "hash = v.hash, sealed_at = now() from unnest(?::bigint[], ?::bigint[], ?::text[], ?::text[]) as v(id, seq, prev, hash) "
                + "where a.id = v.id and a.seq is null")) {
            Array idArray = c.createArrayOf("bigint", ids);
            update.setArray(1, idArray);
            update.setArray(2, c.createArrayOf("bigint", seqs));
            update.setArray(3, c.createArrayOf("text", prevs));
            update.setArray(4, c.createArrayOf("text", hashes));
            int updated = update.executeUpdate();
            if (updated != sealed.size()) {
                throw new IllegalStateException("Sealed " + updated + " of " + sealed.size() + " audit lines of tenant "
                        + tenant + ": the round is rolled back");
            }
        }
        return sealed.size();
    }
}
