package io.cuadra.web.identity;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.web.identity.IdentityViews.LocationView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;

/** Locations page: list and edit, with the billing series of each location. */
@Named
@ViewScoped
public class LocationsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    LocationService locations;

    private List<LocationView> rows;
    private LocationView editing;
    private String name;
    private String address;
    private String phone;
    private String email;
    private String timeZone;
    private String establishment;
    private String invoiceSeries;
    private String receiptSeries;
    private String invoiceCreditSeries;
    private String receiptCreditSeries;
    private boolean active;

    @PostConstruct
    void load() {
        rows = locations.listVisible().stream().map(LocationView::of).toList();
    }

    public void edit(long id) {
        Location l = locations.find(id);
        editing = LocationView.of(l);
        name = l.getName();
        address = l.getAddress();
        phone = l.getPhone();
        email = l.getEmail();
        timeZone = l.getTimeZone();
        establishment = l.getSunatEstablishment();
        invoiceSeries = l.getInvoiceSeries();
        receiptSeries = l.getReceiptSeries();
        invoiceCreditSeries = l.getInvoiceCreditSeries();
        receiptCreditSeries = l.getReceiptCreditSeries();
        active = l.isActive();
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void save() {
        if (FacesActions.succeeded(() -> locations.update(editing.id(), editing.version(), name, address, phone, email,
                ZoneId.of(timeZone), establishment, invoiceSeries, receiptSeries, invoiceCreditSeries,
                receiptCreditSeries, active))) {
            FacesActions.info(Texts.get("locations.saved"));
            load();
            editing = null;
        }
    }

    public List<String> getZones() {
        return ZoneId.getAvailableZoneIds().stream().filter(z -> z.startsWith("America/") || z.startsWith("Europe/"))
                .sorted().toList();
    }

    public List<LocationView> getRows() {
        return rows;
    }

    public LocationView getEditing() {
        return editing;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getEstablishment() {
        return establishment;
    }

    public void setEstablishment(String establishment) {
        this.establishment = establishment;
    }

    public String getInvoiceSeries() {
        return invoiceSeries;
    }

    public void setInvoiceSeries(String invoiceSeries) {
        this.invoiceSeries = invoiceSeries;
    }

    public String getReceiptSeries() {
        return receiptSeries;
    }

    public void setReceiptSeries(String receiptSeries) {
        this.receiptSeries = receiptSeries;
    }

    public String getInvoiceCreditSeries() {
        return invoiceCreditSeries;
    }

    public void setInvoiceCreditSeries(String invoiceCreditSeries) {
        this.invoiceCreditSeries = invoiceCreditSeries;
    }

    public String getReceiptCreditSeries() {
        return receiptCreditSeries;
    }

    public void setReceiptCreditSeries(String receiptCreditSeries) {
        this.receiptCreditSeries = receiptCreditSeries;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
