package io.cuadra.purchasing.domain;

import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Goods that arrived at a warehouse, against a purchase order or free (a donation, opening stock, a
 * supplier without an order). Each line names the lot the goods went into; the receipt, its lots
 * and its IN moves are written in one transaction. A receipt is never edited: a mistake is
 * corrected by a count or a wastage.
 */
@Entity
@Table(name = "goods_receipts")
public class GoodsReceipt extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String number;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "purchase_order_id", updatable = false)
    private PurchaseOrder purchaseOrder;
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "supplier_id", updatable = false)
    private Supplier supplier;
    @Column(name = "location_id", nullable = false, updatable = false)
    private long locationId;
    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private long warehouseId;
    @Column(name = "supplier_document", updatable = false)
    private String supplierDocument;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Column(updatable = false)
    private String notes;
    @Column(name = "received_at", nullable = false, updatable = false)
    private Instant receivedAt;
    @OneToMany(mappedBy = "receipt", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("id")
    private List<GoodsReceiptLine> lines = new ArrayList<>();

    protected GoodsReceipt() {
    }

    public GoodsReceipt(String number, PurchaseOrder purchaseOrder, Supplier supplier, long locationId,
                        long warehouseId, String currency, String supplierDocument, String notes, Instant receivedAt) {
        this.number = Objects.requireNonNull(number, "number");
        this.purchaseOrder = purchaseOrder;
        this.supplier = supplier;
        this.locationId = locationId;
        this.warehouseId = warehouseId;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.supplierDocument = supplierDocument == null || supplierDocument.isBlank() ? null : supplierDocument.strip();
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
        this.receivedAt = receivedAt;
    }

    public GoodsReceiptLine add(PurchaseOrderLine orderLine, long itemId, long lotId, String lotCode,
                                LocalDate expiresOn, BigDecimal quantity, BigDecimal unitCost) {
        GoodsReceiptLine line = new GoodsReceiptLine(this, orderLine, itemId, lotId, lotCode, expiresOn, quantity,
                unitCost);
        lines.add(line);
        return line;
    }

    public String getNumber() {
        return number;
    }

    public PurchaseOrder getPurchaseOrder() {
        return purchaseOrder;
    }

    public Supplier getSupplier() {
        return supplier;
    }

    public long getLocationId() {
        return locationId;
    }

    public long getWarehouseId() {
        return warehouseId;
    }

    public String getSupplierDocument() {
        return supplierDocument;
    }

    public String getCurrency() {
        return currency;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public List<GoodsReceiptLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
