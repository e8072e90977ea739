package io.cuadra.web.reconciliation;

import io.cuadra.reconciliation.application.ClosureService;
import io.cuadra.web.reconciliation.ReconciliationViews.OpenView;
import io.cuadra.web.shell.PageGuard;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The dashboard's open discrepancies per location (only for those who may see reconciliation). */
@Named
@RequestScoped
public class OpenDiscrepanciesWidget {

    @EJB
    ClosureService closures;

    @Inject
    PageGuard guard;

    private List<OpenView> rows;

    public List<OpenView> getRows() {
        if (rows == null) {
            rows = guard.can("reconciliation:view")
                    ? closures.openByLocation().stream().map(OpenView::of).toList() : List.of();
        }
        return rows;
    }
}
