package io.cuadra.web.orders;

import io.cuadra.web.platform.Amount;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderDiscount;
import io.cuadra.orders.domain.OrderLine;
import io.cuadra.orders.domain.OrderPayment;
import io.cuadra.orders.domain.OrderRefund;
import io.cuadra.orders.domain.OrderSettings;
import io.cuadra.orders.domain.OrderStatusChange;
import io.cuadra.orders.domain.TenantCardFeeRule;
import io.cuadra.orders.domain.TenantPaymentMethod;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import static io.cuadra.web.identity.IdentityViews.utc;

/** What the orders API answers: records built from the entities, never the entities. */
public final class OrderViews {

    private OrderViews() {
    }

    /** Money (totals, prices, discounts, payments, refunds) is for callers who may see payments, e.g. not the lab. */
    static boolean callerSeesMoney() {
        return CurrentCaller.require().can(Module.PAYMENTS, Action.VIEW);
    }

    @Schema(name = "Order", description = "An order with its lines, discounts, tax totals, payments, refunds and "
            + "status history. Amounts are decimals with two places in the order's currency. A caller without "
            + "payments:view (e.g. the lab technician) gets the order without money: every amount and price, and the "
            + "lists taxTotals, discounts, payments and refunds, are left out (null).")
    public record OrderView(long id, String number, long locationId, String locationCode, Long customerId,
                            String customerName, String channel, String status, String paymentStatus, String currency,
                            boolean pricesIncludeTax, String notes, OffsetDateTime registeredAt, OffsetDateTime paidAt,
                            OffsetDateTime cancelledAt, String cancelReason, @Amount BigDecimal subtotal,
                            @Amount BigDecimal discountTotal, @Amount BigDecimal baseTotal, @Amount BigDecimal taxTotal, @Amount BigDecimal total,
                            @Amount BigDecimal paidTotal, @Amount BigDecimal balanceDue, @Amount BigDecimal changeTotal,
                            @Amount BigDecimal refundedTotal,
                            @Schema(type = SchemaType.ARRAY, implementation = LineView.class) List<LineView> lines,
                            @Schema(type = SchemaType.ARRAY, implementation = TaxTotalView.class) List<TaxTotalView> taxTotals,
                            @Schema(type = SchemaType.ARRAY, implementation = DiscountView.class) List<DiscountView> discounts,
                            @Schema(type = SchemaType.ARRAY, implementation = PaymentView.class) List<PaymentView> payments,
                            @Schema(type = SchemaType.ARRAY, implementation = RefundView.class) List<RefundView> refunds,
                            @Schema(type = SchemaType.ARRAY, implementation = StatusChangeView.class) List<StatusChangeView> history,
                            String registeredBy, long version) {
        public static OrderView of(Order o) {
            return new OrderView(o.getId(), o.getNumber(), o.getLocation().getId(), o.getLocation().getCode(),
                    o.getCustomerId(), o.getCustomerName(), o.getChannel().name(), o.getStatus().name(),
                    o.getPaymentStatus().name(), o.getCurrency(), o.isPricesIncludeTax(), o.getNotes(),
                    utc(o.getRegisteredAt()), utc(o.getPaidAt()), utc(o.getCancelledAt()), o.getCancelReason(),
                    o.getSubtotal(), o.getDiscountTotal(), o.getBaseTotal(), o.getTaxTotal(), o.getTotal(),
                    o.getPaidTotal(), o.balanceDue(), o.getChangeTotal(), o.getRefundedTotal(),
                    o.getLines().stream().map(LineView::of).toList(),
                    o.priced().taxSubtotals().stream().map(t -> new TaxTotalView(t.affectationCode(), t.percent(),
                            t.base().amount(), t.tax().amount())).toList(),
                    o.getDiscounts().stream().map(DiscountView::of).toList(),
                    o.getPayments().stream().map(PaymentView::of).toList(),
                    o.getRefunds().stream().map(RefundView::of).toList(),
                    o.getHistory().stream().map(StatusChangeView::of).toList(), o.getCreatedBy(), o.getVersion());
        }

        /** The order as the current caller may see it: without money unless they hold payments:view. */
        public static OrderView forCaller(Order o) {
            return callerSeesMoney() ? of(o) : of(o).withoutMoney();
        }

        OrderView withoutMoney() {
            return new OrderView(id, number, locationId, locationCode, customerId, customerName, channel, status,
                    paymentStatus, currency, pricesIncludeTax, notes, registeredAt, paidAt, cancelledAt, cancelReason,
                    null, null, null, null, null, null, null, null, null,
                    lines.stream().map(LineView::withoutMoney).toList(), null, null, null, null, history,
                    registeredBy, version);
        }
    }

