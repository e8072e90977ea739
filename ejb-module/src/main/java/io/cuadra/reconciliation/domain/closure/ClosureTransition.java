package io.cuadra.reconciliation.domain.closure;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;

/** A stored {@link ClosureEvent}: one closing or reopening of a day, never changed afterwards. */
@Entity
@Table(name = "closure_events")
public class ClosureTransition extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "closure_id", nullable = false, updatable = false)
    private Closure closure;
    @Enumerated(EnumType.STRING)
    @Column(name = "from_status", nullable = false, updatable = false)
    private ClosureStatus fromStatus;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false, updatable = false)
    private ClosureStatus toStatus;
    @Column(nullable = false, updatable = false)
    private String actor;
    @Column(nullable = false, updatable = false)
    private Instant at;
    @Column(updatable = false)
    private String note;

    protected ClosureTransition() {
    }

    ClosureTransition(Closure closure, ClosureEvent event) {
        this.closure = closure;
        this.fromStatus = event.from();
        this.toStatus = event.to();
        this.actor = event.actor().username();
        this.at = event.at();
        this.note = event.note();
    }

    ClosureEvent toEvent() {
        return new ClosureEvent(fromStatus, toStatus, new Actor(actor), at, note);
    }

    public ClosureStatus getFromStatus() {
        return fromStatus;
    }

    public ClosureStatus getToStatus() {
        return toStatus;
    }

    public String getActor() {
        return actor;
    }

    public Instant getAt() {
        return at;
    }

    public String getNote() {
        return note;
    }
}
