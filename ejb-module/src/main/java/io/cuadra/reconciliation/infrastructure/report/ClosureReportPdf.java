package io.cuadra.reconciliation.infrastructure.report;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.cuadra.reconciliation.domain.closure.ClosureReport;
import io.cuadra.shared.country.AmountText;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.util.List;

/** The closure report as an A4 PDF (OpenPDF): figures, expected per method, the drawer count, discrepancies, history. */
public final class ClosureReportPdf {

    private static final Font TITLE = new Font(Font.HELVETICA, 15, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9);
    private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Color SHADE = new Color(230, 234, 240);

    private ClosureReportPdf() {
    }

    public static byte[] render(ClosureReport r, String language) {
        ClosureReportWords w = ClosureReportWords.in(language);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(ClosureReportText.title(r, w));
        doc.addCreator("Cuadra");
        doc.open();
        doc.add(new Paragraph(ClosureReportText.title(r, w), TITLE));
        doc.add(new Paragraph(r.companyName() + " · " + r.companyTaxId() + " · " + r.locationName() + " ("
                + r.zone() + ")", BODY));
        doc.add(new Paragraph(ClosureReportText.statusLine(r, w), BOLD));

        heading(doc, w.get("figures"));
        PdfPTable figures = table(new float[] {3, 2});
        for (String[] row : ClosureReportText.figures(r, w)) {
            cell(figures, row[0], BODY, Element.ALIGN_LEFT);
            cell(figures, row[1], BODY, Element.ALIGN_RIGHT);
        }
        doc.add(figures);

        heading(doc, w.get("byMethod"));
        PdfPTable methods = table(new float[] {2, 2, 1, 2});
        header(methods, w.get("kind"), w.get("method"), w.get("payments"), w.get("expected"));
        for (ClosureReport.Method m : r.methods()) {
            cell(methods, w.word("pay", m.kind()), BODY, Element.ALIGN_LEFT);
            cell(methods, m.code(), BODY, Element.ALIGN_LEFT);
            cell(methods, Integer.toString(m.payments()), BODY, Element.ALIGN_RIGHT);
            cell(methods, amount(r, m.expected()), BODY, Element.ALIGN_RIGHT);
        }
        cell(methods, w.get("total"), BOLD, Element.ALIGN_LEFT);
        cell(methods, "", BODY, Element.ALIGN_LEFT);
        cell(methods, "", BODY, Element.ALIGN_LEFT);
        cell(methods, amount(r, r.expectedTotal()), BOLD, Element.ALIGN_RIGHT);
        doc.add(methods);

        heading(doc, w.get("cashCount"));
        if (r.countedCash() == null) {
            doc.add(new Paragraph(w.get("noCount", amount(r, r.expectedCash()), r.currency()), BODY));
        } else {
            PdfPTable count = table(new float[] {2, 2, 1, 2});
            header(count, w.get("denomination"), w.get("form"), w.get("pieces"), w.get("subtotal"));
            for (ClosureReport.CountLine l : r.count()) {
                cell(count, amount(r, l.faceValue()), BODY, Element.ALIGN_RIGHT);
                cell(count, w.get("NOTE".equals(l.form()) ? "NOTE" : "COIN"), BODY, Element.ALIGN_LEFT);
                cell(count, Integer.toString(l.pieces()), BODY, Element.ALIGN_RIGHT);
                cell(count, amount(r, l.subtotal()), BODY, Element.ALIGN_RIGHT);
            }
            doc.add(count);
            doc.add(new Paragraph(ClosureReportText.cashLine(r, w), BOLD));
        }

        heading(doc, w.get("discrepancies", r.discrepancies().size()));
        if (r.discrepancies().isEmpty()) {
            doc.add(new Paragraph(w.get("noDiscrepancies"), BODY));
        } else {
            PdfPTable findings = table(new float[] {2.2f, 1.3f, 1.6f, 1.3f, 1.3f, 5});
            header(findings, w.get("kind"), w.get("state"), w.get("order"),
                    w.get("expected"), w.get("actual"), w.get("detail"));
            for (ClosureReport.Finding f : r.discrepancies()) {
                cell(findings, w.word("type", f.type()), BODY, Element.ALIGN_LEFT);
                cell(findings, w.word("finding", f.status()), BODY, Element.ALIGN_LEFT);
                cell(findings, f.orderNumber() == null ? "" : f.orderNumber(), BODY, Element.ALIGN_LEFT);
                cell(findings, amount(r, f.expected()), BODY, Element.ALIGN_RIGHT);
                cell(findings, amount(r, f.actual()), BODY, Element.ALIGN_RIGHT);
                cell(findings, f.description() + (f.resolution() == null ? "" : " — " + w.get("resolved", f.resolution())),
                        BODY, Element.ALIGN_LEFT);
            }
            doc.add(findings);
        }

        heading(doc, w.get("history"));
        List<ClosureReport.Transition> history = r.history();
        if (history.isEmpty()) {
            doc.add(new Paragraph(w.get("noHistory"), BODY));
        }
        for (ClosureReport.Transition t : history) {
            doc.add(new Paragraph(ClosureReportText.transition(t, w), BODY));
        }
        doc.close();
        return out.toByteArray();
    }

    private static void heading(Document doc, String text) {
        Paragraph p = new Paragraph(text, HEADING);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        return t;
    }

    private static void header(PdfPTable t, String... titles) {
        for (String title : titles) {
            PdfPCell c = new PdfPCell(new Phrase(title, BOLD));
            c.setBackgroundColor(SHADE);
            t.addCell(c);
        }
    }

    private static void cell(PdfPTable t, String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        t.addCell(c);
    }

    /** An amount in the closure's currency, to its minor unit with its country's separators (6.900 pesos, 94.50 soles). */
    static String amount(ClosureReport r, BigDecimal value) {
        return AmountText.of(value, r.currency());
    }
}
