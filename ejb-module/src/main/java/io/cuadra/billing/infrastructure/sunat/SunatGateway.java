package io.cuadra.billing.infrastructure.sunat;

/**
 * SUNAT's billService as Cuadra needs it: hand over a signed document's ZIP and learn SUNAT's verdict.
 *
 * <p>Outcomes follow SUNAT's ranges of return codes. A verdict SUNAT has registered comes back as a
 * {@link SunatResult}: accepted (0), accepted with observations (4000 and up, or 0 with observation notes) or
 * rejected (2000–3999, the number is spent). Anything that leaves the document unregistered (network failures,
 * timeouts, SOAP faults with exception codes 0100–1999, unreadable answers) throws
 * {@link SunatRetryableException}: the document may be sent again, after fixing it when the code says so.
 */
public interface SunatGateway {

    /**
     * Sends one factura, boleta or note (sendBill) and returns the verdict SUNAT registered.
     *
     * @param zipFileName {@code RUC-TT-SERIE-NUMERO.zip}, matching the single XML inside
     * @param zip         the ZIP holding the signed XML
     */
    SunatResult sendBill(String zipFileName, byte[] zip) throws SunatRetryableException;

    /**
     * Sends a daily summary (RC) or a voiding communication (RA) (sendSummary). SUNAT processes these later:
     * the answer is a ticket to follow with {@link #getStatus}.
     *
     * @param zipFileName {@code RUC-RC-YYYYMMDD-N.zip} or {@code RUC-RA-YYYYMMDD-N.zip}
     */
    SummarySubmission sendSummary(String zipFileName, byte[] zip) throws SunatRetryableException;

    /** Asks how the summary behind a ticket went (getStatus): still in process, or its verdict with the CDR. */
    TicketStatus getStatus(String ticket) throws SunatRetryableException;
}
