package io.cuadra.reconciliation.infrastructure.report;

import io.cuadra.reconciliation.domain.closure.ClosureReport;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The sentences and figure rows the PDF and the XLSX report share, so both say the same. */
final class ClosureReportText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private ClosureReportText() {
    }

    static String title(ClosureReport r, ClosureReportWords w) {
        return w.get("title", r.locationCode(), r.businessDate().toString());
    }

    static String statusLine(ClosureReport r, ClosureReportWords w) {
        return w.get("status", w.word("closure", r.status().name())) + " · " + (r.computedAt() == null ? w.get("noFigures")
                : w.get("computed", when(r, r.computedAt()))) + (r.notes() == null ? "" : " · " + w.get("notes", r.notes()));
    }

    static List<String[]> figures(ClosureReport r, ClosureReportWords w) {
        String c = r.currency();
        return List.of(
                new String[] {w.get("orders"), Integer.toString(r.orderCount())},
                new String[] {w.get("cancelledOrders"), Integer.toString(r.cancelledOrderCount())},
                new String[] {w.get("documents"), Integer.toString(r.invoiceCount())},
                new String[] {w.get("creditNotes"), Integer.toString(r.creditNoteCount())},
                new String[] {w.get("invoiced", c), ClosureReportPdf.amount(r, r.invoicedTotal())},
                new String[] {w.get("credited", c), ClosureReportPdf.amount(r, r.creditedTotal())},
                new String[] {w.get("registered", c), ClosureReportPdf.amount(r, r.registeredTotal())},
                new String[] {w.get("expectedTotal", c), ClosureReportPdf.amount(r, r.expectedTotal())},
                new String[] {w.get("expectedCash", c), ClosureReportPdf.amount(r, r.expectedCash())});
    }

    /** Counted against expected, and whether the drawer is over or short: the difference is never hidden. */
    static String cashLine(ClosureReport r, ClosureReportWords w) {
        BigDecimal diff = r.cashDifference();
        String outcome = diff.signum() == 0 ? w.get("balanced") : diff.signum() > 0
                ? w.get("over", ClosureReportPdf.amount(r, diff)) : w.get("short", ClosureReportPdf.amount(r, diff.negate()));
        return w.get("cashLine", ClosureReportPdf.amount(r, r.countedCash()), ClosureReportPdf.amount(r, r.expectedCash()),
                outcome, r.currency()) + (r.countedBy() == null ? "" : " (" + r.countedBy() + ", " + when(r, r.countedAt())
                + ")");
    }

    static String transition(ClosureReport.Transition t, ClosureReportWords w) {
        return w.word("closure", t.from()) + " → " + w.word("closure", t.to()) + " · " + t.actor() + " · " + WHEN.format(t.at().atZone(ZoneId.of("UTC")))
                + " UTC" + (t.note() == null ? "" : " · " + t.note());
    }

    private static String when(ClosureReport r, java.time.Instant at) {
        return WHEN.format(at.atZone(ZoneId.of(r.zone())));
    }
}
