package io.cuadra.reconciliation.infrastructure.report;

import io.cuadra.reconciliation.domain.ClosureReport;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The sentences and figure rows the PDF and the XLSX report share, so both say the same. */
final class ClosureReportText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ClosureReportText() {
    }

    static String title(ClosureReport r) {
        return "Cierre diario " + r.locationCode() + " · " + r.businessDate();
    }

    static String statusLine(ClosureReport r) {
        return "Estado: " + r.status() + (r.computedAt() == null ? " · sin cifras" : " · calculado " + when(r, r.computedAt()))
                + (r.notes() == null ? "" : " · Notas: " + r.notes());
    }

    static List<String[]> figures(ClosureReport r) {
        return List.of(
                new String[] {"Órdenes", Integer.toString(r.orderCount())},
                new String[] {"Órdenes anuladas", Integer.toString(r.cancelledOrderCount())},
                new String[] {"Comprobantes", Integer.toString(r.invoiceCount())},
                new String[] {"Notas de crédito", Integer.toString(r.creditNoteCount())},
                new String[] {"Facturado (" + r.currency() + ")", ClosureReportPdf.amount(r, r.invoicedTotal())},
                new String[] {"Notas de crédito (" + r.currency() + ")", ClosureReportPdf.amount(r, r.creditedTotal())},
                new String[] {"Total registrado (" + r.currency() + ")", ClosureReportPdf.amount(r, r.registeredTotal())},
                new String[] {"Total esperado por pagos (" + r.currency() + ")", ClosureReportPdf.amount(r, r.expectedTotal())},
                new String[] {"Efectivo esperado (" + r.currency() + ")", ClosureReportPdf.amount(r, r.expectedCash())});
    }

    /** Counted against expected, and whether the drawer is over or short: the difference is never hidden. */
    static String cashLine(ClosureReport r) {
        BigDecimal diff = r.cashDifference();
        String outcome = diff.signum() == 0 ? "cuadra" : diff.signum() > 0 ? "sobrante " + ClosureReportPdf.amount(r, diff)
                : "faltante " + ClosureReportPdf.amount(r, diff.negate());
        return "Contado " + ClosureReportPdf.amount(r, r.countedCash()) + " contra " + ClosureReportPdf.amount(r, r.expectedCash())
                + " esperado: " + outcome + " " + r.currency() + (r.countedBy() == null ? ""
                : " (" + r.countedBy() + ", " + when(r, r.countedAt()) + ")");
    }

    static String transition(ClosureReport.Transition t) {
        return t.from() + " → " + t.to() + " · " + t.actor() + " · " + WHEN.format(t.at().atZone(ZoneId.of("UTC")))
                + " UTC" + (t.note() == null ? "" : " · " + t.note());
    }

    private static String when(ClosureReport r, java.time.Instant at) {
        return WHEN.format(at.atZone(ZoneId.of(r.zone())));
    }
}
