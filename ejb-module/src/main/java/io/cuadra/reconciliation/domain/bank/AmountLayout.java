package io.cuadra.reconciliation.domain.bank;

import java.io.Serializable;

/** Where a bank puts the amount: one signed column, or a credit column and a debit column. Columns count from 0. */
public sealed interface AmountLayout extends Serializable {

    int lastColumn();

    static AmountLayout signed(int column) {
        return new Signed(column);
    }

    static AmountLayout creditDebit(int creditColumn, int debitColumn) {
        return new CreditDebit(creditColumn, debitColumn);
    }

    /** Credits positive, debits negative. */
    record Signed(int column) implements AmountLayout {
        public Signed {
            BankProfile.requireColumn("amount", column);
        }

        @Override
        public int lastColumn() {
            return column;
        }
    }

    /** The debit column may hold the amount with or without a minus sign; it is always a debit. */
    record CreditDebit(int creditColumn, int debitColumn) implements AmountLayout {
        public CreditDebit {
            BankProfile.requireColumn("credit", creditColumn);
            BankProfile.requireColumn("debit", debitColumn);
            if (creditColumn == debitColumn) {
                throw new IllegalArgumentException("Credit and debit need different columns");
            }
        }

        @Override
        public int lastColumn() {
            return Math.max(creditColumn, debitColumn);
        }
    }
}