    @Schema(name = "OrderSummary", description = "An order in a list; total, paidTotal and balanceDue are null for a "
            + "caller without payments:view")
    public record OrderSummaryView(long id, String number, long locationId, String locationCode, Long customerId,
                                   String customerName, String channel, String status, String paymentStatus,
                                   String currency, @Amount BigDecimal total, @Amount BigDecimal paidTotal, @Amount BigDecimal balanceDue,
                                   OffsetDateTime registeredAt, long version) {
        public static OrderSummaryView of(Order o) {
            return new OrderSummaryView(o.getId(), o.getNumber(), o.getLocation().getId(), o.getLocation().getCode(),
                    o.getCustomerId(), o.getCustomerName(), o.getChannel().name(), o.getStatus().name(),
                    o.getPaymentStatus().name(), o.getCurrency(), o.getTotal(), o.getPaidTotal(), o.balanceDue(),
                    utc(o.getRegisteredAt()), o.getVersion());
        }

        static OrderSummaryView withoutMoney(OrderSummaryView v) {
            return new OrderSummaryView(v.id, v.number, v.locationId, v.locationCode, v.customerId, v.customerName,
                    v.channel, v.status, v.paymentStatus, v.currency, null, null, null, v.registeredAt, v.version);
        }
    }

    @Schema(name = "OrderPage")
    public record OrderPageView(
            @Schema(type = SchemaType.ARRAY, implementation = OrderSummaryView.class) List<OrderSummaryView> items,
            long total, int page, int size) {
    }

    @Schema(name = "OrderLine", description = "A line as sold: the item as the catalog had it, and its amounts. "
            + "unitValue is without tax before discounts, unitPrice with tax after discounts (SUNAT), ten decimals.")
    public record LineView(long id, int lineNumber, long itemId, String itemCode, String itemName, String itemType,
                           String unitCode, BigDecimal quantity, @Amount BigDecimal catalogUnitPrice, BigDecimal taxPercent,
                           String affectationCode, Long lotId, @Amount BigDecimal lineDiscountTotal,
                           @Amount BigDecimal orderDiscountShare, @Amount BigDecimal base, @Amount BigDecimal tax, @Amount BigDecimal total,
                           @Amount BigDecimal unitValue, @Amount BigDecimal unitPrice) {
        static LineView of(OrderLine l) {
            return new LineView(l.getId(), l.getLineNumber(), l.getItemId(), l.getItemCode(), l.getItemName(),
                    l.getItemType(), l.getUnitCode(), l.getQuantity(), l.getUnitPrice(), l.getTaxPercent(),
                    l.getAffectationCode(), l.getLotId(), l.getLineDiscountTotal(), l.getOrderDiscountShare(),
                    l.getBase(), l.getTax(), l.getTotal(), l.getUnitValue(), l.getUnitSalePrice());
        }

        LineView withoutMoney() {
            return new LineView(id, lineNumber, itemId, itemCode, itemName, itemType, unitCode, quantity, null,
                    taxPercent, affectationCode, lotId, null, null, null, null, null, null, null);
        }
    }

    @Schema(name = "OrderTaxTotal", description = "Base and tax of the lines sharing an affectation code and percent")
    public record TaxTotalView(String affectationCode, BigDecimal percent, @Amount BigDecimal base, @Amount BigDecimal tax) {
    }

