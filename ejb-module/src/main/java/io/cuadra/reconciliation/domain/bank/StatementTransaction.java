package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One movement of a bank account as read from a statement: positive amounts are credits. The
 * fingerprint identifies it across imports (see {@link StatementFingerprint}); {@code occurrence}
 * tells apart identical movements of the same day (1 for the first, 2 for its twin…).
 */
public record StatementTransaction(String fingerprint, String accountId, int rowNumber, LocalDate date,
                                   Money amount, String description, String reference, String counterparty,
                                   int occurrence) implements Serializable {

    public StatementTransaction {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(description, "description");
    }

    public boolean isCredit() {
        return amount.amount().signum() > 0;
    }
}
