package io.cuadra.reconciliation.domain.bank;

import io.cuadra.shared.domain.Money;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The outcome of reading one statement file with a bank profile: the transactions, each with its
 * dedupe fingerprint, and the rows that were refused with their reason.
 */
public record StatementImport(List<StatementTransaction> transactions, List<RejectedRow> rejections)
        implements Serializable {

    public StatementImport {
        transactions = List.copyOf(transactions);
        rejections = List.copyOf(rejections);
    }

    /** Reads rows of cells (already split by a CSV or spreadsheet reader) for the given account. */
    public static StatementImport read(BankProfile profile, String accountId, List<List<String>> rows) {
        Objects.requireNonNull(accountId, "accountId");
        RowReader reader = new RowReader(profile);
        List<StatementTransaction> accepted = new ArrayList<>();
        List<RejectedRow> rejected = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        for (int i = profile.headerRows(); i < rows.size(); i++) {
            int rowNumber = i + 1;
            List<String> cells = rows.get(i) == null ? List.of() : rows.get(i);
            try {
                Line line = reader.read(rowNumber, cells);
                String identity = StatementFingerprint.identity(line.date, line.amount, line.description,
                        line.reference, line.counterparty);
                int occurrence = occurrences.merge(identity, 1, Integer::sum);
                accepted.add(new StatementTransaction(StatementFingerprint.of(accountId, identity, occurrence),
                        accountId, rowNumber, line.date, line.amount, line.description, line.reference,
                        line.counterparty, occurrence));
            } catch (Refusal refusal) {
                rejected.add(new RejectedRow(rowNumber, cells, refusal.reason, refusal.getMessage()));
            }
        }
        return new StatementImport(accepted, rejected);
    }

    /** Transactions whose fingerprint has not been stored yet: what a re-import or an overlapping period adds. */
    public List<StatementTransaction> notYetImported(Predicate<String> alreadyImported) {
        return transactions.stream().filter(t -> !alreadyImported.test(t.fingerprint())).toList();
    }

    public List<StatementTransaction> notYetImported(Set<String> knownFingerprints) {
        return notYetImported(knownFingerprints::contains);
    }

    private record Line(LocalDate date, Money amount, String description, String reference, String counterparty) {
    }

    /** A row refused for a reason the person importing can read; never escapes {@link #read}. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final RejectedRow.Reason reason;

        Refusal(RejectedRow.Reason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }

    /** Applies a profile to single rows; holds the compiled date formatter for the whole file. */
    private static final class RowReader {
        private final BankProfile profile;
        private final DateTimeFormatter dates;

        RowReader(BankProfile profile) {
            this.profile = profile;
            this.dates = profile.dateFormatter();
        }

        Line read(int rowNumber, List<String> cells) {
            if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
                throw new Refusal(RejectedRow.Reason.EMPTY_ROW, "Row " + rowNumber + " is empty.");
            }
            int needed = Math.max(profile.dateColumn(), profile.amounts().lastColumn());
            if (cells.size() <= needed) {
                throw new Refusal(RejectedRow.Reason.MISSING_CELL, "Row " + rowNumber + " has " + cells.size()
                        + " cells; the " + profile.code() + " profile needs at least " + (needed + 1) + ".");
            }
            LocalDate date = date(rowNumber, cell(cells, profile.dateColumn()));
            Money amount = Money.of(amount(rowNumber, cells), profile.currency());
            return new Line(date, amount, cell(cells, profile.descriptionColumn()),
                    optionalCell(cells, profile.referenceColumn()), optionalCell(cells, profile.counterpartyColumn()));
        }

        private LocalDate date(int rowNumber, String text) {
            try {
                return dates.parse(text, LocalDate::from);
            } catch (DateTimeParseException e) {
                throw new Refusal(RejectedRow.Reason.BAD_DATE, "Row " + rowNumber + ": date \"" + text
                        + "\" is not a valid " + profile.datePattern() + " date.");
            }
        }

        private BigDecimal amount(int rowNumber, List<String> cells) {
            if (profile.amounts() instanceof AmountLayout.Signed signed) {
                BigDecimal value = parse(rowNumber, "amount", cell(cells, signed.column()));
                if (value == null || value.signum() == 0) {
                    throw new Refusal(RejectedRow.Reason.BAD_AMOUNT, "Row " + rowNumber + " has no amount.");
                }
                return value;
            }
            AmountLayout.CreditDebit columns = (AmountLayout.CreditDebit) profile.amounts();
            BigDecimal credit = parse(rowNumber, "credit", cell(cells, columns.creditColumn()));
            BigDecimal debit = parse(rowNumber, "debit", cell(cells, columns.debitColumn()));
            // Some banks write 0.00 in the column that does not apply.
            boolean hasCredit = credit != null && credit.signum() != 0;
            boolean hasDebit = debit != null && debit.signum() != 0;
            if (hasCredit == hasDebit) {
                throw new Refusal(RejectedRow.Reason.BAD_AMOUNT, "Row " + rowNumber
                        + (hasCredit ? " has both a credit and a debit." : " has neither a credit nor a debit."));
            }
            if (hasCredit && credit.signum() < 0) {
                throw new Refusal(RejectedRow.Reason.BAD_AMOUNT, "Row " + rowNumber + ": the credit \""
                        + cell(cells, columns.creditColumn()) + "\" is negative.");
            }
            return hasCredit ? credit : debit.abs().negate();
        }

        private BigDecimal parse(int rowNumber, String what, String text) {
            if (text.isBlank()) {
                return null;
            }
            try {
                return profile.amountFormat().parse(text);
            } catch (NumberFormatException e) {
                throw new Refusal(RejectedRow.Reason.BAD_AMOUNT, "Row " + rowNumber + ": " + what + " " + e.getMessage() + ".");
            }
        }

        private static String cell(List<String> cells, int column) {
            String value = column < cells.size() ? cells.get(column) : null;
            return value == null ? "" : value.strip();
        }

        /** Trailing empty cells are often dropped by exports, so a short row just lacks the optional value. */
        private static String optionalCell(List<String> cells, Integer column) {
            if (column == null) {
                return null;
            }
            String value = cell(cells, column);
            return value.isEmpty() ? null : value;
        }
    }
}
