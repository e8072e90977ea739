package io.cuadra.billing.infrastructure.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import io.cuadra.billing.domain.france.FrenchInvoice;
import io.cuadra.billing.domain.france.FrenchInvoiceLine;
import io.cuadra.billing.domain.france.FrenchInvoiceMentions;
import io.cuadra.billing.domain.france.VatBreakdown;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A French facture or avoir on A4: seller identity with the logo, the heading with its continuous
 * number and the references, the buyer, lines HT with their VAT rate, the VAT summary per rate, totals
 * HT / TVA / TTC, then the payment mentions. Every legal wording comes from
 * {@link FrenchInvoiceMentions}, so the PDF cannot drift from what the domain checks.
 */
final class FrenchInvoiceLayout {

    private static final float MARGIN = 40;

    private final FrenchInvoice invoice;
    private final FrenchInvoiceMentions mentions;
    private final byte[] logoOrNull;
    private final PdfStyle style = PdfStyle.a4();

    FrenchInvoiceLayout(FrenchInvoice invoice, byte[] logoOrNull) {
        this.invoice = Objects.requireNonNull(invoice, "invoice");
        this.mentions = FrenchInvoiceMentions.of(invoice);
        this.logoOrNull = logoOrNull;
    }

    byte[] render() {
        return PdfFile.write(PageSize.A4, MARGIN, mentions.heading(), invoice.seller().legalName(),
                (document, writer) -> {
                    document.add(header());
                    document.add(buyer());
                    document.add(lines());
                    document.add(totals());
                    document.add(payment());
                });
    }

    /** Seller identity on the left; heading and references on the right. */
    private PdfPTable header() {
        PdfPTable references = PdfStyle.table(1);
        references.addCell(style.right(mentions.heading(), style.title));
        for (String reference : mentions.references()) {
            references.addCell(style.right(reference, style.body));
        }
        return PdfStyle.beside(style.identity(logoOrNull, mentions.seller()), references, 55, 12);
    }

    /** The buyer in a framed block on the right, where a window envelope shows it. */
    private PdfPTable buyer() {
        PdfPTable buyer = PdfStyle.table(1);
        buyer.addCell(style.left("Client", style.bodyBold));
        List<String> lines = mentions.buyer();
        for (int i = 0; i < lines.size(); i++) {
            buyer.addCell(style.left(lines.get(i), i == 0 ? style.bodyBold : style.body));
        }
        PdfPCell framed = PdfStyle.wrap(buyer);
        framed.setBorder(Rectangle.BOX);
        framed.setBorderColor(PdfStyle.RULE_GREY);
        framed.setPadding(6);

        PdfPTable block = PdfStyle.table(50, 50);
        block.addCell(style.left("", style.body));
        block.addCell(framed);
        block.setSpacingAfter(14);
        return block;
    }

    private PdfPTable lines() {
        PdfPTable table = PdfStyle.table(50, 10, 15, 10, 15);
        table.addCell(style.columnHeader("Désignation", Element.ALIGN_LEFT));
        table.addCell(style.columnHeader("Qté", Element.ALIGN_RIGHT));
        table.addCell(style.columnHeader("PU HT", Element.ALIGN_RIGHT));
        table.addCell(style.columnHeader("TVA", Element.ALIGN_RIGHT));
        table.addCell(style.columnHeader("Total HT", Element.ALIGN_RIGHT));
        table.setHeaderRows(1);
        for (FrenchInvoiceLine line : invoice.lines()) {
            table.addCell(style.underlined(style.left(line.description(), style.body)));
            table.addCell(style.underlined(style.right(quantity(line.quantity()), style.body)));
            table.addCell(style.underlined(style.right(FrenchInvoiceMentions.euros(line.unitPriceExclTax()), style.body)));
            table.addCell(style.underlined(style.right(FrenchInvoiceMentions.rate(line.vatRate()), style.body)));
            table.addCell(style.underlined(style.right(FrenchInvoiceMentions.euros(line.totalExclTax()), style.body)));
        }
        table.setSpacingAfter(12);
        return table;
    }

    /** VAT summary per rate on the left, totals HT / TVA / TTC on the right. */
    private PdfPTable totals() {
        PdfPTable vat = PdfStyle.table(30, 35, 35);
        vat.addCell(style.columnHeader("Taux TVA", Element.ALIGN_LEFT));
        vat.addCell(style.columnHeader("Base HT", Element.ALIGN_RIGHT));
        vat.addCell(style.columnHeader("Montant TVA", Element.ALIGN_RIGHT));
        for (VatBreakdown rate : invoice.vatBreakdown()) {
            vat.addCell(style.left(FrenchInvoiceMentions.rate(rate.rate()), style.body));
            vat.addCell(style.right(FrenchInvoiceMentions.euros(rate.base()), style.body));
            vat.addCell(style.right(FrenchInvoiceMentions.euros(rate.vat()), style.body));
        }

        PdfPTable sums = PdfStyle.table(55, 45);
        sums.addCell(style.right("Total HT :", style.bodyBold));
        sums.addCell(style.right(FrenchInvoiceMentions.euros(invoice.totalExclTax()), style.body));
        sums.addCell(style.right("Total TVA :", style.bodyBold));
        sums.addCell(style.right(FrenchInvoiceMentions.euros(invoice.totalVat()), style.body));
        style.grandTotal(sums, "Total TTC :", FrenchInvoiceMentions.euros(invoice.totalInclTax()));
        return PdfStyle.footing(new float[]{50, 10, 40}, PdfStyle.wrap(vat), style.left("", style.body),
                PdfStyle.wrap(sums));
    }

    private PdfPTable payment() {
        PdfPTable payment = PdfStyle.table(1);
        payment.addCell(style.left("Paiement", style.bodyBold));
        for (String mention : mentions.payment()) {
            payment.addCell(style.left(mention, style.body));
        }
        payment.setKeepTogether(true);
        return payment;
    }

    /** "3", "1,5": French decimal comma, no useless zeros. */
    private static String quantity(BigDecimal quantity) {
        BigDecimal stripped = quantity.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString().replace('.', ',');
    }
}