    @Schema(name = "OrderDiscount")
    public record DiscountView(long id, int position, String level, Integer lineNumber, String kind, BigDecimal value,
                               String reason, String appliedBy, String approvedBy, @Amount BigDecimal appliesTo,
                               @Amount BigDecimal amount) {
        static DiscountView of(OrderDiscount d) {
            return new DiscountView(d.getId(), d.getPosition(), d.getLevel().name(),
                    d.getLine() == null ? null : d.getLine().getLineNumber(), d.getKind().name(), d.getValue(),
                    d.getReason(), d.getAppliedBy(), d.getApprovedBy(), d.getAppliesTo(), d.getAmount());
        }
    }

    @Schema(name = "OrderPayment", description = "amount counts towards the order; cash tendered above it was "
            + "given back as change. Card payments carry the provider's fee and the net as they were that day.")
    public record PaymentView(long id, String methodCode, String methodKind, @Amount BigDecimal amount, @Amount BigDecimal tendered,
                              @Amount BigDecimal change, String reference, OffsetDateTime paidAt, String registeredBy,
                              String cardProvider, BigDecimal cardFeePercent, @Amount BigDecimal cardFeeFixed,
                              @Amount BigDecimal cardFee, @Amount BigDecimal netAmount) {
        static PaymentView of(OrderPayment p) {
            return new PaymentView(p.getId(), p.getMethodCode(), p.getMethodKind().name(), p.getAmount(),
                    p.getTendered(), p.getChangeGiven(), p.getReference(), utc(p.getPaidAt()), p.getRegisteredBy(),
                    p.getCardProvider(), p.getCardFeePercent(), p.getCardFeeFixed(), p.getCardFee(),
                    p.getNetAmount());
        }
    }

    @Schema(name = "OrderPaymentResult", description = "The payment taken and the order after it")
    public record PaymentResultView(PaymentView payment, OrderView order) {
    }

    @Schema(name = "OrderRefund")
    public record RefundView(String methodCode, String methodKind, @Amount BigDecimal amount, OffsetDateTime refundedAt,
                             String refundedBy) {
        static RefundView of(OrderRefund r) {
            return new RefundView(r.getMethodCode(), r.getMethodKind().name(), r.getAmount(), utc(r.getRefundedAt()),
                    r.getRefundedBy());
        }
    }

    @Schema(name = "OrderStatusChange")
    public record StatusChangeView(String fromStatus, String toStatus, String notes, String changedBy,
                                   OffsetDateTime changedAt) {
        static StatusChangeView of(OrderStatusChange c) {
            return new StatusChangeView(c.getFromStatus() == null ? null : c.getFromStatus().name(),
                    c.getToStatus().name(), c.getNotes(), c.getChangedBy(), utc(c.getChangedAt()));
        }
    }

    @Schema(name = "PaymentMethod")
    public record PaymentMethodView(long id, String code, String name, String kind, boolean requiresReference,
                                    String feeProvider, boolean active, int position, long version) implements java.io.Serializable {
        public static PaymentMethodView of(TenantPaymentMethod m) {
            return new PaymentMethodView(m.getId(), m.getCode(), m.getName(), m.getKind().name(),
                    m.isRequiresReference(), m.getFeeProvider(), m.isActive(), m.getPosition(), m.getVersion());
        }
    }

    @Schema(name = "CardFeeRule", description = "fee = amount x percent / 100 + fixedAmount, to the cent")
    public record CardFeeRuleView(long id, String provider, BigDecimal percent, @Amount BigDecimal fixedAmount,
                                  String currency, LocalDate effectiveFrom, LocalDate effectiveTo, long version) implements java.io.Serializable {
        public static CardFeeRuleView of(TenantCardFeeRule r) {
            return new CardFeeRuleView(r.getId(), r.getProvider(), r.getPercent(), r.getFixedAmount(), r.getCurrency(),
                    r.getEffectiveFrom(), r.getEffectiveTo(), r.getVersion());
        }
    }

    @Schema(name = "OrderSettings")
    public record OrderSettingsView(BigDecimal discountApprovalPercent, long version) {
        public static OrderSettingsView of(OrderSettings s) {
            return new OrderSettingsView(s.getDiscountApprovalPercent(), s.getVersion());
        }
    }
}
