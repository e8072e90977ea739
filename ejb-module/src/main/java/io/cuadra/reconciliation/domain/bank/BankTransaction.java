package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.Money;
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
import java.time.LocalDate;
import java.util.Currency;

/**
 * One movement of a bank account, stored once whatever how many statements list it (the fingerprint
 * is its natural key). Credits wait to be matched to payments, or are ignored by a person.
 */
@Entity
@Table(name = "bank_transactions")
public class BankTransaction extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "statement_id", nullable = false, updatable = false)
    private BankStatement statement;
    @Column(name = "account_number", nullable = false, updatable = false)
    private String accountNumber;
    @Column(nullable = false, updatable = false)
    private String fingerprint;
    @Column(nullable = false, updatable = false)
    private int occurrence;
    @Column(name = "row_number", nullable = false, updatable = false)
    private int rowNumber;
    @Column(name = "booked_on", nullable = false, updatable = false)
    private LocalDate bookedOn;
    @Column(nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Column(nullable = false, updatable = false)
    private String description;
    @Column(updatable = false)
    private String reference;
    @Column(updatable = false)
    private String counterparty;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CreditState status = CreditState.UNMATCHED;
    @Column(name = "ignore_reason")
    private String ignoreReason;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;

    protected BankTransaction() {
    }

    public BankTransaction(BankStatement statement, StatementTransaction t) {
        this.statement = statement;
        this.accountNumber = t.accountId();
        this.fingerprint = t.fingerprint();
        this.occurrence = t.occurrence();
        this.rowNumber = t.rowNumber();
        this.bookedOn = t.date();
        this.amount = t.amount().amount();
        this.currency = t.amount().currency().getCurrencyCode();
        this.description = cut(t.description(), 500);
        this.reference = t.reference() == null ? null : cut(t.reference(), 100);
        this.counterparty = t.counterparty() == null ? null : cut(t.counterparty(), 200);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    public boolean isCredit() {
        return amount.signum() > 0;
    }

    /** As the matching engine sees it; the id is the row id so matches point at stored rows. */
    public BankCredit toCredit() {
        return new BankCredit(Long.toString(getId()), bookedOn, Money.of(amount, Currency.getInstance(currency)),
                reference, description, counterparty, status);
    }

    public void matched(String actor, Instant at) {
        if (status != CreditState.UNMATCHED) {
            throw new Conflict("Bank movement " + getId() + " is " + status + "; only an unmatched credit can be matched.").withKey("reconciliation.bankMovementOnly2", getId(), status);
        }
        if (!isCredit()) {
            throw new RuleViolation("Bank movement " + getId() + " is a debit; only credits settle payments.").withKey("reconciliation.bankMovementDebit2", getId());
        }
        status = CreditState.MATCHED;
        decidedBy = actor;
        decidedAt = at;
    }

    public void unmatched(String actor, Instant at) {
        if (status != CreditState.MATCHED) {
            throw new Conflict("Bank movement " + getId() + " is " + status + ", not matched.").withKey("reconciliation.bankMovementMatched", getId(), status);
        }
        status = CreditState.UNMATCHED;
        decidedBy = actor;
        decidedAt = at;
    }

    public void ignore(String reason, String actor, Instant at) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason: say why this movement is not a customer payment.")
                    .withKey("bank.ignoreReason");
        }
        if (status != CreditState.UNMATCHED || !isCredit()) {
            throw new Conflict("Bank movement " + getId() + " is " + (isCredit() ? status : "a debit")
                    + "; only an unmatched credit can be ignored.").withKey("reconciliation.bankMovementOnly3", getId(), (isCredit() ? status : "a debit"));
        }
        status = CreditState.IGNORED;
        ignoreReason = reason.strip();
        decidedBy = actor;
        decidedAt = at;
    }

    public BankStatement getStatement() {
        return statement;
    }

    public String getAccountNumber() {
        return accountNumber;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public int getOccurrence() {
        return occurrence;
    }

    public int getRowNumber() {
        return rowNumber;
    }

    public LocalDate getBookedOn() {
        return bookedOn;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public String getCurrency() {
        return currency;
    }

    public String getDescription() {
        return description;
    }

    public String getReference() {
        return reference;
    }

    public String getCounterparty() {
        return counterparty;
    }

    public CreditState getStatus() {
        return status;
    }

    public String getIgnoreReason() {
        return ignoreReason;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
