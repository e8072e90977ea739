package io.cuadra.billing.infrastructure.pdf;

import io.cuadra.billing.domain.CreditNoteReference;
import io.cuadra.billing.domain.Customer;
import io.cuadra.billing.domain.DocumentLine;
import io.cuadra.billing.domain.ElectronicDocument;
import io.cuadra.billing.domain.FiscalAddress;
import io.cuadra.billing.domain.Issuer;
import io.cuadra.billing.domain.PaymentTerms;
import io.cuadra.billing.domain.SunatQrText;
import io.cuadra.billing.domain.TaxScheme;
import io.cuadra.billing.domain.TaxSubtotal;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.shared.domain.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * What a printed SUNAT document says, worded once for both layouts (A4 and ticket) so they cannot
 * disagree: labels in Spanish, dates dd/MM/yyyy, amounts "1,234.56" as Peruvian invoices print them.
 */
final class PeruvianPrintout {

    /** A label and its value, printed side by side (A4) or one after the other (ticket). */
    record Field(String label, String value) {
    }

    /** One document line with every column already formatted. */
    record Line(String code, String description, String unit, String quantity, String unitValue, String amount) {
    }

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    /** Unit values are quotients with up to 10 decimals; four are enough to recompute the line. */
    private static final int MAX_UNIT_VALUE_DECIMALS = 4;

    private final ElectronicDocument document;
    private final String hash;
    private final String qrText;

    PeruvianPrintout(ElectronicDocument document, String hash) {
        this.document = Objects.requireNonNull(document, "document");
        // SunatQrText refuses a blank hash: a printout without it would not be a valid representation.
        this.qrText = SunatQrText.of(document, hash);
        this.hash = hash.strip();
    }

    String title() {
        return document.kind().printedTitle();
    }

    String number() {
        return document.id();
    }

    String issuerDisplayName() {
        Issuer issuer = document.issuer();
        return issuer.tradeName() != null ? issuer.tradeName() : issuer.legalName();
    }

    /** The legal name, printed under the trade name only when the two differ. */
    String issuerLegalNameUnderTradeName() {
        Issuer issuer = document.issuer();
        return issuer.tradeName() != null ? issuer.legalName() : null;
    }

    String issuerRuc() {
        return "RUC " + document.issuer().ruc();
    }

    String issuerAddress() {
        FiscalAddress a = document.issuer().address();
        StringJoiner address = new StringJoiner(" - ");
        address.add(a.urbanization() == null ? a.addressLine() : a.addressLine() + " " + a.urbanization());
        address.add(a.district()).add(a.province()).add(a.department());
        return address.toString();
    }

    String establishment() {
        return "Establecimiento: " + document.issuer().establishmentCode();
    }

