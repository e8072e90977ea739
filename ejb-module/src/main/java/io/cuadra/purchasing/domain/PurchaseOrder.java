package io.cuadra.purchasing.domain;

import io.cuadra.shared.domain.AccessDenied;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * An order to a supplier for one location (delivered to one of its warehouses). Lines change only
 * while it is a DRAFT; once ORDERED, goods receipts move it to PARTIALLY_RECEIVED and RECEIVED. It
 * can be CANCELLED until something arrives.
 */
@Entity
@Table(name = "purchase_orders")
public class PurchaseOrder extends TenantEntity {

    @Column(nullable = false, updatable = false)
    private String number;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "supplier_id", nullable = false)
    private Supplier supplier;
    @Column(name = "location_id", nullable = false, updatable = false)
    private long locationId;
    @Column(name = "warehouse_id", nullable = false)
    private long warehouseId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PurchaseOrderStatus status = PurchaseOrderStatus.DRAFT;
    @Column(name = "expected_on")
    private LocalDate expectedOn;
    private String reference;
    @Column(nullable = false)
    private String currency;
    private String notes;
    @Column(name = "ordered_at")
    private Instant orderedAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("lineNo")
    private List<PurchaseOrderLine> lines = new ArrayList<>();

    protected PurchaseOrder() {
    }

    public PurchaseOrder(String number, Supplier supplier, long locationId, long warehouseId, String currency) {
        this.number = Objects.requireNonNull(number, "number");
        this.locationId = locationId;
        this.currency = Objects.requireNonNull(currency, "currency");
        deliverTo(supplier, warehouseId);
    }

    public void deliverTo(Supplier supplier, long warehouseId) {
        requireDraft();
        supplier.requireActive();
        this.supplier = supplier;
        this.warehouseId = warehouseId;
    }

    public void describe(LocalDate expectedOn, String reference, String notes) {
        if (status == PurchaseOrderStatus.CANCELLED || status == PurchaseOrderStatus.RECEIVED) {
            throw new Conflict("Purchase order " + number + " is " + status + ": it can no longer change.").withKey("purchasing.purchaseOrderCan", number, status);
        }
        this.expectedOn = expectedOn;
        this.reference = reference == null || reference.isBlank() ? null : reference.strip();
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    /** Replaces the lines of a draft, numbered in the order given. */
    public void replaceLines(List<PurchaseLineDraft> drafts) {
        requireDraft();
        lines.clear();
        int no = 1;
        for (PurchaseLineDraft draft : drafts) {
            lines.add(new PurchaseOrderLine(this, no++, draft));
        }
    }

    /** Sent to the supplier: DRAFT → ORDERED. */
    public void place(Instant at) {
        requireDraft();
        if (lines.isEmpty()) {
            throw new RuleViolation("lines: a purchase order needs at least one line to be placed.").withKey("purchasing.purchaseOrderNeeds");
        }
        status = PurchaseOrderStatus.ORDERED;
        orderedAt = at;
    }

    public void cancel(String reason, Instant at) {
        if (status != PurchaseOrderStatus.DRAFT && status != PurchaseOrderStatus.ORDERED) {
            throw new Conflict("Purchase order " + number + " is " + status + ": only a draft or an order nothing has "
                    + "arrived for can be cancelled.").withKey("purchasing.purchaseOrderOnly", number, status);
        }
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason: say why the purchase order is cancelled.").withKey("purchaseOrder.cancelReason")
                    .onField("cancelReason");
        }
        status = PurchaseOrderStatus.CANCELLED;
        cancelledAt = at;
        cancelReason = reason.strip();
    }

    /** Goods can be received against it. */
    public void requireReceivable() {
        if (status != PurchaseOrderStatus.ORDERED && status != PurchaseOrderStatus.PARTIALLY_RECEIVED) {
            throw new Conflict("Purchase order " + number + " is " + status + ": goods are received only against an "
                    + "ORDERED or PARTIALLY_RECEIVED order.").withKey("purchasing.purchaseOrderGoods", number, status);
        }
    }

    /**
     * Goods arrived for one line. Receiving more than ordered is refused unless the person may
     * approve it ({@code purchasing:approve}); the status follows what has arrived.
     */
    public void receive(PurchaseOrderLine line, BigDecimal quantity, boolean mayExceedOrdered) {
        requireReceivable();
        if (line.getOrder() != this) {
            throw new RuleViolation("lines.orderLineId: line " + line.getId() + " is not a line of " + number + ".").withKey("purchasing.lineLine", line.getId(), number);
        }
        BigDecimal beyond = line.receive(quantity);
        if (beyond.signum() > 0 && !mayExceedOrdered) {
            throw new AccessDenied("Line " + line.getLineNo() + " of " + number + " ordered "
                    + line.getQuantityOrdered().stripTrailingZeros().toPlainString() + "; receiving this makes "
                    + beyond.stripTrailingZeros().toPlainString() + " more than ordered, which needs purchasing:approve.").withKey("purchasing.lineOrderedReceiving", line.getLineNo(), number, line.getQuantityOrdered().stripTrailingZeros().toPlainString(), beyond.stripTrailingZeros().toPlainString());
        }
        status = lines.stream().allMatch(PurchaseOrderLine::isComplete) ? PurchaseOrderStatus.RECEIVED
                : PurchaseOrderStatus.PARTIALLY_RECEIVED;
    }

    public PurchaseOrderLine line(long lineId) {
        return lines.stream().filter(l -> l.getId() == lineId).findFirst()
                .orElseThrow(() -> new RuleViolation("lines.orderLineId: " + number + " has no line " + lineId + ".").withKey("purchasing.line", number, lineId));
    }

    public BigDecimal subtotal() {
        return lines.stream().map(PurchaseOrderLine::subtotal).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(Money.SCALE);
    }

    public BigDecimal taxTotal() {
        return lines.stream().map(PurchaseOrderLine::tax).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(Money.SCALE);
    }

    public BigDecimal total() {
        return subtotal().add(taxTotal());
    }

    private void requireDraft() {
        if (status != PurchaseOrderStatus.DRAFT) {
            throw new Conflict("Purchase order " + number + " is " + status + ": only a draft can be edited.").withKey("purchasing.purchaseOrderOnly2", number, status);
        }
    }

    public String getNumber() {
        return number;
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

    public PurchaseOrderStatus getStatus() {
        return status;
    }

    public LocalDate getExpectedOn() {
        return expectedOn;
    }

    public String getReference() {
        return reference;
    }

    public String getCurrency() {
        return currency;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getOrderedAt() {
        return orderedAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public List<PurchaseOrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
