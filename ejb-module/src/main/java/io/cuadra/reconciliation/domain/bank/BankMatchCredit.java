package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** A bank credit taking part in a match; active while the match stands. */
@Entity
@Table(name = "bank_match_credits")
public class BankMatchCredit extends TenantEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "match_id", nullable = false, updatable = false)
    private BankMatch match;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "transaction_id", nullable = false, updatable = false)
    private BankTransaction transaction;
    @Column(nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(nullable = false)
    private boolean active;

    protected BankMatchCredit() {
    }

    BankMatchCredit(BankMatch match, BankTransaction transaction) {
        this.match = match;
        this.transaction = transaction;
        this.amount = transaction.getAmount();
    }

    void activate() {
        active = true;
    }

    void deactivate() {
        active = false;
    }

    public BankTransaction getTransaction() {
        return transaction;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public boolean isActive() {
        return active;
    }
}
