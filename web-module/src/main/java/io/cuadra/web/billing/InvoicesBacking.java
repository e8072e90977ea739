package io.cuadra.web.billing;

import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.application.DocumentFilter;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentKind;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Location;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.billing.BillingViews.DocumentSummary;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.PagedModel;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.LazyDataModel;

/** The document list: invoices or credit notes, narrowed by status (with counts), type, location and dates. */
@Named
@ViewScoped
public class InvoicesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BillingQueries queries;

    @EJB
    LocationService locations;

    private boolean creditNotes;
    private DocumentStatus status;
    private BillingDocumentKind kind;
    private Long locationId;
    private LocalDate from;
    private LocalDate to;
    private Map<DocumentStatus, Long> counts;

    private final LazyDataModel<DocumentSummary> rows = PagedModel.of(
            (n, s) -> page(n, s).map(DocumentSummary::of), row -> Long.toString(row.id()));

    private Page<BillingDocument> page(int number, int size) {
        Page<BillingDocument> page = FacesActions.attempt(() -> queries.list(filter(), creditNotes, number, size));
        return page == null ? new Page<>(List.of(), 0, number, size) : page;
    }

    private DocumentFilter filter() {
        return new DocumentFilter(locationId, kind, status, from, to, null);
    }

    /** How many documents of each status the other filters find, for the status buttons. */
    public Map<DocumentStatus, Long> getCounts() {
        if (counts == null) {
            counts = FacesActions.attempt(() -> queries.countByStatus(filter(), creditNotes));
        }
        return counts;
    }

    public void refresh() {
        counts = null;
    }

    public void showStatus(String name) {
        status = name == null || name.isEmpty() ? null : DocumentStatus.valueOf(name);
        counts = null;
    }

    public List<DocumentStatus> getStatuses() {
        return List.of(DocumentStatus.values());
    }

    public List<BillingDocumentKind> getKinds() {
        return List.of(BillingDocumentKind.values());
    }

    public List<Location> getLocations() {
        return locations.listVisible();
    }

    public LazyDataModel<DocumentSummary> getRows() {
        return rows;
    }

    public boolean isCreditNotes() {
        return creditNotes;
    }

    public void setCreditNotes(boolean creditNotes) {
        this.creditNotes = creditNotes;
    }

    public DocumentStatus getStatus() {
        return status;
    }

    public void setStatus(DocumentStatus status) {
        this.status = status;
    }

    public BillingDocumentKind getKind() {
        return kind;
    }

    public void setKind(BillingDocumentKind kind) {
        this.kind = kind;
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
