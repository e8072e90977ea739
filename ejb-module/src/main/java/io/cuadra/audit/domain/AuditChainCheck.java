package io.cuadra.audit.domain;

import java.util.Optional;

/**
 * Walks a tenant's audit lines in sequence order and names the first one that does not hold: its
 * content no longer matches its hash, it does not point at its predecessor, or a sequence number is
 * missing.
 */
public final class AuditChainCheck {

    private String expectedPrev = AuditRecord.GENESIS;
    private long expectedSeq = 1;
    private long checked;
    private Broken broken;

    /** Feeds the next line; returns false once the chain is broken (further lines are ignored). */
    public boolean accept(AuditRecord line) {
        if (broken != null) {
            return false;
        }
        checked++;
        if (line.seq() != expectedSeq) {
            broken = new Broken(line.seq(), "sequence " + expectedSeq + " is missing");
        } else if (!line.prevHash().equals(expectedPrev)) {
            broken = new Broken(line.seq(), "does not follow line " + (line.seq() - 1));
        } else if (!line.recomputedHash().equals(line.hash())) {
            broken = new Broken(line.seq(), "content was altered after it was written");
        }
        expectedPrev = line.hash();
        expectedSeq = line.seq() + 1;
        return broken == null;
    }

    public long checked() {
        return checked;
    }

    public Optional<Broken> broken() {
        return Optional.ofNullable(broken);
    }

    public record Broken(long seq, String reason) {
    }
}
