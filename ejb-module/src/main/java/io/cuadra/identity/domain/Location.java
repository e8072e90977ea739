package io.cuadra.identity.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.time.ZoneId;

/** A sede: where orders are taken, stock is kept and cash is closed; its business day is in its own zone. */
@Entity
@Table(name = "locations")
public class Location extends TenantEntity implements java.io.Serializable {

    @Column(nullable = false, updatable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    private String address;
    private String phone;
    private String email;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @Column(name = "sunat_establishment", nullable = false)
    private String sunatEstablishment = "0000";
    @Column(name = "invoice_series")
    private String invoiceSeries;
    @Column(name = "receipt_series")
    private String receiptSeries;
    @Column(name = "invoice_credit_series")
    private String invoiceCreditSeries;
    @Column(name = "receipt_credit_series")
    private String receiptCreditSeries;
    @Column(nullable = false)
    private boolean active = true;

    protected Location() {
    }

    public Location(String code, String name, ZoneId zone) {
        this.code = code;
        this.name = name;
        this.timeZone = zone.getId();
    }

    public void describe(String name, String address, String phone, String email, ZoneId zone) {
        this.name = name;
        this.address = address;
        this.phone = phone;
        this.email = email;
        this.timeZone = zone.getId();
    }

    /** Billing series of this location: facturas F###, boletas B###, and their credit notes. */
    public void useSeries(String establishment, String invoice, String receipt, String invoiceCredit,
                          String receiptCredit) {
        this.sunatEstablishment = establishment;
        this.invoiceSeries = invoice;
        this.receiptSeries = receipt;
        this.invoiceCreditSeries = invoiceCredit;
        this.receiptCreditSeries = receiptCredit;
    }

    public void activate(boolean active) {
        this.active = active;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public String getEmail() {
        return email;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getSunatEstablishment() {
        return sunatEstablishment;
    }

    public String getInvoiceSeries() {
        return invoiceSeries;
    }

    public String getReceiptSeries() {
        return receiptSeries;
    }

    public String getInvoiceCreditSeries() {
        return invoiceCreditSeries;
    }

    public String getReceiptCreditSeries() {
        return receiptCreditSeries;
    }

    public boolean isActive() {
        return active;
    }
}
