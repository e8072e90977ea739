package io.cuadra.billing.domain;

import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * Immutable snapshot of a SUNAT electronic document (factura, boleta or credit note) exactly as it is
 * sent and printed. Construction refuses any inconsistency SUNAT would reject: a series that does not
 * fit the kind, totals that are not the sums of the lines to the cent, an amount in words that does not
 * read the payable amount, a credit note whose series letter differs from the original's.
 *
 * <p>Issue date and time are local to the selling location's zone. Payment terms are required on a
 * factura, optional on a boleta, and on a credit note only for reason 13 (payment adjustments).
 *
 * <p>Use {@link #builder()} to let totals and amount in words be computed from the lines.
 */
public record ElectronicDocument(DocumentKind kind, DocumentNumber number, LocalDate issueDate,
                                 LocalTime issueTime, Currency currency, OperationType operationType,
                                 Issuer issuer, Customer customer, List<DocumentLine> lines,
                                 DocumentTotals totals, String amountInWords, PaymentTerms paymentTerms,
                                 CreditNoteReference creditNote) {

    /** Above this amount in soles a boleta must name its customer (SUNAT: boletas over S/ 700). */
    public static final BigDecimal BOLETA_ANONYMOUS_LIMIT_PEN = new BigDecimal("700.00");

    public ElectronicDocument {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issue date");
        Objects.requireNonNull(issueTime, "issue time");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(operationType, "operation type");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(totals, "totals");
        lines = List.copyOf(lines);
        // SUNAT keeps seconds at most; sub-second parts would make the XML and a re-read snapshot differ.
        issueTime = issueTime.withNano(0);

        List<String> problems = new ArrayList<>();
        if (!kind.acceptsSeries(number.series())) {
            problems.add("Series " + number.series() + " does not fit a " + kind.name().toLowerCase() + ": it must be "
                    + kind.seriesRule() + ".");
        }
        if (lines.isEmpty()) {
            problems.add("A document needs at least one line.");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).currency().equals(currency)) {
                problems.add("Line " + (i + 1) + " is in " + lines.get(i).currency() + " but the document is in "
                        + currency + ".");
            }
        }
        if (problems.isEmpty()) {
            problems.addAll(totals.differencesFrom(DocumentTotals.of(lines, currency)));
        }
        if (problems.isEmpty()) {
            checkAmountInWords(totals.payableAmount(), amountInWords, problems);
        }
        checkCustomer(kind, number, customer, totals, currency, problems);
        checkPaymentTerms(kind, creditNote, paymentTerms, issueDate, totals, problems);
        checkCreditNote(kind, number, creditNote, problems);
        if (!problems.isEmpty()) {
            throw new InvalidDocumentException(number.id(), problems);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** "F001-123". */
    public String id() {
        return number.id();
    }

    public Money payableAmount() {
        return totals.payableAmount();
    }

    private static void checkAmountInWords(Money payable, String words, List<String> problems) {
        String expected;
        try {
            expected = AmountInWords.of(payable);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return;
        }
        if (!expected.equals(words)) {
            problems.add("Amount in words \"" + words + "\" does not read the payable amount; expected \"" + expected
                    + "\".");
        }
    }

    private static void checkCustomer(DocumentKind kind, DocumentNumber number, Customer customer,
                                      DocumentTotals totals, Currency currency, List<String> problems) {
        boolean facturaSide = kind == DocumentKind.FACTURA
                || (kind == DocumentKind.CREDIT_NOTE && number.seriesLetter() == 'F');
        if (facturaSide && customer.documentType() != DocumentType.RUC) {
            problems.add("A factura (and its credit notes) is issued to a RUC; the customer has a "
                    + customer.documentType().label() + ".");
        }
        boolean boletaOverLimit = kind == DocumentKind.BOLETA && "PEN".equals(currency.getCurrencyCode())
                && totals.payableAmount().amount().compareTo(BOLETA_ANONYMOUS_LIMIT_PEN) > 0;
        if (boletaOverLimit && customer.documentType() == DocumentType.NONE) {
            problems.add("A boleta over S/ " + BOLETA_ANONYMOUS_LIMIT_PEN.toPlainString()
                    + " must identify the customer by document.");
        }
    }

    private static void checkPaymentTerms(DocumentKind kind, CreditNoteReference creditNote, PaymentTerms terms,
                                          LocalDate issueDate, DocumentTotals totals, List<String> problems) {
        if (kind == DocumentKind.FACTURA && terms == null) {
            problems.add("A factura states its payment terms (Contado or Credito).");
        }
        if (kind == DocumentKind.CREDIT_NOTE && creditNote != null) {
            boolean paymentAdjustment = creditNote.reason() == CreditNoteReason.PAYMENT_ADJUSTMENT;
            if (paymentAdjustment && !(terms instanceof PaymentTerms.Credit)) {
                problems.add("A credit note for reason 13 states the new credit instalments.");
            }
            if (!paymentAdjustment && terms != null) {
                problems.add("Only a credit note for reason 13 carries payment terms.");
            }
        }
        if (terms instanceof PaymentTerms.Credit credit) {
            Money pending = credit.pendingAmount();
            if (!pending.currency().equals(totals.currency())) {
                problems.add("The instalments are in " + pending.currency() + " but the document is in "
                        + totals.currency() + ".");
            } else if (pending.isGreaterThan(totals.payableAmount())) {
                problems.add("The instalments add up to " + pending.amount().toPlainString()
                        + ", more than the payable amount " + totals.payableAmount().amount().toPlainString() + ".");
            }
            for (PaymentTerms.Instalment instalment : credit.instalments()) {
                if (!instalment.dueDate().isAfter(issueDate)) {
                    problems.add("Instalment due " + instalment.dueDate() + " must fall after the issue date "
                            + issueDate + ".");
                }
            }
        }
    }

    private static void checkCreditNote(DocumentKind kind, DocumentNumber number, CreditNoteReference creditNote,
                                        List<String> problems) {
        if (kind != DocumentKind.CREDIT_NOTE) {
            if (creditNote != null) {
                problems.add("Only a credit note refers to an original document.");
            }
            return;
        }
        if (creditNote == null) {
            problems.add("A credit note must name the document it corrects and the reason.");
            return;
        }
        char originalLetter = creditNote.originalNumber().seriesLetter();
        if (number.seriesLetter() != originalLetter) {
            problems.add("Credit note series " + number.series() + " starts with " + number.seriesLetter()
                    + " but it corrects " + creditNote.originalNumber().id() + ": the series letters must match.");
        }
    }

    /**
     * Assembles a document from its parts; totals and amount in words are computed from the lines unless
     * given (given values are still checked).
     */
    public static final class Builder {
        private DocumentKind kind;
        private DocumentNumber number;
        private LocalDate issueDate;
        private LocalTime issueTime;
        private Currency currency;
        private OperationType operationType = OperationType.INTERNAL_SALE;
        private Issuer issuer;
        private Customer customer;
        private final List<DocumentLine> lines = new ArrayList<>();
        private DocumentTotals totals;
        private String amountInWords;
        private PaymentTerms paymentTerms;
        private CreditNoteReference creditNote;

        private Builder() {
        }

        public Builder kind(DocumentKind kind) {
            this.kind = kind;
            return this;
        }

        public Builder number(DocumentNumber number) {
            this.number = number;
            return this;
        }

        public Builder number(String id) {
            return number(DocumentNumber.parse(id));
        }

        public Builder issuedAt(LocalDate date, LocalTime time) {
            this.issueDate = date;
            this.issueTime = time;
            return this;
        }

        public Builder currency(Currency currency) {
            this.currency = currency;
            return this;
        }

        public Builder currency(String code) {
            return currency(Currency.getInstance(code));
        }

        public Builder operationType(OperationType operationType) {
            this.operationType = operationType;
            return this;
        }

        public Builder issuer(Issuer issuer) {
            this.issuer = issuer;
            return this;
        }

        public Builder customer(Customer customer) {
            this.customer = customer;
            return this;
        }

        public Builder line(DocumentLine line) {
            this.lines.add(line);
            return this;
        }

        public Builder lines(List<DocumentLine> lines) {
            this.lines.addAll(lines);
            return this;
        }

        public Builder totals(DocumentTotals totals) {
            this.totals = totals;
            return this;
        }

        public Builder amountInWords(String amountInWords) {
            this.amountInWords = amountInWords;
            return this;
        }

        public Builder paymentTerms(PaymentTerms paymentTerms) {
            this.paymentTerms = paymentTerms;
            return this;
        }

        public Builder creditNote(CreditNoteReference creditNote) {
            this.creditNote = creditNote;
            return this;
        }

        public ElectronicDocument build() {
            Objects.requireNonNull(currency, "currency");
            DocumentTotals effectiveTotals = totals != null ? totals : DocumentTotals.of(lines, currency);
            String words = amountInWords != null ? amountInWords : AmountInWords.of(effectiveTotals.payableAmount());
            return new ElectronicDocument(kind, number, issueDate, issueTime, currency, operationType, issuer,
                    customer, lines, effectiveTotals, words, paymentTerms, creditNote);
        }
    }
}
