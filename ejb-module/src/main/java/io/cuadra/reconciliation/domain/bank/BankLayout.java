package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A stored bank profile: the column mapping of one bank's statement export (the REST API and the
 * screens call it a bank profile; {@link BankProfile} is the value the import reads with). Columns
 * count from 0.
 */
@Entity
@Table(name = "bank_profiles")
public class BankLayout extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String currency;
    @Column(name = "csv_separator", nullable = false)
    private String csvSeparator = ",";
    @Column(name = "header_rows", nullable = false)
    private int headerRows;
    @Column(name = "date_column", nullable = false)
    private int dateColumn;
    @Column(name = "date_pattern", nullable = false)
    private String datePattern;
    @Column(name = "amount_column")
    private Integer amountColumn;
    @Column(name = "credit_column")
    private Integer creditColumn;
    @Column(name = "debit_column")
    private Integer debitColumn;
    @Column(name = "decimal_separator", nullable = false)
    private String decimalSeparator;
    @Column(name = "thousands_separator")
    private String thousandsSeparator;
    @Column(name = "description_column", nullable = false)
    private int descriptionColumn;
    @Column(name = "reference_column")
    private Integer referenceColumn;
    @Column(name = "counterparty_column")
    private Integer counterpartyColumn;

    protected BankLayout() {
    }

    public BankLayout(String code) {
        this.code = code;
    }

    /**
     * Sets the whole mapping after checking it the way the import will use it (the amounts either one
     * signed column or a credit and a debit column, a strict date pattern, distinct separators).
     */
    public void map(Mapping m) {
        if (m.csvSeparator() == null || m.csvSeparator().length() != 1) {
            throw new RuleViolation("csvSeparator: one character, such as , or ;").withKey("reconciliation.characterSuchAs");
        }
        this.name = m.name();
        this.currency = m.currency();
        this.csvSeparator = m.csvSeparator();
        this.headerRows = m.headerRows();
        this.dateColumn = m.dateColumn();
        this.datePattern = m.datePattern();
        this.amountColumn = m.amountColumn();
        this.creditColumn = m.creditColumn();
        this.debitColumn = m.debitColumn();
        this.decimalSeparator = m.decimalSeparator();
        this.thousandsSeparator = m.thousandsSeparator() == null || m.thousandsSeparator().isEmpty() ? null
                : m.thousandsSeparator();
        this.descriptionColumn = m.descriptionColumn();
        this.referenceColumn = m.referenceColumn();
        this.counterpartyColumn = m.counterpartyColumn();
        toProfile();
    }

    /** The value the statement reader works with; refuses a mapping it could not read with. */
    public BankProfile toProfile() {
        try {
            BankProfile.Builder b = BankProfile.builder(code, currency)
                    .headerRows(headerRows)
                    .date(dateColumn, datePattern)
                    .description(descriptionColumn)
                    .separators(single("decimalSeparator", decimalSeparator),
                            thousandsSeparator == null ? null : single("thousandsSeparator", thousandsSeparator));
            if (amountColumn != null && creditColumn == null && debitColumn == null) {
                b.amount(amountColumn);
            } else if (amountColumn == null && creditColumn != null && debitColumn != null) {
                b.creditDebit(creditColumn, debitColumn);
            } else {
                throw new RuleViolation("amountColumn: give either one signed amount column, or a credit column and "
                        + "a debit column.").withKey("reconciliation.giveEitherSigned");
            }
            if (referenceColumn != null) {
                b.reference(referenceColumn);
            }
            if (counterpartyColumn != null) {
                b.counterparty(counterpartyColumn);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(e.getMessage()).withKey("reconciliation.layoutInvalid");
        }
    }

    private static char single(String what, String s) {
        if (s == null || s.length() != 1) {
            throw new RuleViolation(what + ": one character").withKey("reconciliation.character", what);
        }
        return s.charAt(0);
    }

    public char separator() {
        return csvSeparator.charAt(0);
    }

    /** Everything a bank profile says, as a form or request fills it in. */
    public record Mapping(String name, String currency, String csvSeparator, int headerRows, int dateColumn,
                          String datePattern, Integer amountColumn, Integer creditColumn, Integer debitColumn,
                          String decimalSeparator, String thousandsSeparator, int descriptionColumn,
                          Integer referenceColumn, Integer counterpartyColumn) implements java.io.Serializable {
    }

    public Mapping mapping() {
        return new Mapping(name, currency, csvSeparator, headerRows, dateColumn, datePattern, amountColumn,
                creditColumn, debitColumn, decimalSeparator, thousandsSeparator, descriptionColumn, referenceColumn,
                counterpartyColumn);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getCurrency() {
        return currency;
    }
}
