package io.cuadra.billing.domain.france;

import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Immutable snapshot of a French invoice or credit note (no XML, no QR). VAT is computed per rate on the
 * sum of the line bases, the usual French presentation. An avoir names the invoice it corrects.
 *
 * <p>Business buyers may be given at most 60 days from the issue date to pay (Code de commerce L441-10);
 * a line at 0 % needs the exemption ground printed ({@code vatExemptionMention}).
 */
public record FrenchInvoice(FrenchDocumentKind kind, FrenchInvoiceNumber number, LocalDate issueDate,
                            LocalDate saleDate, FrenchSeller seller, FrenchBuyer buyer, OperationCategory category,
                            List<FrenchInvoiceLine> lines, LocalDate paymentDueDate, String paymentTerms,
                            FrenchInvoiceNumber correctedInvoice, LocalDate correctedInvoiceDate,
                            String vatExemptionMention) {

    public static final Currency EUR = Currency.getInstance("EUR");
    public static final int MAX_BUSINESS_PAYMENT_DAYS = 60;

    public FrenchInvoice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(issueDate, "issue date");
        Objects.requireNonNull(saleDate, "date of sale or service");
        Objects.requireNonNull(seller, "seller");
        Objects.requireNonNull(buyer, "buyer");
        Objects.requireNonNull(category, "operation category");
        Objects.requireNonNull(paymentDueDate, "payment due date");
        paymentTerms = FrenchSeller.required(paymentTerms, "Payment terms");
        lines = List.copyOf(lines);
        vatExemptionMention = vatExemptionMention == null || vatExemptionMention.isBlank() ? null
                : vatExemptionMention.strip();

        List<String> problems = new ArrayList<>();
        if (lines.isEmpty()) {
            problems.add("An invoice needs at least one line.");
        }
        lines.stream().filter(l -> !l.unitPriceExclTax().currency().equals(EUR)).findFirst()
                .ifPresent(l -> problems.add("Line \"" + l.description() + "\" is not in euros."));
        if (paymentDueDate.isBefore(issueDate)) {
            problems.add("The payment due date " + paymentDueDate + " is before the issue date " + issueDate + ".");
        }
        if (buyer.business() && ChronoUnit.DAYS.between(issueDate, paymentDueDate) > MAX_BUSINESS_PAYMENT_DAYS) {
            problems.add("A business buyer is given at most " + MAX_BUSINESS_PAYMENT_DAYS
                    + " days from the issue date to pay; the due date is " + paymentDueDate + ".");
        }
        boolean hasZeroRate = lines.stream().anyMatch(l -> l.vatRate().signum() == 0);
        if (hasZeroRate && vatExemptionMention == null) {
            problems.add("A line without VAT needs the exemption ground (e.g. \"TVA non applicable, art. 293 B du"
                    + " CGI\").");
        }
        if (kind == FrenchDocumentKind.AVOIR && (correctedInvoice == null || correctedInvoiceDate == null)) {
            problems.add("An avoir names the invoice it corrects and that invoice's date.");
        }
        if (kind == FrenchDocumentKind.FACTURE && correctedInvoice != null) {
            problems.add("Only an avoir refers to a corrected invoice.");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(kind.printedTitle() + " " + number.formatted() + ": "
                    + String.join(" ", problems));
        }
    }

    /** One entry per VAT rate, highest rate first. */
    public List<VatBreakdown> vatBreakdown() {
        Map<BigDecimal, Money> bases = new TreeMap<>(Comparator.reverseOrder());
        for (FrenchInvoiceLine line : lines) {
            bases.merge(line.vatRate(), line.totalExclTax(), Money::plus);
        }
        List<VatBreakdown> breakdown = new ArrayList<>();
        bases.forEach((rate, base) -> breakdown.add(
                new VatBreakdown(rate, base, base.times(rate.movePointLeft(2)))));
        return breakdown;
    }

    public Money totalExclTax() {
        return vatBreakdown().stream().map(VatBreakdown::base).reduce(Money.zero(EUR), Money::plus);
    }

    public Money totalVat() {
        return vatBreakdown().stream().map(VatBreakdown::vat).reduce(Money.zero(EUR), Money::plus);
    }

    public Money totalInclTax() {
        return totalExclTax().plus(totalVat());
    }
}
