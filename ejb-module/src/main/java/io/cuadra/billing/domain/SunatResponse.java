package io.cuadra.billing.domain;

import io.cuadra.audit.domain.NotAudited;
import io.cuadra.shared.tenancy.TenantScoped;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * What SUNAT answered to one attempt (or that no answer came): the code, SUNAT's message and notes, and
 * the CDR exactly as received, kept as the legal proof of acceptance. Append-only.
 *
 * @see #getOutcome() ACCEPTED, ACCEPTED_WITH_OBSERVATIONS, REJECTED or RETRY (exception 0100–1999,
 *      network failure, unreadable answer)
 */
@Entity
@Table(name = "billing_sunat_responses")
public class SunatResponse extends TenantScoped {

    @Column(name = "document_id", nullable = false, updatable = false)
    private long documentId;
    @Column(nullable = false, updatable = false)
    private Instant at;
    @Column(nullable = false, updatable = false)
    private int attempt;
    @Column(nullable = false, updatable = false)
    private String outcome;
    @Column(updatable = false)
    private String code;
    @Column(updatable = false)
    private String message;
    @Column(updatable = false)
    private String notes;
    @NotAudited
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "cdr_zip", updatable = false)
    private byte[] cdrZip;
    @NotAudited
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "cdr_xml", updatable = false)
    private String cdrXml;

    protected SunatResponse() {
    }

    public SunatResponse(long documentId, Instant at, int attempt, String outcome, String code, String message,
                         String notes, byte[] cdrZip, String cdrXml) {
        this.documentId = documentId;
        this.at = at;
        this.attempt = attempt;
        this.outcome = outcome;
        this.code = code;
        this.message = message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
        this.notes = notes;
        this.cdrZip = cdrZip;
        this.cdrXml = cdrXml;
    }

    public long getDocumentId() {
        return documentId;
    }

    public Instant getAt() {
        return at;
    }

    public int getAttempt() {
        return attempt;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getCode() {
        return code;
    }

    public String getMessage() {
        return message;
    }

    public String getNotes() {
        return notes;
    }

    public byte[] getCdrZip() {
        return cdrZip == null ? null : cdrZip.clone();
    }

    public String getCdrXml() {
        return cdrXml;
    }
}
