package io.cuadra.audit.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Sealing: committed, unsealed audit lines of one tenant join the end of its hash chain. They are taken in the
 * order of their line id (assigned at insert), so the same lines sealed onto the same head always give the same
 * chain; a line whose transaction commits later is simply sealed in a later round, after the ones already sealed.
 */
public final class AuditChain {

    private AuditChain() {
    }

    /** The last sealed line of a tenant: where the next line attaches. */
    public record Head(long seq, String hash) {

        public static final Head EMPTY = new Head(0, AuditRecord.GENESIS);

        /** Where the chain stands after {@code sealed}, which was chained onto some head. */
        public static Head headAfter(List<Sealed> sealed) {
            AuditRecord last = sealed.get(sealed.size() - 1).record();
            return new Head(last.seq(), last.hash());
        }
    }

    /** A stored line not sealed yet: its row id and content. */
    public record Pending(long id, AuditEvent event) {
    }

    /** A line sealed: the row to fill and the chained record (seq, previous hash, hash). */
    public record Sealed(long id, AuditRecord record) {
    }

    /** Chains {@code pending} (one tenant's) after {@code head}, in id order. */
    public static List<Sealed> seal(Head head, List<Pending> pending) {
        List<Pending> ordered = new ArrayList<>(pending);
        ordered.sort(Comparator.comparingLong(Pending::id));
        List<Sealed> sealed = new ArrayList<>(ordered.size());
        long seq = head.seq();
        String prev = head.hash();
        Long tenant = null;
        for (Pending p : ordered) {
            if (tenant != null && tenant != p.event().tenantId()) {
                throw new IllegalArgumentException("One tenant's chain at a time: " + tenant + " and "
                        + p.event().tenantId());
            }
            tenant = p.event().tenantId();
            AuditRecord r = AuditRecord.chain(p.event(), ++seq, prev);
            prev = r.hash();
            sealed.add(new Sealed(p.id(), r));
        }
        return sealed;
    }
}
