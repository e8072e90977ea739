package io.cuadra.web.reconciliation;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reconciliation.application.ClosureService;
import io.cuadra.reconciliation.domain.closure.ClosureStatus;
import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.reconciliation.ReconciliationViews.ClosureView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import io.cuadra.web.shell.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Closures per location and day with their status; starting the closure job for a location's day. */
@Named
@ViewScoped
public class ClosuresBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ClosureService closures;

    @EJB
    LocationService locations;

    private List<LocationOption> locationOptions;
    private Long locationId;
    private LocalDate from;
    private LocalDate to;
    private ClosureStatus status;
    private Long runLocationId;
    private LocalDate runDate;

    /** A location as the filters offer it. */
    public record LocationOption(long id, String code, String name, String zone) implements Serializable {
    }

    @PostConstruct
    void init() {
        locationOptions = locations.listVisible().stream()
                .map(l -> new LocationOption(l.getId(), l.getCode(), l.getName(), l.getTimeZone())).toList();
        if (!locationOptions.isEmpty()) {
            runLocationId = locationOptions.get(0).id();
            runDate = LocalDate.now(ZoneId.of(locationOptions.get(0).zone()));
        }
    }

    private final LazyDataModel<ClosureView> rows = PagedModel.of(
            this::page, row -> Long.toString(row.id()));

    private Page<ClosureView> page(int page, int size) {
        return closures.list(locationId, from, to, status, page, size).map(ClosureView::of);
    }

    @Permitted(module = Module.RECONCILIATION, action = Action.CREATE)
    public void run() {
        ReconciliationJobRun run = FacesActions.attempt(() -> closures.run(runLocationId, runDate, null, null));
        if (run != null) {
            FacesActions.info(Texts.get("reconciliation.run.started", run.getExecutionId(), runDate));
        }
    }

    public LazyDataModel<ClosureView> getRows() {
        return rows;
    }

    public List<LocationOption> getLocationOptions() {
        return locationOptions;
    }

    public ClosureStatus[] getStatuses() {
        return ClosureStatus.values();
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

    public ClosureStatus getStatus() {
        return status;
    }

    public void setStatus(ClosureStatus status) {
        this.status = status;
    }

    public Long getRunLocationId() {
        return runLocationId;
    }

    public void setRunLocationId(Long runLocationId) {
        this.runLocationId = runLocationId;
    }

    public LocalDate getRunDate() {
        return runDate;
    }

    public void setRunDate(LocalDate runDate) {
        this.runDate = runDate;
    }
}
