package io.cuadra.orders.application;

import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderLine;
import io.cuadra.orders.domain.OrderPayment;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.shared.domain.NotFound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Orders as the other components see them ({@link OrderSnapshot}): what the events carry, and what
 * billing reads for an order it invoices later (a credit sale). Tenant-scoped only, no location
 * check: the caller may be a job acting for the tenant.
 */
@Stateless
public class OrderSnapshots {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public OrderSnapshot of(long orderId) {
        Order order = em.find(Order.class, orderId);
        if (order == null) {
            throw new NotFound("No order " + orderId + ".").withKey("orders.order", orderId);
        }
        return snapshotOf(order);
    }

    /** The order's status by name (REGISTERED, PAID, CANCELLED...), for components that only need that. */
    public String status(long orderId) {
        Order order = em.find(Order.class, orderId);
        if (order == null) {
            throw new NotFound("No order " + orderId + ".").withKey("orders.order", orderId);
        }
        return order.getStatus().name();
    }

    /** The snapshot of a registered order; every amount as the orders component computed it. */
    public static OrderSnapshot snapshotOf(Order order) {
        List<OrderSnapshot.Line> lines = order.getLines().stream().map(OrderSnapshots::line).toList();
        List<OrderSnapshot.TaxTotal> taxes = order.priced().taxSubtotals().stream()
                .map(t -> new OrderSnapshot.TaxTotal(t.affectationCode(), t.percent(), t.base().amount(),
                        t.tax().amount()))
                .toList();
        List<OrderSnapshot.PaymentLine> payments = order.getPayments().stream().map(OrderSnapshots::payment).toList();
        return new OrderSnapshot(order.getId(), order.getNumber(), order.getLocation().getId(),
                order.getLocation().getCode(), order.getCustomerId(), order.getChannel().name(), order.getCurrency(),
                order.isPricesIncludeTax(), order.getRegisteredAt(), order.getPaidAt(), lines, taxes,
                order.getSubtotal(), order.getDiscountTotal(), order.getBaseTotal(), order.getTaxTotal(),
                order.getTotal(), payments);
    }

    private static OrderSnapshot.Line line(OrderLine l) {
        return new OrderSnapshot.Line(l.getId(), l.getLineNumber(), l.getItemId(), l.getItemCode(), l.getItemName(),
                l.getItemType(), l.getUnitCode(), l.getQuantity(), l.getUnitPrice(), l.getAffectationCode(),
                l.getTaxPercent(), l.getDiscountTotal(), l.getBase(), l.getTax(), l.getTotal(), l.getUnitValue(),
                l.getUnitSalePrice(), l.getLotId());
    }

    private static OrderSnapshot.PaymentLine payment(OrderPayment p) {
        return new OrderSnapshot.PaymentLine(p.getId(), p.getMethodCode(), p.getMethodKind().name(), p.getAmount(),
                p.getTendered(), p.getChangeGiven(), p.getCardFee(), p.getReference(), p.getPaidAt());
    }
}
