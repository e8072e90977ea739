package io.cuadra.web.shell;

import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.application.DocumentFilter;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.reconciliation.application.ClosureService;
import io.cuadra.reconciliation.application.DayFigures;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Map;

/**
 * The figures a role starts the day with, each read through its component's published service and
 * only when the role may see it: today's sales and cash per location (money: payments and
 * reconciliation), the documents still waiting for SUNAT (billing). Open discrepancies and stock
 * alerts are the reconciliation and inventory widgets beside these.
 */
@Named("home")
@RequestScoped
public class HomeBacking {

    @EJB
    ClosureService closures;

    @EJB
    BillingQueries billing;

    @Inject
    PageGuard guard;

    private List<DayFigures> today;
    private SunatQueue sunat;

    public boolean isSalesVisible() {
        return guard.can("payments:view") && guard.can("reconciliation:view");
    }

    public List<DayFigures> getToday() {
        if (today == null) {
            today = isSalesVisible() ? closures.today() : List.of();
        }
        return today;
    }

    public boolean isSunatVisible() {
        return guard.can("billing:view");
    }

    /** Invoices, receipts and credit notes of the caller's locations not yet answered by SUNAT, and those it rejected. */
    public SunatQueue getSunat() {
        if (sunat == null && isSunatVisible()) {
            DocumentFilter all = new DocumentFilter(null, null, null, null, null, null);
            Map<DocumentStatus, Long> documents = billing.countByStatus(all, false);
            Map<DocumentStatus, Long> notes = billing.countByStatus(all, true);
            sunat = new SunatQueue(
                    sum(documents, notes, DocumentStatus.PENDING) + sum(documents, notes, DocumentStatus.SENT),
                    sum(documents, notes, DocumentStatus.REJECTED));
        }
        return sunat;
    }

    private static long sum(Map<DocumentStatus, Long> a, Map<DocumentStatus, Long> b, DocumentStatus s) {
        return a.getOrDefault(s, 0L) + b.getOrDefault(s, 0L);
    }

    public record SunatQueue(long waiting, long rejected) {
    }
}
