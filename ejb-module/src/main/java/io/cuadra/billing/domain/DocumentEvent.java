package io.cuadra.billing.domain;

import io.cuadra.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** One step of a document's timeline: a status transition, who made it, when, and why. Append-only. */
@Entity
@Table(name = "billing_document_events")
public class DocumentEvent extends TenantScoped {

    @Column(name = "document_id", nullable = false, updatable = false)
    private long documentId;
    @Column(nullable = false, updatable = false)
    private Instant at;
    @Column(nullable = false, updatable = false)
    private String actor;
    @Column(name = "from_status", updatable = false)
    private String fromStatus;
    @Column(name = "to_status", nullable = false, updatable = false)
    private String toStatus;
    @Column(updatable = false)
    private String notes;

    protected DocumentEvent() {
    }

    public DocumentEvent(long documentId, Instant at, String actor, DocumentStatus from, DocumentStatus to,
                         String notes) {
        this.documentId = documentId;
        this.at = at;
        this.actor = actor;
        this.fromStatus = from == null ? null : from.name();
        this.toStatus = to.name();
        this.notes = notes == null || notes.length() <= 2000 ? notes : notes.substring(0, 2000);
    }

    public long getDocumentId() {
        return documentId;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getFromStatus() {
        return fromStatus;
    }

    public String getToStatus() {
        return toStatus;
    }

    public String getNotes() {
        return notes;
    }
}
