package io.cuadra.billing.infrastructure.cfdi;

import java.time.Instant;

/**
 * The seam for Mexico's CFDI 4.0: what a future {@code CFDI} fiscal regime needs from a PAC (proveedor
 * autorizado de certificación), the only party that stamps a CFDI for the SAT. <b>Design only: nothing
 * implements it yet</b>, and Mexican tenants issue internal receipts meanwhile.
 *
 * <p>How it plugs in: a {@code CfdiRegime} bean implementing {@code FiscalRegimePolicy} builds and seals
 * the CFDI XML with the tenant's CSD inside the issuing transaction, stores the document PENDING and
 * enqueues it on its own outbox topic (never calling the PAC from that transaction, as for SUNAT). The outbox
 * handler calls {@link #stamp} outside any transaction; a {@link Stamp} moves the document to ACCEPTED with
 * its UUID and the SAT's seal, a {@link Refusal} to REJECTED (the folio stays spent), and an exception means
 * "try again" with the outbox's backoff. A credit slip becomes a CFDI of type E related by UUID, a cancellation
 * goes through {@link #cancel}. Each PAC (Finkok, SW Sapien...) is one implementation in this package, with a
 * stand-in speaking the same protocol for the run command and the tests.
 */
public interface PacGateway {

    /** Sends a sealed CFDI for stamping. Idempotent on the PAC's side for the same XML (it answers the same UUID). */
    Outcome stamp(String rfcEmisor, byte[] sealedCfdi);

    /** Asks the SAT, through the PAC, to cancel a stamped CFDI (motivo 01-04; replacement UUID for 01). */
    Outcome cancel(String rfcEmisor, String uuid, String reasonCode, String replacementUuid);

    /** What the PAC answered. */
    sealed interface Outcome permits Stamp, Refusal {
    }

    /** Stamped: the fiscal folio (UUID), the SAT's seal and the stamped XML as the PAC returned it. */
    record Stamp(String uuid, String satSeal, Instant stampedAt, byte[] stampedXml) implements Outcome {
    }

    /** Refused for good (invalid CFDI, RFC not in the LCO...): the PAC's code and words. */
    record Refusal(String code, String message) implements Outcome {
    }
}
