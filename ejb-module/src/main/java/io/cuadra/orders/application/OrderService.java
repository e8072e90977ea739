package io.cuadra.orders.application;

import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import io.cuadra.customers.application.CustomerService;
import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.orders.domain.CardFeeSchedule;
import io.cuadra.orders.domain.ItemSnapshot;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderDiscount;
import io.cuadra.orders.domain.OrderLine;
import io.cuadra.orders.domain.OrderNumber;
import io.cuadra.orders.domain.OrderPayment;
import io.cuadra.orders.domain.OrderRefund;
import io.cuadra.orders.domain.OrderReturn;
import io.cuadra.orders.domain.OrderRuleViolation;
import io.cuadra.orders.domain.OrderStatus;
import io.cuadra.orders.domain.PaymentMethod;
import io.cuadra.orders.domain.ReturnRequest;
import io.cuadra.orders.domain.TenantPaymentMethod;
import io.cuadra.orders.domain.pricing.DiscountApprovalPolicy;
import io.cuadra.orders.domain.pricing.PriceBasis;
import io.cuadra.orders.events.OrderCancelled;
import io.cuadra.orders.events.OrderReturned;
import io.cuadra.orders.events.OrderChanged;
import io.cuadra.orders.events.OrderPaid;
import io.cuadra.orders.events.OrderSnapshot;
import io.cuadra.orders.events.OrderRegistered;
import io.cuadra.shared.domain.AccessDenied;
import io.cuadra.shared.domain.BusinessException;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.Versions;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The counter's use cases, each one transaction: register an order (its number from the location's
 * counter row), grant discounts, take payments, move its status, cancel it. Before each change is
 * committed it fires the events of {@code io.cuadra.orders.events} synchronously, inside the same
 * transaction: an observer that throws rolls the whole change back.
 *
 * <p>Orders of a location the caller does not work at answer 404, like orders of another tenant.
 */
