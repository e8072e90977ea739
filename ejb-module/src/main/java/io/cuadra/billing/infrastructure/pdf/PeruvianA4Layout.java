package io.cuadra.billing.infrastructure.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import io.cuadra.billing.infrastructure.pdf.PeruvianPrintout.Field;
import io.cuadra.billing.infrastructure.pdf.PeruvianPrintout.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * A SUNAT document on A4: issuer and logo at the top left, the boxed RUC / title / number at the top
 * right, customer and issue data, payment terms and credit-note reference, the lines, then the amount
 * in words, QR, hash and totals, which are kept together on the last page.
 */
final class PeruvianA4Layout {

    private static final float MARGIN = 36;
    private static final float QR_SIDE = 96;

    private final PeruvianPrintout printout;
    private final byte[] logoOrNull;
    private final PdfStyle style = PdfStyle.a4();

    PeruvianA4Layout(PeruvianPrintout printout, byte[] logoOrNull) {
        this.printout = printout;
        this.logoOrNull = logoOrNull;
    }

    byte[] render() {
        return PdfFile.write(PageSize.A4, MARGIN, printout.metadataTitle(), printout.issuerLegalName(),
                (document, writer) -> {
                    document.add(header());
                    document.add(parties());
                    List<Field> conditions = conditions();
                    if (!conditions.isEmpty()) {
                        document.add(fieldBox(conditions));
                    }
                    document.add(lines());
                    document.add(closing());
                });
    }

    private PdfPTable header() {
        PdfPTable issuer = PdfStyle.table(1);
        Logo.cell(logoOrNull, 170, 60, Element.ALIGN_LEFT).ifPresent(issuer::addCell);
        issuer.addCell(style.left(printout.issuerDisplayName(), style.heading));
        if (printout.issuerLegalNameUnderTradeName() != null) {
            issuer.addCell(style.left(printout.issuerLegalNameUnderTradeName(), style.bodyBold));
        }
        issuer.addCell(style.left(printout.issuerAddress(), style.body));
        issuer.addCell(style.left(printout.establishment(), style.body));

        PdfPTable box = PdfStyle.table(1);
        box.addCell(style.centered(printout.issuerRuc(), style.heading));
        box.addCell(style.centered(printout.title(), style.title));
        box.addCell(style.centered(printout.number(), style.title));
        PdfPCell boxed = PdfStyle.wrap(box);
        boxed.setBorder(Rectangle.BOX);
        boxed.setBorderWidth(1);
        boxed.setPadding(6);
        boxed.setVerticalAlignment(Element.ALIGN_MIDDLE);

        PdfPTable header = PdfStyle.table(60, 40);
        header.addCell(PdfStyle.wrap(issuer));
        header.addCell(boxed);
        header.setSpacingAfter(10);
        return header;
    }

    /** Customer on the left, date, time and currency on the right. */
    private PdfPTable parties() {
        PdfPTable parties = PdfStyle.table(62, 38);
        parties.addCell(PdfStyle.wrap(fields(printout.customerFields(), 30, 70)));
        parties.addCell(PdfStyle.wrap(fields(printout.issueFields(), 50, 50)));
        PdfPTable boxed = PdfStyle.table(1);
        PdfPCell cell = PdfStyle.wrap(parties);
        cell.setBorder(Rectangle.BOX);
        cell.setBorderColor(PdfStyle.RULE_GREY);
        cell.setPadding(4);
        boxed.addCell(cell);
        boxed.setSpacingAfter(8);
        return boxed;
    }

    /** Payment terms and, for a credit note, what it modifies and why. */
    private List<Field> conditions() {
        List<Field> conditions = new ArrayList<>(printout.creditNoteFields());
        conditions.addAll(printout.paymentFields());
        return conditions;
    }

    private PdfPTable fieldBox(List<Field> fields) {
        PdfPTable boxed = PdfStyle.table(1);
        PdfPCell cell = PdfStyle.wrap(fields(fields, 30, 70));
        cell.setBorder(Rectangle.BOX);
        cell.setBorderColor(PdfStyle.RULE_GREY);
        cell.setPadding(4);
        boxed.addCell(cell);
        boxed.setSpacingAfter(8);
        return boxed;
    }

    private PdfPTable fields(List<Field> fields, float labelWidth, float valueWidth) {
        PdfPTable table = PdfStyle.table(labelWidth, valueWidth);
        for (Field field : fields) {
            table.addCell(style.left(field.label() + ":", style.bodyBold));
            table.addCell(style.left(field.value(), style.body));
        }
        return table;
    }

    private PdfPTable lines() {
        PdfPTable table = PdfStyle.table(12, 42, 8, 10, 13, 15);
        table.addCell(style.columnHeader("Código", Element.ALIGN_LEFT));
        table.addCell(style.columnHeader("Descripción", Element.ALIGN_LEFT));
        table.addCell(style.columnHeader("Unidad", Element.ALIGN_CENTER));
        table.addCell(style.columnHeader("Cantidad", Element.ALIGN_RIGHT));
        table.addCell(style.columnHeader("V. unitario", Element.ALIGN_RIGHT));
        table.addCell(style.columnHeader("Valor venta", Element.ALIGN_RIGHT));
        // Long documents continue on further pages with the column titles repeated.
        table.setHeaderRows(1);
        for (Line line : printout.lines()) {
            table.addCell(style.underlined(style.left(line.code(), style.body)));
            table.addCell(style.underlined(style.left(line.description(), style.body)));
            table.addCell(style.underlined(style.centered(line.unit(), style.body)));
            table.addCell(style.underlined(style.right(line.quantity(), style.body)));
            table.addCell(style.underlined(style.right(line.unitValue(), style.body)));
            table.addCell(style.underlined(style.right(line.amount(), style.body)));
        }
        table.setSpacingAfter(10);
        return table;
    }

    /** Amount in words, QR with hash and legal line on the left; totals on the right. */
    private PdfPTable closing() {
        PdfPTable proof = PdfStyle.table(QR_SIDE, 220);
        proof.addCell(QrCodeCell.of(printout.qrText(), QR_SIDE));
        PdfPTable legal = PdfStyle.table(1);
        legal.addCell(style.left(printout.representationLine(), style.bodyBold));
        legal.addCell(style.left(printout.hashLine(), style.small));
        PdfPCell legalCell = PdfStyle.wrap(legal);
        legalCell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        proof.addCell(legalCell);

        PdfPTable left = PdfStyle.table(1);
        left.addCell(style.left(printout.amountInWords(), style.bodyBold));
        left.addCell(PdfStyle.wrap(proof));

        PdfPTable totals = PdfStyle.table(55, 45);
        List<Field> fields = printout.totals();
        for (int i = 0; i < fields.size(); i++) {
            boolean payable = i == fields.size() - 1;
            PdfPCell label = style.right(fields.get(i).label() + ":", payable ? style.heading : style.bodyBold);
            PdfPCell value = style.right(fields.get(i).value(), payable ? style.heading : style.body);
            if (payable) {
                label.setBorder(Rectangle.TOP);
                value.setBorder(Rectangle.TOP);
            }
            totals.addCell(label);
            totals.addCell(value);
        }

        PdfPTable closing = PdfStyle.table(62, 38);
        closing.addCell(PdfStyle.wrap(left));
        closing.addCell(PdfStyle.wrap(totals));
        // Totals, QR and hash belong together: never split them across a page break.
        closing.setKeepTogether(true);
        return closing;
    }
}
