package io.cuadra.web.lab;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.lab.application.LabSyncs;
import io.cuadra.lab.infrastructure.LabStore;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The sync log page: the messages to and from the LIS per location, pending and failed first; retry, send again. */
@Named
@ViewScoped
public class LabSyncsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    LabSyncs syncs;

    @EJB
    LocationService locations;

    private Long locationId;
    private boolean openOnly = true;
    private Long orderId;
    private List<Location> visibleLocations;
    private List<LabStore.SyncRow> rows;

    @PostConstruct
    void load() {
        visibleLocations = locations.listVisible();
        search();
    }

    public void search() {
        rows = FacesActions.attempt(() -> syncs.list(locationId, openOnly, orderId, 200));
        if (rows == null) {
            rows = List.of();
        }
    }

    @Permitted(module = Module.ORDERS, action = Action.EDIT)
    public void retry(long id) {
        LabStore.SyncRow row = FacesActions.attempt(() -> syncs.retry(id));
        if (row != null) {
            FacesActions.info(Texts.get("lab.retried", id));
        }
        search();
    }

    @Permitted(module = Module.ORDERS, action = Action.EDIT)
    public void sendAgain(long id) {
        LabStore.SyncRow row = FacesActions.attempt(() -> syncs.sendAgain(id));
        if (row != null) {
            FacesActions.info(Texts.get("lab.sentAgain", id, row.id()));
        }
        search();
    }

    public String locationCode(Long id) {
        return id == null ? "" : visibleLocations.stream().filter(l -> l.getId() == id.longValue())
                .map(Location::getCode).findFirst().orElse(id.toString());
    }

    /** HL7 separates segments with CR: one segment per line on the page. */
    public String lines(String payload) {
        return payload == null ? "" : payload.replace("\r\n", "\n").replace('\r', '\n');
    }

    public List<LabStore.SyncRow> getRows() {
        return rows;
    }

    public List<Location> getLocations() {
        return visibleLocations;
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public boolean isOpenOnly() {
        return openOnly;
    }

    public void setOpenOnly(boolean openOnly) {
        this.openOnly = openOnly;
    }

    public Long getOrderId() {
        return orderId;
    }

    public void setOrderId(Long orderId) {
        this.orderId = orderId;
    }
}
