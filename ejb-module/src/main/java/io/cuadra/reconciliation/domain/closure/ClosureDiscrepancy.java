package io.cuadra.reconciliation.domain.closure;

import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * A stored {@link Discrepancy} of a closure, found again by its natural key on every computation:
 * a re-run or a restarted job updates it instead of adding a twin. One that the latest computation
 * no longer finds is CLEARED (it was fixed at the source); a person RESOLVES an open one with notes.
 */
@Entity
@Table(name = "discrepancies")
public class ClosureDiscrepancy extends TenantEntity {

    public enum Status { OPEN, RESOLVED, CLEARED }

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "closure_id", nullable = false, updatable = false)
    private Closure closure;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DiscrepancyType type;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private DiscrepancyKey.Subject subject;
    @Column(name = "subject_id", nullable = false, updatable = false)
    private long subjectId;
    @Column(name = "order_id")
    private Long orderId;
    @Column(name = "order_number")
    private String orderNumber;
    @Column(name = "document_id")
    private Long documentId;
    @Column(name = "document_numbers")
    private String documentNumbers;
    @Column(name = "expected_amount", nullable = false)
    private BigDecimal expectedAmount;
    @Column(name = "actual_amount", nullable = false)
    private BigDecimal actualAmount;
    @Column(nullable = false)
    private BigDecimal difference;
    @Column(nullable = false)
    private String description;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.OPEN;
    @Column(name = "found_at", nullable = false, updatable = false)
    private Instant foundAt;
    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;
    @Column(name = "resolution_notes")
    private String resolutionNotes;
    @Column(name = "resolved_by")
    private String resolvedBy;
    @Column(name = "resolved_at")
    private Instant resolvedAt;

    protected ClosureDiscrepancy() {
    }

    public ClosureDiscrepancy(Closure closure, Discrepancy found, Instant at) {
        this.closure = closure;
        this.type = found.key().type();
        this.subject = found.key().subject();
        this.subjectId = found.key().subjectId();
        this.foundAt = at;
        seen(found, at);
    }

    public DiscrepancyKey key() {
        return new DiscrepancyKey(type, subject, subjectId);
    }

    /**
     * The latest computation found it again: amounts and sentence follow the data. One cleared earlier
     * is open again; one a person resolved stays resolved. Answers whether it is open again after
     * having been cleared.
     */
    public boolean seen(Discrepancy found, Instant at) {
        if (!found.key().equals(key())) {
            throw new IllegalArgumentException("Discrepancy " + found.key() + " is not " + key());
        }
        orderId = found.orderId();
        orderNumber = found.orderNumber();
        documentId = found.documents().isEmpty() ? null : found.documents().get(0).id();
        documentNumbers = found.documents().isEmpty() ? null
                : found.documents().stream().map(DocumentRef::seriesNumber).collect(Collectors.joining(", "));
        expectedAmount = found.expected().amount();
        actualAmount = found.actual().amount();
        difference = found.difference().amount();
        description = found.sentence().length() > 1000 ? found.sentence().substring(0, 999) + "…" : found.sentence();
        lastSeenAt = at;
        if (status == Status.CLEARED) {
            status = Status.OPEN;
            return true;
        }
        return false;
    }

    /** The latest computation no longer finds it. */
    public void clear() {
        if (status == Status.OPEN) {
            status = Status.CLEARED;
        }
    }

    public void resolve(String notes, String actor, Instant at) {
        if (notes == null || notes.isBlank()) {
            throw new RuleViolation("notes: say how the discrepancy was resolved.").withKey("reconciliation.sayHowDiscrepancy");
        }
        if (status != Status.OPEN) {
            throw new Conflict("Discrepancy " + getId() + " is " + status + ", not open.").withKey("reconciliation.discrepancyOpen", getId(), status);
        }
        status = Status.RESOLVED;
        resolutionNotes = notes.strip();
        resolvedBy = actor;
        resolvedAt = at;
    }

    public Closure getClosure() {
        return closure;
    }

    public DiscrepancyType getType() {
        return type;
    }

    public DiscrepancyKey.Subject getSubject() {
        return subject;
    }

    public long getSubjectId() {
        return subjectId;
    }

    public Long getOrderId() {
        return orderId;
    }

    public String getOrderNumber() {
        return orderNumber;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public String getDocumentNumbers() {
        return documentNumbers;
    }

    public BigDecimal getExpectedAmount() {
        return expectedAmount;
    }

    public BigDecimal getActualAmount() {
        return actualAmount;
    }

    public BigDecimal getDifference() {
        return difference;
    }

    public String getDescription() {
        return description;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getFoundAt() {
        return foundAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public String getResolutionNotes() {
        return resolutionNotes;
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }
}
