package io.cuadra.billing.events;

import java.time.Instant;

/**
 * Fired synchronously before billing stores a document (invoice, receipt, credit note) dated in a
 * location's business day. Reconciliation observes it to refuse documents in a day already closed:
 * throwing rolls the issuing transaction back, as for {@code OrderChanged}.
 *
 * @param locationId the issuing location, whose time zone says which day {@code at} falls in
 * @param what       the document in words, for the refusal ("an invoice of order LIM01-2026-000123")
 */
public record DocumentDated(long locationId, Instant at, String what) {
}
