package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bank credits paired with payments. The matching job stores its proposals as SUGGESTED, or MATCHED
 * when the score reaches the automatic threshold; a person accepts or dismisses a suggestion, matches
 * by hand, or undoes a match (UNMATCHED, kept for the record). While a match stands its links are
 * active, and the database lets a credit or a payment be in one standing match only.
 */
@Entity
@Table(name = "bank_matches")
public class BankMatch extends TenantEntity {

    public enum Shape { ONE_TO_ONE, ONE_CREDIT_MANY_PAYMENTS, MANY_CREDITS_ONE_ORDER, MANUAL }

    public enum Status { SUGGESTED, MATCHED, UNMATCHED, DISMISSED }

    public enum Origin { AUTO, SUGGESTION, MANUAL }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Shape shape;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Origin origin;
    @Column(updatable = false)
    private BigDecimal score;
    @Column(name = "amount_score", updatable = false)
    private BigDecimal amountScore;
    @Column(name = "date_score", updatable = false)
    private BigDecimal dateScore;
    @Column(name = "reference_score", updatable = false)
    private BigDecimal referenceScore;
    @Column(name = "name_score", updatable = false)
    private BigDecimal nameScore;
    @Column(name = "credit_total", nullable = false, updatable = false)
    private BigDecimal creditTotal;
    @Column(name = "payment_total", nullable = false, updatable = false)
    private BigDecimal paymentTotal;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    private String note;
    @OneToMany(mappedBy = "match", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<BankMatchCredit> credits = new ArrayList<>();
    @OneToMany(mappedBy = "match", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<BankMatchPayment> payments = new ArrayList<>();

    protected BankMatch() {
    }

    private BankMatch(Shape shape, List<BankTransaction> credits, List<OpenPayment> payments) {
        if (credits.isEmpty() || payments.isEmpty()) {
            throw new RuleViolation("A match needs at least one bank credit and one payment.").withKey("reconciliation.matchNeedsLeast");
        }
        this.shape = shape;
        BigDecimal creditSum = BigDecimal.ZERO;
        for (BankTransaction t : credits) {
            this.credits.add(new BankMatchCredit(this, t));
            creditSum = creditSum.add(t.getAmount());
        }
        BigDecimal paymentSum = BigDecimal.ZERO;
        for (OpenPayment p : payments) {
            this.payments.add(new BankMatchPayment(this, p));
            paymentSum = paymentSum.add(p.amount().amount());
        }
        this.creditTotal = creditSum;
        this.paymentTotal = paymentSum;
    }

    /** A proposal of the matching engine: matched at once when automatic, otherwise waiting as a suggestion. */
    public static BankMatch proposed(MatchProposal proposal, Map<Long, BankTransaction> creditsById, boolean automatic,
                                     String actor, Instant at) {
        List<BankTransaction> credits = proposal.creditIds().stream()
                .map(id -> creditsById.get(Long.parseLong(id))).toList();
        BankMatch m = new BankMatch(Shape.valueOf(proposal.shape().name()), credits, proposal.payments());
        ScoreBreakdown b = proposal.breakdown();
        m.score = fraction(proposal.score());
        m.amountScore = fraction(b.amount());
        m.dateScore = fraction(b.date());
        m.referenceScore = fraction(b.reference());
        m.nameScore = fraction(b.name());
        m.origin = Origin.AUTO;
        m.status = Status.SUGGESTED;
        if (automatic) {
            m.stand(actor, at);
        }
        return m;
    }

    /** A person pairs credits and payments themselves; the amounts may differ (a bank fee), and the note says why. */
    public static BankMatch manual(List<BankTransaction> credits, List<OpenPayment> payments, String note,
                                   String actor, Instant at) {
        BankMatch m = new BankMatch(Shape.MANUAL, credits, payments);
        m.origin = Origin.MANUAL;
        m.status = Status.SUGGESTED;
        m.note = note == null || note.isBlank() ? null : note.strip();
        m.stand(actor, at);
        return m;
    }

    public void accept(String actor, Instant at) {
        requireStatus(Status.SUGGESTED, "accepted");
        origin = Origin.SUGGESTION;
        stand(actor, at);
    }

    public void dismiss(String actor, Instant at) {
        requireStatus(Status.SUGGESTED, "dismissed");
        status = Status.DISMISSED;
        decidedBy = actor;
        decidedAt = at;
    }

    /** Undoes a standing match: its credits wait again and its payments are open again. */
    public void unmatch(String reason, String actor, Instant at) {
        requireStatus(Status.MATCHED, "undone");
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason: say why the match is undone.").withKey("bank.unmatchReason");
        }
        status = Status.UNMATCHED;
        note = reason.strip();
        decidedBy = actor;
        decidedAt = at;
        credits.forEach(c -> {
            c.deactivate();
            c.getTransaction().unmatched(actor, at);
        });
        payments.forEach(BankMatchPayment::deactivate);
    }

    private void stand(String actor, Instant at) {
        status = Status.MATCHED;
        decidedBy = actor;
        decidedAt = at;
        credits.forEach(c -> {
            c.getTransaction().matched(actor, at);
            c.activate();
        });
        payments.forEach(BankMatchPayment::activate);
    }

    private void requireStatus(Status expected, String what) {
        if (status != expected) {
            throw new Conflict("Match " + getId() + " is " + status + " and cannot be " + what + ".").withKey("reconciliation.matchCannot", getId(), status, what);
        }
    }

    private static BigDecimal fraction(double d) {
        return BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP);
    }

    public Shape getShape() {
        return shape;
    }

    public Status getStatus() {
        return status;
    }

    public Origin getOrigin() {
        return origin;
    }

    public BigDecimal getScore() {
        return score;
    }

    public BigDecimal getAmountScore() {
        return amountScore;
    }

    public BigDecimal getDateScore() {
        return dateScore;
    }

    public BigDecimal getReferenceScore() {
        return referenceScore;
    }

    public BigDecimal getNameScore() {
        return nameScore;
    }

    public BigDecimal getCreditTotal() {
        return creditTotal;
    }

    public BigDecimal getPaymentTotal() {
        return paymentTotal;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    public String getNote() {
        return note;
    }

    public List<BankMatchCredit> getCredits() {
        return List.copyOf(credits);
    }

    public List<BankMatchPayment> getPayments() {
        return List.copyOf(payments);
    }
}
