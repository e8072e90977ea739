package io.cuadra.web.inventory;

import io.cuadra.web.platform.Amount;
import io.cuadra.inventory.application.CountService;
import io.cuadra.inventory.application.StockReports;
import io.cuadra.inventory.domain.ExpiryAlert;
import io.cuadra.inventory.domain.InventoryLot;
import io.cuadra.inventory.domain.InventorySettings;
import io.cuadra.inventory.domain.LowStockAlert;
import io.cuadra.inventory.domain.OrderLineCost;
import io.cuadra.inventory.domain.RecordedMove;
import io.cuadra.inventory.domain.StockCount;
import io.cuadra.inventory.domain.Warehouse;
import io.cuadra.inventory.domain.WarehouseTransfer;
import io.cuadra.inventory.domain.Wastage;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** What the inventory API answers: records, never entities. */
public final class InventoryViews {

    private InventoryViews() {
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    @Schema(name = "InventorySettings")
    public record SettingsView(boolean neverNegative, boolean reserveOnRegister, boolean skipExpiredLots,
                               int expiryAlertDays, String pickingOrder, long version) {
        static SettingsView of(InventorySettings s) {
            return new SettingsView(s.isNeverNegative(), s.isReserveOnRegister(), s.isSkipExpiredLots(),
                    s.getExpiryAlertDays(), s.getPickingOrder().name(), s.getVersion());
        }
    }

    @Schema(name = "LotBalance")
    public record LotBalanceView(long warehouseId, String warehouseCode, long locationId, BigDecimal onHand) implements java.io.Serializable {
    }

    @Schema(name = "Lot")
    public record LotView(long id, long itemId, String code, LocalDate expiresOn, LocalDate receivedOn,
                          BigDecimal unitCost, String currency, BigDecimal quantityReceived, String origin,
                          Long originId, boolean implicit,
                          @Schema(type = SchemaType.ARRAY, implementation = LotBalanceView.class,
                                  description = "On hand per warehouse the caller may see (lot pages only)")
                          List<LotBalanceView> balances, long version) implements java.io.Serializable {
        static LotView of(InventoryLot l, List<LotBalanceView> balances) {
            return new LotView(l.getId(), l.getItemId(), l.getCode(), l.getExpiresOn(), l.getReceivedOn(),
                    l.getUnitCost(), l.getCurrency(), l.getQuantityReceived(), l.getOrigin().name(), l.getOriginId(),
                    l.isImplicit(), balances, l.getVersion());
        }

        static LotView of(InventoryLot l, Map<Warehouse, BigDecimal> balances) {
            return of(l, balances.entrySet().stream().map(e -> new LotBalanceView(e.getKey().getId(),
                    e.getKey().getCode(), e.getKey().getLocationId(), e.getValue())).toList());
        }
    }

    @Schema(name = "StockRow", description = "Stock on hand; the dimensions the grouping sums over are null")
    public record StockRowView(Long locationId, String locationCode, Long warehouseId, String warehouseCode,
                               Long itemId, String itemCode, String itemName, Long lotId, String lotCode,
                               LocalDate expiresOn, BigDecimal onHand, BigDecimal unitCost, @Amount BigDecimal value,
                               String currency) implements java.io.Serializable {
        static StockRowView of(StockReports.StockRow r) {
            return new StockRowView(r.locationId(), r.locationCode(), r.warehouseId(), r.warehouseCode(), r.itemId(),
                    r.itemCode(), r.itemName(), r.lotId(), r.lotCode(), r.expiresOn(), r.onHand(), r.unitCost(),
                    r.value(), r.currency());
        }
    }

    @Schema(name = "MoneyAmount")
    public record MoneyView(@Amount BigDecimal amount, String currency) {
    }

    @Schema(name = "StockReport")
    public record StockReportView(@Schema(type = SchemaType.ARRAY, implementation = StockRowView.class)
                                  List<StockRowView> items, long total, int page, int size,
                                  @Schema(type = SchemaType.ARRAY, implementation = MoneyView.class,
                                          description = "Value of everything the filter selects, per currency")
                                  List<MoneyView> totalValue) {
    }

    @Schema(name = "StockMove")
    public record MoveView(long id, long warehouseId, long itemId, long lotId, long lineNo, String type,
                           BigDecimal quantity, BigDecimal effect, BigDecimal balanceAfter, BigDecimal lotBalanceAfter,
                           BigDecimal unitCost, String currency, String referenceType, long referenceId,
                           Long referenceLineId, String reason, OffsetDateTime movedAt, String movedBy) implements java.io.Serializable {
        static MoveView of(RecordedMove m) {
            return new MoveView(m.getId(), m.getWarehouseId(), m.getItemId(), m.getLotId(), m.getLineNo(),
                    m.getType().name(), m.getQuantity(), m.getEffect(), m.getBalanceAfter(), m.getLotBalanceAfter(),
                    m.getUnitCost(), m.getCurrency(), m.getReferenceType().name(), m.getReferenceId(),
                    m.getReferenceLineId(), m.getReason(), utc(m.getMovedAt()), m.getCreatedBy());
        }
    }

    @Schema(name = "LedgerLine")
    public record LedgerLineView(long moveId, long lineNo, String type, BigDecimal quantity, BigDecimal effect,
                                 BigDecimal balanceAfter, BigDecimal lotBalanceAfter, long lotId, String lotCode,
                                 LocalDate expiresOn, BigDecimal unitCost, String currency, String referenceType,
                                 long referenceId, Long referenceLineId, String reason, OffsetDateTime movedAt,
                                 String movedBy) implements java.io.Serializable {
        static LedgerLineView of(StockReports.LedgerLine l) {
            return new LedgerLineView(l.moveId(), l.lineNo(), l.type(), l.quantity(), l.effect(), l.balanceAfter(),
                    l.lotBalanceAfter(), l.lotId(), l.lotCode(), l.expiresOn(), l.unitCost(), l.currency(),
                    l.referenceType(), l.referenceId(), l.referenceLineId(), l.reason(), utc(l.movedAt()),
                    l.movedBy());
        }
    }

    @Schema(name = "ItemLedger", description = "Newest first; pass next as before for the older page")
    public record LedgerView(long warehouseId, long itemId, BigDecimal onHand,
                             @Schema(type = SchemaType.ARRAY, implementation = LedgerLineView.class)
                             List<LedgerLineView> lines, Long next) {
        static LedgerView of(StockReports.LedgerPage p) {
            return new LedgerView(p.warehouseId(), p.itemId(), p.onHand(),
                    p.lines().stream().map(LedgerLineView::of).toList(), p.next());
        }
    }

    @Schema(name = "Wastage")
    public record WastageView(long id, long warehouseId, long itemId, long lotId, BigDecimal quantity, String reason,
                              String notes, BigDecimal unitCost, String currency, OffsetDateTime recordedAt,
                              String recordedBy, long version) {
        static WastageView of(Wastage w) {
            return new WastageView(w.getId(), w.getWarehouseId(), w.getItemId(), w.getLotId(), w.getQuantity(),
                    w.getReason().name(), w.getNotes(), w.getUnitCost(), w.getCurrency(), utc(w.getRecordedAt()),
                    w.getCreatedBy(), w.getVersion());
        }
    }

    @Schema(name = "TransferLine")
    public record TransferLineView(long id, long itemId, long lotId, BigDecimal quantity) {
    }

    @Schema(name = "Transfer")
    public record TransferView(long id, long fromWarehouseId, long toWarehouseId, String notes,
                               OffsetDateTime transferredAt, String transferredBy,
                               @Schema(type = SchemaType.ARRAY, implementation = TransferLineView.class)
                               List<TransferLineView> lines, long version) {
        static TransferView of(WarehouseTransfer t) {
            return new TransferView(t.getId(), t.getFromWarehouseId(), t.getToWarehouseId(), t.getNotes(),
                    utc(t.getTransferredAt()), t.getCreatedBy(), t.getLines().stream().map(l ->
                    new TransferLineView(l.getId(), l.getItemId(), l.getLotId(), l.getQuantity())).toList(),
                    t.getVersion());
        }
    }

    @Schema(name = "StockCount")
    public record CountView(long id, long warehouseId, String status, String coverage, String notes, int linesTotal,
                            int adjustments, int adjustmentsDone,
                            @Schema(description = "Batch status of the confirmation job, null before confirming")
                            String jobStatus, String failure, OffsetDateTime confirmedAt, String confirmedBy,
                            long version) implements java.io.Serializable {
        static CountView of(StockCount c, String jobStatus) {
            return new CountView(c.getId(), c.getWarehouseId(), c.getStatus().name(), c.getCoverage().name(),
                    c.getNotes(), c.getLinesTotal(), c.getAdjustments(), c.getAdjustmentsDone(), jobStatus,
                    c.getFailure(), utc(c.getConfirmedAt()), c.getConfirmedBy(), c.getVersion());
        }
    }

    @Schema(name = "CountSheetLine", description = "book: on hand now (at confirmation once confirmed); "
            + "counted null: not counted yet")
    public record SheetLineView(long itemId, String itemCode, String itemName, long lotId, String lotCode,
                                LocalDate expiresOn, BigDecimal book, BigDecimal counted) implements java.io.Serializable {
        static SheetLineView of(CountService.SheetLine l) {
            return new SheetLineView(l.itemId(), l.itemCode(), l.itemName(), l.lotId(), l.lotCode(), l.expiresOn(),
                    l.book(), l.counted());
        }
    }

    @Schema(name = "LowStockAlert")
    public record LowStockView(long itemId, String itemCode, BigDecimal criticalLevel, BigDecimal available,
                               BigDecimal missing) {
        static LowStockView of(LowStockAlert a) {
            return new LowStockView(a.item().id(), a.item().code(), a.item().criticalLevel().value(),
                    a.available().value(), a.missing().value());
        }
    }

    @Schema(name = "ExpiryAlert")
    public record ExpiryView(long warehouseId, long itemId, long lotId, String lotCode, LocalDate expiresOn,
                             long daysLeft, boolean expired, BigDecimal onHand) {
        static ExpiryView of(ExpiryAlert a) {
            return new ExpiryView(a.stock().warehouseId(), a.stock().itemId(), a.stock().lot().id(),
                    a.stock().lot().code(), a.stock().lot().expiresOn(), a.daysLeft(), a.expired(),
                    a.stock().onHand().value());
        }
    }

    @Schema(name = "StockAlerts")
    public record AlertsView(long locationId, LocalDate businessDate, int expiryDays,
                             @Schema(type = SchemaType.ARRAY, implementation = LowStockView.class)
                             List<LowStockView> lowStock,
                             @Schema(type = SchemaType.ARRAY, implementation = ExpiryView.class)
                             List<ExpiryView> expiring) {
        static AlertsView of(StockReports.Alerts a) {
            return new AlertsView(a.locationId(), a.businessDate(), a.expiryDays(),
                    a.lowStock().stream().map(LowStockView::of).toList(),
                    a.expiring().stream().map(ExpiryView::of).toList());
        }
    }

    @Schema(name = "OrderLineCost")
    public record OrderLineCostView(long orderLineId, long itemId, BigDecimal quantity, @Amount BigDecimal cost,
                                    String currency, boolean returned) {
        static OrderLineCostView of(OrderLineCost c) {
            return new OrderLineCostView(c.getOrderLineId(), c.getItemId(), c.getQuantity(), c.getCost(),
                    c.getCurrency(), c.getReturnedAt() != null);
        }
    }

    @Schema(name = "OrderCost", description = "Cost of goods sold of an order, from the lots its sale consumed")
    public record OrderCostView(long orderId, long locationId,
                                @Schema(type = SchemaType.ARRAY, implementation = OrderLineCostView.class)
                                List<OrderLineCostView> lines,
                                @Schema(type = SchemaType.ARRAY, implementation = MoneyView.class)
                                List<MoneyView> total) {
    }
}
