package io.cuadra.billing.infrastructure.pdf;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import io.cuadra.billing.infrastructure.pdf.PeruvianPrintout.Field;
import io.cuadra.billing.infrastructure.pdf.PeruvianPrintout.Line;
import java.util.ArrayList;
import java.util.List;

/**
 * A SUNAT document on an 80 mm thermal roll: one narrow column whose page is exactly as tall as its
 * content, so the printer cuts right after the legal line.
 *
 * <p>The content is laid out as a one-column table first, to measure it; the page is then sized to
 * the measured height. PDF viewers and drivers cap a page at 14 400 pt (200 in), so an unusually
 * long ticket continues on further pages of the same width rather than producing an invalid file.
 */
final class PeruvianTicketLayout {

    /** 80 mm in points. */
    static final float WIDTH = 226.77f;
    /** The largest page dimension PDF readers accept (Acrobat implementation limit). */
    static final float MAX_PAGE_HEIGHT = 14_400;
    private static final float SIDE_MARGIN = 8;
    private static final float END_MARGIN = 10;
    private static final float QR_SIDE = 120;

    private final PeruvianPrintout printout;
    private final byte[] logoOrNull;
    private final PdfStyle style = PdfStyle.ticket();

    PeruvianTicketLayout(PeruvianPrintout printout, byte[] logoOrNull) {
        this.printout = printout;
        this.logoOrNull = logoOrNull;
    }

    byte[] render() {
        PdfPTable roll = roll();
        roll.setTotalWidth(WIDTH - 2 * SIDE_MARGIN);
        roll.setLockedWidth(true);
        roll.calculateHeights(true);
        List<int[]> pages = pages(roll);

        return PdfFile.write(pageSize(roll, pages.get(0)), 0, printout.metadataTitle(), printout.issuerLegalName(),
                (document, writer) -> {
                    for (int i = 0; i < pages.size(); i++) {
                        int[] rows = pages.get(i);
                        if (i > 0) {
                            document.setPageSize(pageSize(roll, rows));
                            document.newPage();
                        }
                        PdfContentByte canvas = writer.getDirectContent();
                        float top = pageSize(roll, rows).getHeight() - END_MARGIN;
                        roll.writeSelectedRows(rows[0], rows[1], SIDE_MARGIN, top, canvas);
                    }
                });
    }

    /** Row ranges [from, to) that each fit one page. */
    private static List<int[]> pages(PdfPTable roll) {
        float room = MAX_PAGE_HEIGHT - 2 * END_MARGIN;
        List<int[]> pages = new ArrayList<>();
        int from = 0;
        float used = 0;
        for (int row = 0; row < roll.size(); row++) {
            float height = roll.getRowHeight(row);
            if (used + height > room && row > from) {
                pages.add(new int[] {from, row});
                from = row;
                used = 0;
            }
            used += height;
        }
        pages.add(new int[] {from, roll.size()});
        return pages;
    }

    private static Rectangle pageSize(PdfPTable roll, int[] rows) {
        float height = 0;
        for (int row = rows[0]; row < rows[1]; row++) {
            height += roll.getRowHeight(row);
        }
        return new Rectangle(WIDTH, (float) Math.ceil(height + 2 * END_MARGIN));
    }

    private PdfPTable roll() {
        PdfPTable roll = new PdfPTable(1);
        Logo.cell(logoOrNull, 150, 60, Element.ALIGN_CENTER).ifPresent(roll::addCell);
        roll.addCell(style.centered(printout.issuerDisplayName(), style.heading));
        if (printout.issuerLegalNameUnderTradeName() != null) {
            roll.addCell(style.centered(printout.issuerLegalNameUnderTradeName(), style.bodyBold));
        }
        roll.addCell(style.centered(printout.issuerRuc(), style.bodyBold));
        roll.addCell(style.centered(printout.issuerAddress(), style.body));
        roll.addCell(style.centered(printout.establishment(), style.body));
        roll.addCell(rule());

        roll.addCell(style.centered(printout.title(), style.heading));
        roll.addCell(style.centered(printout.number(), style.heading));
        roll.addCell(rule());

        fields(roll, printout.issueFields());
        fields(roll, printout.customerFields());
        fields(roll, printout.creditNoteFields());
        fields(roll, printout.paymentFields());
        roll.addCell(rule());

        roll.addCell(PdfStyle.wrap(lineRow("Cant. Unid. x V. unitario", "Valor venta", style.bodyBold)));
        for (Line line : printout.lines()) {
            String described = line.code().isEmpty() ? line.description() : line.code() + " " + line.description();
            roll.addCell(style.left(described, style.body));
            roll.addCell(PdfStyle.wrap(lineRow(line.quantity() + " " + line.unit() + " x " + line.unitValue(),
                    line.amount(), style.body)));
        }
        roll.addCell(rule());

        List<Field> totals = printout.totals();
        PdfPTable amounts = new PdfPTable(new float[] {60, 40});
        amounts.setWidthPercentage(100);
        for (int i = 0; i < totals.size(); i++) {
            boolean payable = i == totals.size() - 1;
            amounts.addCell(style.right(totals.get(i).label() + ":", payable ? style.heading : style.bodyBold));
            amounts.addCell(style.right(totals.get(i).value(), payable ? style.heading : style.body));
        }
        roll.addCell(PdfStyle.wrap(amounts));
        roll.addCell(style.left(printout.amountInWords(), style.bodyBold));
        roll.addCell(rule());

        roll.addCell(QrCodeCell.of(printout.qrText(), QR_SIDE));
        roll.addCell(style.centered(printout.hashLine(), style.small));
        roll.addCell(style.centered(printout.representationLine(), style.bodyBold));
        return roll;
    }

    /** "Label: value" on one line, wrapping under itself when long. */
    private void fields(PdfPTable roll, List<Field> fields) {
        for (Field field : fields) {
            Phrase phrase = style.phrase(field.label() + ": ", style.bodyBold);
            phrase.add(style.phrase(field.value(), style.body));
            roll.addCell(style.text(phrase, Element.ALIGN_LEFT));
        }
    }

    private PdfPTable lineRow(String left, String right, Font font) {
        PdfPTable row = PdfStyle.table(65, 35);
        row.addCell(style.left(left, font));
        row.addCell(style.right(right, font));
        return row;
    }

    private static PdfPCell rule() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderWidth(0.5f);
        cell.setFixedHeight(4);
        cell.setPadding(0);
        return cell;
    }
}
