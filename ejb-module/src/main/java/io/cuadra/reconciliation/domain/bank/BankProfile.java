package io.cuadra.reconciliation.domain.bank;

import java.io.Serializable;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Currency;
import java.util.Objects;

/**
 * How one bank lays out its statement export: which column holds what, how dates and amounts are
 * written, and how many heading rows come before the data. Columns count from 0; the reference and
 * counterparty columns are null when the bank has none.
 */
public record BankProfile(String code, Currency currency, int headerRows, int dateColumn, String datePattern,
                          AmountLayout amounts, AmountFormat amountFormat, int descriptionColumn,
                          Integer referenceColumn, Integer counterpartyColumn) implements Serializable {

    public BankProfile {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(datePattern, "datePattern");
        Objects.requireNonNull(amounts, "amounts");
        Objects.requireNonNull(amountFormat, "amountFormat");
        if (headerRows < 0) {
            throw new IllegalArgumentException("Header rows cannot be negative");
        }
        requireColumn("date", dateColumn);
        requireColumn("description", descriptionColumn);
        if (referenceColumn != null) {
            requireColumn("reference", referenceColumn);
        }
        if (counterpartyColumn != null) {
            requireColumn("counterparty", counterpartyColumn);
        }
        dateFormatter(datePattern);
    }

    public static Builder builder(String code, String currencyCode) {
        return new Builder(code, Currency.getInstance(currencyCode));
    }

    /**
     * A strict formatter, so 31/02/2026 is refused rather than moved to 28/02. Strict resolving needs
     * the proleptic year 'u': with 'y' (year of era) it would also demand an era in the text.
     */
    public DateTimeFormatter dateFormatter() {
        return dateFormatter(datePattern);
    }

    private static DateTimeFormatter dateFormatter(String pattern) {
        StringBuilder strict = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '\'') {
                quoted = !quoted;
            }
            strict.append(!quoted && c == 'y' ? 'u' : c);
        }
        return DateTimeFormatter.ofPattern(strict.toString()).withResolverStyle(ResolverStyle.STRICT);
    }

    static void requireColumn(String what, int column) {
        if (column < 0) {
            throw new IllegalArgumentException("The " + what + " column cannot be negative; got " + column);
        }
    }

    /** Fluent set-up of a profile, mostly for configuration screens and tests. */
    public static final class Builder {
        private final String code;
        private final Currency currency;
        private int headerRows;
        private int dateColumn;
        private String datePattern = "dd/MM/yyyy";
        private AmountLayout amounts;
        private AmountFormat amountFormat = AmountFormat.decimalPoint();
        private int descriptionColumn;
        private Integer referenceColumn;
        private Integer counterpartyColumn;

        private Builder(String code, Currency currency) {
            this.code = code;
            this.currency = currency;
        }

        public Builder headerRows(int rows) {
            this.headerRows = rows;
            return this;
        }

        public Builder date(int column, String pattern) {
            this.dateColumn = column;
            this.datePattern = pattern;
            return this;
        }

        public Builder amount(int column) {
            this.amounts = AmountLayout.signed(column);
            return this;
        }

        public Builder creditDebit(int creditColumn, int debitColumn) {
            this.amounts = AmountLayout.creditDebit(creditColumn, debitColumn);
            return this;
        }

        public Builder separators(char decimal, Character thousands) {
            this.amountFormat = new AmountFormat(decimal, thousands);
            return this;
        }

        public Builder description(int column) {
            this.descriptionColumn = column;
            return this;
        }

        public Builder reference(int column) {
            this.referenceColumn = column;
            return this;
        }

        public Builder counterparty(int column) {
            this.counterpartyColumn = column;
            return this;
        }

        public BankProfile build() {
            return new BankProfile(code, currency, headerRows, dateColumn, datePattern, amounts, amountFormat,
                    descriptionColumn, referenceColumn, counterpartyColumn);
        }
    }
}
