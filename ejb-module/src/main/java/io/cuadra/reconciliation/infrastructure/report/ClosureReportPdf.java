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
import io.cuadra.reconciliation.domain.ClosureReport;
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

    public static byte[] render(ClosureReport r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
        PdfWriter.getInstance(doc, out);
        doc.addTitle(ClosureReportText.title(r));
        doc.addCreator("Cuadra");
        doc.open();
        doc.add(new Paragraph(ClosureReportText.title(r), TITLE));
        doc.add(new Paragraph(r.companyName() + " · " + r.companyTaxId() + " · " + r.locationName() + " ("
                + r.zone() + ")", BODY));
        doc.add(new Paragraph(ClosureReportText.statusLine(r), BOLD));

        heading(doc, "Cifras del día");
        PdfPTable figures = table(new float[] {3, 2});
        for (String[] row : ClosureReportText.figures(r)) {
            cell(figures, row[0], BODY, Element.ALIGN_LEFT);
            cell(figures, row[1], BODY, Element.ALIGN_RIGHT);
        }
        doc.add(figures);

        heading(doc, "Esperado por medio de pago");
        PdfPTable methods = table(new float[] {2, 2, 1, 2});
        header(methods, "Tipo", "Medio", "Pagos", "Esperado");
        for (ClosureReport.Method m : r.methods()) {
            cell(methods, m.kind(), BODY, Element.ALIGN_LEFT);
            cell(methods, m.code(), BODY, Element.ALIGN_LEFT);
            cell(methods, Integer.toString(m.payments()), BODY, Element.ALIGN_RIGHT);
            cell(methods, amount(r, m.expected()), BODY, Element.ALIGN_RIGHT);
        }
        cell(methods, "Total", BOLD, Element.ALIGN_LEFT);
        cell(methods, "", BODY, Element.ALIGN_LEFT);
        cell(methods, "", BODY, Element.ALIGN_LEFT);
        cell(methods, amount(r, r.expectedTotal()), BOLD, Element.ALIGN_RIGHT);
        doc.add(methods);

        heading(doc, "Arqueo de caja");
        if (r.countedCash() == null) {
            doc.add(new Paragraph("Sin arqueo registrado. Efectivo esperado: " + amount(r, r.expectedCash()) + " "
                    + r.currency(), BODY));
        } else {
            PdfPTable count = table(new float[] {2, 2, 1, 2});
            header(count, "Denominación", "Tipo", "Cantidad", "Subtotal");
            for (ClosureReport.CountLine l : r.count()) {
                cell(count, amount(r, l.faceValue()), BODY, Element.ALIGN_RIGHT);
                cell(count, "NOTE".equals(l.form()) ? "Billete" : "Moneda", BODY, Element.ALIGN_LEFT);
                cell(count, Integer.toString(l.pieces()), BODY, Element.ALIGN_RIGHT);
                cell(count, amount(r, l.subtotal()), BODY, Element.ALIGN_RIGHT);
            }
            doc.add(count);
            doc.add(new Paragraph(ClosureReportText.cashLine(r), BOLD));
        }

        heading(doc, "Discrepancias (" + r.discrepancies().size() + ")");
        if (r.discrepancies().isEmpty()) {
            doc.add(new Paragraph("Ninguna.", BODY));
        } else {
            PdfPTable findings = table(new float[] {2.2f, 1.3f, 1.6f, 1.3f, 1.3f, 5});
            header(findings, "Tipo", "Estado", "Orden", "Esperado", "Real", "Detalle");
            for (ClosureReport.Finding f : r.discrepancies()) {
                cell(findings, f.type(), BODY, Element.ALIGN_LEFT);
                cell(findings, f.status(), BODY, Element.ALIGN_LEFT);
                cell(findings, f.orderNumber() == null ? "" : f.orderNumber(), BODY, Element.ALIGN_LEFT);
                cell(findings, amount(r, f.expected()), BODY, Element.ALIGN_RIGHT);
                cell(findings, amount(r, f.actual()), BODY, Element.ALIGN_RIGHT);
                cell(findings, f.description() + (f.resolution() == null ? "" : " — Resuelto: " + f.resolution()),
                        BODY, Element.ALIGN_LEFT);
            }
            doc.add(findings);
        }

        heading(doc, "Historial");
        List<ClosureReport.Transition> history = r.history();
        if (history.isEmpty()) {
            doc.add(new Paragraph("Sin cierres todavía.", BODY));
        }
        for (ClosureReport.Transition t : history) {
            doc.add(new Paragraph(ClosureReportText.transition(t), BODY));
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