@Stateless
public class OrderService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    LocationService locations;

    @EJB
    CompanyService companies;

    @EJB
    ItemService items;

    @EJB
    CustomerService customers;

    @EJB
    OrderNumbering numbering;

    @EJB
    OrderSettingsService settings;

    @EJB
    PaymentMethodService paymentMethods;

    @EJB
    CardFeeRuleService cardFees;

    @Inject
    Event<OrderChanged> changed;

    @Inject
    Event<OrderRegistered> registered;

    @Inject
    Event<OrderPaid> paid;

    @Inject
    Event<OrderCancelled> cancelled;

    @Inject
    Event<OrderReturned> returned;

    /**
     * Registers an order and takes the payments that came with it. The number is taken last, after
     * every check, so the location's counter row stays locked as briefly as possible.
     */
    public Order register(OrderDraft draft) {
        Taken taken = take(draft);
        Order order = taken.order();
        Customer customer = taken.customer();
        approve(order, taken.granted());

        // Everything that reads the database happens before the number is taken: from then on the
        // location's counter row is locked until commit, and the rows are written in one flush at the end.
        List<PreparedPayment> payments = draft.payments().stream().map(this::prepare).toList();
        Instant now = now();
        if (customer != null && customer.getDocumentType() != DocumentType.NONE) {
            // Locked before the counter row, always in that order, so concurrent registrations never deadlock.
            em.refresh(customer, LockModeType.PESSIMISTIC_WRITE);
            customers.recordVisit(customer.getId());
        }
        OrderNumber number = numbering.next(order.getLocation(), now);
        order.register(number, TenantContext.actorName(), now);
        em.persist(order);
        Actor actor = TenantContext.require();
        for (PreparedPayment payment : payments) {
            em.persist(apply(order, payment, now, actor));
        }
        // One change per transaction: the registration with the payments that came with it, in one snapshot
        // shared by its events (the closed-day check and the report figures run once, not once per payment).
        OrderSnapshot registeredState = OrderSnapshots.snapshotOf(order);
        changed.fire(new OrderChanged(registeredState, "REGISTER"));
        registered.fire(new OrderRegistered(registeredState));
        if (order.isPaid()) {
            paid.fire(new OrderPaid(registeredState)); // paid at the counter, or discounted to zero
        }
        em.flush();
        return order;
    }

    /**
     * Prices a draft exactly as {@link #register} would, without storing anything or taking a number:
     * the counter's live totals. Discounts above the tenant's threshold are reported, not refused, and
     * the draft's payments are applied one after the other until one is refused (its reason is in the
     * quote). A draft that cannot be priced at all (unknown item, discount above the line) is refused
     * like a registration.
     */
    public OrderQuote quote(OrderDraft draft) {
        Taken taken = take(draft);
        Order order = taken.order();
        DiscountApprovalPolicy policy = settings.current().approvalPolicy();
        List<OrderDiscount> above = order.needingApproval(taken.granted(), policy);
        String paymentProblem = null;
        int paymentIndex = -1;
        BusinessException paymentRefusal = null;
        if (!draft.payments().isEmpty()) {
            // Methods matched here rather than through byCode: a refusal crossing that EJB call would
            // mark this read-only transaction for rollback.
            Map<String, TenantPaymentMethod> methods = new LinkedHashMap<>();
            paymentMethods.list(true).forEach(m -> methods.put(m.getCode(), m));
            CardFeeSchedule fees = cardFees.schedule();
            Actor actor = TenantContext.require();
            Instant now = now();
            for (int i = 0; i < draft.payments().size() && paymentProblem == null; i++) {
                PaymentDraft p = draft.payments().get(i);
                String code = p.methodCode() == null ? "" : p.methodCode().strip().toUpperCase(Locale.ROOT);
                TenantPaymentMethod method = methods.get(code);
                try {
                    if (method == null) {
                        throw new OrderRuleViolation("methodCode: there is no payment method " + p.methodCode() + ".")
                                .withKey("payment.noMethod", p.methodCode());
                    }
                    order.pay(method, p.amount(), p.tendered(), p.reference(),
                            method.getKind() == PaymentMethod.CARD ? fees : null, now, actor.name(), actor.userId());
                } catch (BusinessException e) {
                    paymentProblem = "payments[" + i + "]: " + e.getMessage();
                    paymentIndex = i;
                    paymentRefusal = e;
                }
            }
        }
        return new OrderQuote(order, above, policy.thresholdPercent(),
                CurrentCaller.require().can(Module.ORDERS, Action.APPROVE), paymentProblem, paymentIndex,
                paymentRefusal);
    }

    /** {@link #register} for another component's caller: the new order as published values, not the entity. */
    public RegisteredOrder registerOrder(OrderDraft draft) {
        Order order = register(draft);
        return new RegisteredOrder(order.getId(), order.getNumber(), order.getTotal());
    }

    /** An order taken from a draft and priced, not yet approved, numbered or stored. */
    private record Taken(Order order, Customer customer, List<OrderDiscount> granted) {
    }

    private Taken take(OrderDraft draft) {
        Location location = locations.find(draft.locationId());
        if (!location.isActive()) {
            throw new OrderRuleViolation("locationId: " + location.getCode() + " is closed; it takes no orders.").withKey("orders.closedTakesOrders", location.getCode());
        }
        Company company = companies.current();
        Customer customer = draft.customerId() == null ? null : customer(draft.customerId());
        Order order = new Order(location, customer == null ? null : customer.getId(),
                customer == null ? null : customer.displayName(), draft.channel(), company.currency().getCurrencyCode(),
                company.isPricesIncludeTax() ? PriceBasis.TAX_INCLUSIVE : PriceBasis.TAX_EXCLUSIVE, draft.notes());
        if (draft.lines().isEmpty()) {
            throw new OrderRuleViolation("lines: an order has at least one line.").withKey("orders.orderLeastLine");
        }
        String actor = TenantContext.actorName();
        List<OrderDiscount> granted = new ArrayList<>();
        for (int i = 0; i < draft.lines().size(); i++) {
            OrderDraft.Line l = draft.lines().get(i);
            Item item = item(l, i);
            try {
                OrderLine line = order.addLine(snapshot(item), l.quantity(), l.lotId());
                for (OrderDraft.Discount d : l.discounts()) {
                    granted.add(order.grantDiscount(line, d.kind(), d.value(), d.reason(), actor));
                }
            } catch (BusinessException e) {
                throw inRow(e, "lines", i, "quantity");
            }
        }
        for (OrderDraft.Discount d : draft.discounts()) {
            granted.add(order.grantDiscount(null, d.kind(), d.value(), d.reason(), actor));
        }
        order.reprice();
        return new Taken(order, customer, granted);
    }

    /** An order the caller may see: of the tenant and of one of the caller's locations. */
    public Order find(long id) {
        return loaded(visible(em.find(Order.class, id), id));
    }

    public Page<Order> list(OrderFilter filter, int page, int size) {
        Caller caller = CurrentCaller.require();
        StringBuilder where = new StringBuilder(" where o.number is not null");
        Map<String, Object> params = new LinkedHashMap<>();
        ZoneId zone;
        if (filter.locationId() != null) {
            Location location = locations.find(filter.locationId());
            where.append(" and o.location.id = :location");
            params.put("location", location.getId());
            zone = location.zone();
        } else {
            zone = companies.current().zone();
            if (!caller.allLocations()) {
                where.append(" and o.location.id in :locations");
                params.put("locations", caller.locationIds().isEmpty() ? List.of(-1L) : caller.locationIds());
            }
        }
        if (filter.status() != null) {
            where.append(" and o.status = :status");
            params.put("status", filter.status());
        }
        if (filter.paymentStatus() != null) {
            where.append(" and o.paymentStatus = :paymentStatus");
            params.put("paymentStatus", filter.paymentStatus());
        }
        if (filter.from() != null) {
            where.append(" and o.registeredAt >= :from");
            params.put("from", filter.from().atStartOfDay(zone).toInstant());
        }
        if (filter.to() != null) {
            where.append(" and o.registeredAt < :to");
            params.put("to", filter.to().plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (filter.customerId() != null) {
            where.append(" and o.customerId = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.channel() != null) {
            where.append(" and o.channel = :channel");
            params.put("channel", filter.channel());
        }
        TypedQuery<Order> q = em.createQuery("select o from Order o join fetch o.location" + where
                + " order by o.registeredAt desc, o.id desc", Order.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from Order o" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Order> orders = q.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(orders, count.getSingleResult(), page, size);
    }

    /** Grants one more discount before the first payment; above the threshold it needs orders:approve. */
    public Order addDiscount(long id, long expectedVersion, Integer lineNumber, OrderDraft.Discount discount) {
        Order order = lock(id, expectedVersion);
        if (!CurrentCaller.require().can(Module.PAYMENTS, Action.CREATE)) {
            // Moving an order's work along (orders:edit) is not touching its money: the lab's technician has the one only.
            throw new AccessDenied("A discount changes what the customer pays, which needs the permission payments:create.").withKey("orders.discountChangesWhat");
        }
        OrderLine line = null;
        if (lineNumber != null) {
            line = order.getLines().stream().filter(l -> l.getLineNumber() == lineNumber).findFirst()
                    .orElseThrow(() -> new OrderRuleViolation("lineNumber: order " + order.getNumber()
                            + " has no line " + lineNumber + ".").withKey("orders.orderLine", order.getNumber(), lineNumber));
        }
        OrderDiscount granted = order.grantDiscount(line, discount.kind(), discount.value(), discount.reason(),
                TenantContext.actorName());
        approve(order, List.of(granted));
        changed.fire(new OrderChanged(OrderSnapshots.snapshotOf(order), "DISCOUNT"));
        em.flush();
        return loaded(order);
    }

    /**
     * Takes a payment. If-Match is optional here: the order row is locked, so two payments of the same
     * order are judged one after the other against the balance.
     */
    public OrderPayment pay(long id, Long expectedVersion, PaymentDraft payment) {
        Order order = lock(id, expectedVersion);
        PreparedPayment prepared = prepare(payment);
        OrderPayment taken = takePayment(order, prepared, now());
        em.flush();
        loaded(order);
        return taken;
    }

    public Order changeStatus(long id, long expectedVersion, OrderStatus target, String notes) {
        Order order = lock(id, expectedVersion);
        order.moveTo(target, notes, TenantContext.actorName(), now());
        changed.fire(new OrderChanged(OrderSnapshots.snapshotOf(order), "STATUS"));
        em.flush();
        return loaded(order);
    }

    /** Cancels an open order; giving money back (an order with payments) also needs payments:cancel. */
    public Order cancel(long id, long expectedVersion, String reason) {
        Order order = lock(id, expectedVersion);
        if (!order.getPayments().isEmpty() && !CurrentCaller.require().can(Module.PAYMENTS, Action.CANCEL)) {
            throw new AccessDenied("Order " + order.getNumber() + " has payments: cancelling it gives money back,"
                    + " which needs the permission payments:cancel.").withKey("orders.orderPaymentsCancelling", order.getNumber());
        }
        boolean wasPaid = order.isPaid();
        List<OrderRefund> refunds = order.cancel(reason, TenantContext.actorName(), now());
        refunds.forEach(em::persist);
        changed.fire(new OrderChanged(OrderSnapshots.snapshotOf(order), "CANCEL"));
        cancelled.fire(new OrderCancelled(OrderSnapshots.snapshotOf(order), order.getCancelReason(), wasPaid,
                refunds.stream().map(r -> new OrderCancelled.Refund(r.getMethodCode(), r.getMethodKind().name(),
                        r.getAmount())).toList()));
        em.flush();
        return loaded(order);
    }

    /**
     * Takes back goods of a completed sale: the credit note, the goods back into their lots (or to
     * wastage when damaged) and the refund per payment method, all in today's day at the location.
     * Giving money back needs payments:cancel.
     */
    public OrderReturn returnGoods(long id, long expectedVersion, List<ReturnRequest> lines, String reason) {
        Order order = lock(id, expectedVersion);
        if (!CurrentCaller.require().can(Module.PAYMENTS, Action.CANCEL)) {
            throw new AccessDenied("A return gives money back, which needs the permission payments:cancel.").withKey("orders.returnGivesMoney");
        }
        int before = order.getRefunds().size();
        OrderReturn back = order.returnGoods(lines, reason, TenantContext.actorName(), now());
        em.persist(back);
        List<OrderRefund> made = order.getRefunds().subList(before, order.getRefunds().size());
        made.forEach(em::persist);
        changed.fire(new OrderChanged(OrderSnapshots.snapshotOf(order), "RETURN"));
        returned.fire(new OrderReturned(OrderSnapshots.snapshotOf(order), back.getId(), back.getReason(),
                back.getAmount(), back.getLines().stream().map(l -> new OrderReturned.Line(l.getLine().getId(),
                        l.getLineNumber(), l.getLine().getItemId(), l.getQuantity(), l.isDamaged(), l.getValue(),
                        l.getTax()))
                        .toList(),
                made.stream().map(r -> new OrderCancelled.Refund(r.getMethodCode(), r.getMethodKind().name(),
                        r.getAmount())).toList()));
        em.flush();
        loaded(order);
        order.getReturns().forEach(r -> r.getLines().size());
        return back;
    }

    /** A payment with what it needs from the database, read before any lock is taken. */
    private record PreparedPayment(PaymentDraft draft, TenantPaymentMethod method, CardFeeSchedule fees) {
    }

    private PreparedPayment prepare(PaymentDraft draft) {
        TenantPaymentMethod method = paymentMethods.byCode(draft.methodCode());
        return new PreparedPayment(draft, method, method.getKind() == PaymentMethod.CARD ? cardFees.schedule() : null);
    }

    /**
     * Applies a payment and fires its events. Nothing is flushed here: the ids come from persist, and
     * an observer's query flushes what it needs to see (flush mode AUTO).
     */
    private OrderPayment takePayment(Order order, PreparedPayment prepared, Instant at) {
        boolean wasPaid = order.isPaid();
        OrderPayment payment = apply(order, prepared, at, TenantContext.require());
        em.persist(payment);
        OrderSnapshot state = OrderSnapshots.snapshotOf(order);
        changed.fire(new OrderChanged(state, "PAYMENT"));
        if (!wasPaid && order.isPaid()) {
            paid.fire(new OrderPaid(state));
        }
        return payment;
    }

    /** The payment applied to the order (its rules are the entity's); not yet persisted, no event fired. */
    private static OrderPayment apply(Order order, PreparedPayment prepared, Instant at, Actor actor) {
        PaymentDraft draft = prepared.draft();
        return order.pay(prepared.method(), draft.amount(), draft.tendered(), draft.reference(), prepared.fees(), at,
                actor.name(), actor.userId());
    }

    /** Discounts above the tenant's threshold are kept only when the caller may approve them. */
    private void approve(Order order, List<OrderDiscount> granted) {
        if (granted.isEmpty()) {
            return;
        }
        DiscountApprovalPolicy policy = settings.current().approvalPolicy();
        List<OrderDiscount> above = order.needingApproval(granted, policy);
        if (above.isEmpty()) {
            return;
        }
        if (!CurrentCaller.require().can(Module.ORDERS, Action.APPROVE)) {
            OrderDiscount first = above.get(0);
            throw new AccessDenied("The discount \"" + first.getReason() + "\" takes " + first.getAmount() + " off "
                    + first.getAppliesTo() + ", more than the " + policy.thresholdPercent().toPlainString()
                    + "% a discount may take without approval: it needs a user with orders:approve.").withKey("orders.discountTakesOff", first.getReason(), first.getAmount(), first.getAppliesTo(), policy.thresholdPercent().toPlainString());
        }
        order.approve(above, TenantContext.actorName());
    }

    /** The order locked for a change, visible to the caller, at the version the client read. */
    private Order lock(long id, Long expectedVersion) {
        Order order = visible(em.find(Order.class, id, LockModeType.PESSIMISTIC_WRITE), id);
        if (expectedVersion != null) {
            Versions.expect(expectedVersion, order.getVersion(), "Order " + order.getNumber());
        }
        return order;
    }

    /**
     * Loads what the boundary shows of an order while the transaction is open: the REST views are
     * built after it ends, and lazy rows of a multitenant entity must not be fetched outside it.
     */
    private static Order loaded(Order order) {
        order.getLocation().getCode();
        order.getLines().size();
        order.getDiscounts().size();
        order.getPayments().size();
        order.getHistory().size();
        order.getRefunds().size();
        return order;
    }

    private static Order visible(Order order, long id) {
        if (order == null || order.getNumber() == null
                || !CurrentCaller.require().worksAt(order.getLocation().getId())) {
            throw new NotFound("No order " + id + ".").withKey("orders.order", id);
        }
        return order;
    }

    private Customer customer(long id) {
        try {
            return customers.usable(id);
        } catch (NotFound e) {
            throw new OrderRuleViolation("customerId: " + e.getMessage()).withKeyOf(e).onField("customerId");
        }
    }

    /**
     * A refusal about one cell of a row names that row ("lines[1].quantity"), so a form shows it beside the row's
     * input; the sentence (the REST detail) is unchanged.
     */
    static BusinessException inRow(BusinessException e, String rows, int index, String cell) {
        String field = e.field().map(f -> f.substring(f.lastIndexOf('.') + 1)).orElse(cell);
        return e.onField(rows + "[" + index + "]." + field);
    }

    /** The line's item, by id or by code, active: a missing item is a mistake in the order (422). */
    private Item item(OrderDraft.Line line, int index) {
        try {
            if (line.itemId() != null) {
                return items.sellable(line.itemId());
            }
            if (line.itemCode() == null || line.itemCode().isBlank()) {
                throw new OrderRuleViolation("lines[" + index + "]: name the item by itemId or itemCode.").withKey("orders.linesNameItem", index);
            }
            return items.sellable(items.byCode(line.itemCode().strip()).getId());
        } catch (NotFound e) {
            throw new OrderRuleViolation("lines[" + index + "]: " + e.getMessage()).withKeyOf(e).onField("lines[" + index + "]");
        }
    }

    private static ItemSnapshot snapshot(Item item) {
        return new ItemSnapshot(item.getId(), item.getCode(), item.getName(), item.getType().name(),
                item.getUnitCode(), item.getPrice(), item.getTaxRate().pricing());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
