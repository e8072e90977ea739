package io.cuadra.web.purchasing;

import io.cuadra.web.platform.Amount;
import io.cuadra.purchasing.domain.GoodsReceipt;
import io.cuadra.purchasing.domain.GoodsReceiptLine;
import io.cuadra.purchasing.domain.PurchaseOrder;
import io.cuadra.purchasing.domain.PurchaseOrderLine;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** What the purchasing API answers: records, never entities. */
public final class PurchasingViews {

    private PurchasingViews() {
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    @Schema(name = "PurchaseOrderLine")
    public record OrderLineView(long id, int lineNo, long itemId, BigDecimal quantityOrdered,
                                BigDecimal quantityReceived, BigDecimal pending, BigDecimal unitCost,
                                BigDecimal taxPercent, @Amount BigDecimal subtotal, @Amount BigDecimal tax) implements java.io.Serializable {
        static OrderLineView of(PurchaseOrderLine l) {
            return new OrderLineView(l.getId(), l.getLineNo(), l.getItemId(), l.getQuantityOrdered(),
                    l.getQuantityReceived(), l.pending(), l.getUnitCost(), l.getTaxPercent(), l.subtotal(), l.tax());
        }
    }

    @Schema(name = "PurchaseOrder")
    public record OrderView(long id, String number, long supplierId, String supplierName, long locationId,
                            long warehouseId, String status, LocalDate expectedOn, String reference, String currency,
                            String notes, OffsetDateTime orderedAt, OffsetDateTime cancelledAt, String cancelReason,
                            @Schema(type = SchemaType.ARRAY, implementation = OrderLineView.class)
                            List<OrderLineView> lines, @Amount BigDecimal subtotal, @Amount BigDecimal taxTotal, @Amount BigDecimal total,
                            String createdBy, long version) implements java.io.Serializable {
        public static OrderView of(PurchaseOrder o) {
            return new OrderView(o.getId(), o.getNumber(), o.getSupplier().getId(), o.getSupplier().getName(),
                    o.getLocationId(), o.getWarehouseId(), o.getStatus().name(), o.getExpectedOn(), o.getReference(),
                    o.getCurrency(), o.getNotes(), utc(o.getOrderedAt()), utc(o.getCancelledAt()), o.getCancelReason(),
                    o.getLines().stream().map(OrderLineView::of).toList(), o.subtotal(), o.taxTotal(), o.total(),
                    o.getCreatedBy(), o.getVersion());
        }
    }

    @Schema(name = "GoodsReceiptLine")
    public record ReceiptLineView(long id, Long orderLineId, long itemId, long lotId, String lotCode,
                                  LocalDate expiresOn, BigDecimal quantity, BigDecimal unitCost) {
        static ReceiptLineView of(GoodsReceiptLine l) {
            return new ReceiptLineView(l.getId(), l.getOrderLineId(), l.getItemId(), l.getLotId(), l.getLotCode(),
                    l.getExpiresOn(), l.getQuantity(), l.getUnitCost());
        }
    }

    @Schema(name = "GoodsReceipt")
    public record ReceiptView(long id, String number, Long purchaseOrderId, String purchaseOrderNumber,
                              Long supplierId, String supplierName, long locationId, long warehouseId,
                              String supplierDocument, String currency, String notes, OffsetDateTime receivedAt,
                              String receivedBy,
                              @Schema(type = SchemaType.ARRAY, implementation = ReceiptLineView.class)
                              List<ReceiptLineView> lines, long version) {
        public static ReceiptView of(GoodsReceipt r) {
            return new ReceiptView(r.getId(), r.getNumber(),
                    r.getPurchaseOrder() == null ? null : r.getPurchaseOrder().getId(),
                    r.getPurchaseOrder() == null ? null : r.getPurchaseOrder().getNumber(),
                    r.getSupplier() == null ? null : r.getSupplier().getId(),
                    r.getSupplier() == null ? null : r.getSupplier().getName(), r.getLocationId(), r.getWarehouseId(),
                    r.getSupplierDocument(), r.getCurrency(), r.getNotes(), utc(r.getReceivedAt()), r.getCreatedBy(),
                    r.getLines().stream().map(ReceiptLineView::of).toList(), r.getVersion());
        }
    }
}