    List<Field> customerFields() {
        Customer customer = document.customer();
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("Cliente", customer.name()));
        if (customer.documentType() == DocumentType.NONE) {
            fields.add(new Field("Documento", customer.documentType().label()));
        } else {
            fields.add(new Field(customer.documentType().label(), customer.documentNumber()));
        }
        if (customer.address() != null) {
            fields.add(new Field("Dirección", customer.address()));
        }
        return fields;
    }

    List<Field> issueFields() {
        return List.of(
                new Field("Fecha de emisión", DATE.format(document.issueDate())),
                new Field("Hora de emisión", TIME.format(document.issueTime())),
                new Field("Moneda", document.currency().getCurrencyCode()));
    }

    /** Empty when the document states no terms (a boleta or credit note may omit them). */
    List<Field> paymentFields() {
        PaymentTerms terms = document.paymentTerms();
        if (terms == null) {
            return List.of();
        }
        if (terms instanceof PaymentTerms.Credit credit) {
            List<Field> fields = new ArrayList<>();
            fields.add(new Field("Forma de pago", "Crédito"));
            fields.add(new Field("Monto neto pendiente de pago", money(credit.pendingAmount())));
            List<PaymentTerms.Instalment> instalments = credit.instalments();
            for (int i = 0; i < instalments.size(); i++) {
                PaymentTerms.Instalment instalment = instalments.get(i);
                fields.add(new Field(String.format(Locale.ROOT, "Cuota %03d", i + 1),
                        money(instalment.amount()) + " vence el " + DATE.format(instalment.dueDate())));
            }
            return fields;
        }
        return List.of(new Field("Forma de pago", "Contado"));
    }

    /** Empty unless the document is a credit note. */
    List<Field> creditNoteFields() {
        CreditNoteReference reference = document.creditNote();
        if (reference == null) {
            return List.of();
        }
        return List.of(
                new Field("Documento que modifica",
                        reference.originalKind().printedTitle() + " " + reference.originalNumber().id()),
                new Field("Motivo", reference.reason().sunatCode() + " - " + reference.reason().label()),
                new Field("Sustento", reference.reasonDescription()));
    }

    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        for (DocumentLine line : document.lines()) {
            lines.add(new Line(line.code() == null ? "" : line.code(), line.description(), line.unitCode(),
                    plain(line.quantity()), unitValue(line.unitValue()), amount(line.lineExtensionAmount())));
        }
        return lines;
    }

    /**
     * The discounts when there are any, value per tax scheme (every scheme, 0.00 when unused, as Peruvian
     * invoices show them), IGV and the total; the last field is the amount payable.
     */
    List<Field> totals() {
        Map<TaxScheme, Money> byScheme = new EnumMap<>(TaxScheme.class);
        for (TaxSubtotal subtotal : document.totals().subtotals()) {
            byScheme.put(subtotal.scheme(), subtotal.taxableAmount());
        }
        Money zero = Money.zero(document.currency());
        List<Field> totals = new ArrayList<>();
        // Line values are net of discounts while unit values are not: the discounts (without tax) bridge them.
        Money discounts = document.lines().stream().map(DocumentLine::discount).reduce(zero, Money::plus);
        if (!discounts.isZero()) {
            totals.add(new Field("Descuentos", money(discounts)));
        }
        totals.add(new Field("Op. gravada", money(byScheme.getOrDefault(TaxScheme.IGV, zero))));
        totals.add(new Field("Op. exonerada", money(byScheme.getOrDefault(TaxScheme.EXONERATED, zero))));
        totals.add(new Field("Op. inafecta", money(byScheme.getOrDefault(TaxScheme.UNAFFECTED, zero))));
        totals.add(new Field("IGV", money(document.totals().igvAmount())));
        totals.add(new Field("Importe total", money(document.payableAmount())));
        return totals;
    }

    String amountInWords() {
        return "SON: " + document.amountInWords();
    }

    String hashLine() {
        return "Hash: " + hash;
    }

    String qrText() {
        return qrText;
    }

    String representationLine() {
        return document.kind().printedRepresentationLine();
    }

    /** Title of the PDF file's metadata, e.g. "FACTURA ELECTRÓNICA F001-123". */
    String metadataTitle() {
        return title() + " " + number();
    }

    String issuerLegalName() {
        return document.issuer().legalName();
    }

    /** "S/ 1,416.00". */
    static String money(Money amount) {
        return symbol(amount.currency()) + " " + amount(amount);
    }

    /** "1,416.00": grouping with commas and a decimal point, the Peruvian convention. */
    static String amount(Money amount) {
        return String.format(Locale.ROOT, "%,.2f", amount.amount());
    }

    private static String symbol(Currency currency) {
        return switch (currency.getCurrencyCode()) {
            case "PEN" -> "S/";
            case "USD" -> "US$";
            case "EUR" -> "€";
            default -> currency.getCurrencyCode();
        };
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String unitValue(BigDecimal value) {
        BigDecimal rounded = value.setScale(MAX_UNIT_VALUE_DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros();
        return String.format(Locale.ROOT, "%,." + Math.max(2, rounded.scale()) + "f", rounded);
    }
}
