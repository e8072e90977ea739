package io.cuadra.billing.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a billing document stands. SUNAT documents go PENDING (issued, queued) → SENT (handed to SUNAT)
 * → ACCEPTED | ACCEPTED_WITH_OBSERVATIONS | REJECTED; a send that ends in an exception or a network error
 * goes back to PENDING to be retried. A credit note that voids the whole document makes it CANCELLED.
 * Documents of countries without electronic submission (France) are ISSUED at once.
 */
public enum DocumentStatus {

    PENDING, SENT, ACCEPTED, ACCEPTED_WITH_OBSERVATIONS, REJECTED, CANCELLED, ISSUED;

    public Set<DocumentStatus> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(SENT, CANCELLED);
            case SENT -> EnumSet.of(PENDING, ACCEPTED, ACCEPTED_WITH_OBSERVATIONS, REJECTED, CANCELLED);
            case ACCEPTED, ACCEPTED_WITH_OBSERVATIONS, ISSUED -> EnumSet.of(CANCELLED);
            case REJECTED, CANCELLED -> EnumSet.noneOf(DocumentStatus.class);
        };
    }

    public boolean canMoveTo(DocumentStatus next) {
        return successors().contains(next);
    }

    /** SUNAT has not yet given its verdict: the document is waiting in the outbox or on the wire. */
    public boolean awaitingSunat() {
        return this == PENDING || this == SENT;
    }

    /** A document that exists for the tax authority and can be corrected by a credit note. */
    public boolean creditable() {
        return this != REJECTED && this != CANCELLED;
    }
}
