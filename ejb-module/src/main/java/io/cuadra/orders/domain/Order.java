package io.cuadra.orders.domain;

import io.cuadra.identity.domain.Location;
import io.cuadra.orders.domain.pricing.AppliedDiscount;
import io.cuadra.orders.domain.pricing.Discount;
import io.cuadra.orders.domain.pricing.DiscountApprovalPolicy;
import io.cuadra.orders.domain.pricing.LineItem;
import io.cuadra.orders.domain.pricing.OrderPricing;
import io.cuadra.orders.domain.pricing.PriceBasis;
import io.cuadra.orders.domain.pricing.PricedOrder;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.Money;
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
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * An order taken at a location: lines that snapshot the catalog, discounts, payments and the status
 * of its work. Every amount comes from {@link OrderPricing} and {@link OrderPayments}; this class
 * keeps them consistent with the rows: totals are re-derived whenever a discount is granted, payment
 * sums whenever a payment is taken.
 */
@Entity
@Table(name = "orders")
public class Order extends TenantEntity {

    @Column(updatable = false)
    private String number;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id", nullable = false, updatable = false)
    private Location location;
    @Column(updatable = false)
    private int year;
    @Column(updatable = false)
    private long sequence;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(name = "customer_name")
    private String customerName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SalesChannel channel;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "payment_status", nullable = false)
    private PaymentStatus paymentStatus = PaymentStatus.PENDING;
    @Column(nullable = false, updatable = false)
    private String currency;
    @Column(name = "prices_include_tax", nullable = false, updatable = false)
    private boolean pricesIncludeTax;
    private String notes;
    @Column(name = "registered_at", updatable = false)
    private Instant registeredAt;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Column(name = "cancelled_at")
    private Instant cancelledAt;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(nullable = false)
    private BigDecimal subtotal;
    @Column(name = "discount_total", nullable = false)
    private BigDecimal discountTotal;
    @Column(name = "base_total", nullable = false)
    private BigDecimal baseTotal;
    @Column(name = "tax_total", nullable = false)
    private BigDecimal taxTotal;
    @Column(nullable = false)
    private BigDecimal total;
    @Column(name = "paid_total", nullable = false)
    private BigDecimal paidTotal = BigDecimal.ZERO.setScale(2);
    @Column(name = "change_total", nullable = false)
    private BigDecimal changeTotal = BigDecimal.ZERO.setScale(2);
    @Column(name = "refunded_total", nullable = false)
    private BigDecimal refundedTotal = BigDecimal.ZERO.setScale(2);

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("lineNumber")
    private List<OrderLine> lines = new ArrayList<>();
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("position")
    private List<OrderDiscount> discounts = new ArrayList<>();
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("paidAt, id")
    private List<OrderPayment> payments = new ArrayList<>();
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("changedAt, id")
    private List<OrderStatusChange> history = new ArrayList<>();
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("refundedAt, id")
    private List<OrderRefund> refunds = new ArrayList<>();
    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("returnedAt, id")
    private List<OrderReturn> returns = new ArrayList<>();

    protected Order() {
    }

    /**
     * An order being taken, before it is registered: lines and discounts are added, then
     * {@link #register} gives it its number.
     *
     * @param customerId null only for an anonymous counter sale
     */
    public Order(Location location, Long customerId, String customerName, SalesChannel channel, String currency,
                 PriceBasis basis, String notes) {
        this.location = Objects.requireNonNull(location, "location");
        this.channel = channel == null ? SalesChannel.COUNTER : channel;
        if (customerId == null && this.channel != SalesChannel.COUNTER) {
            throw new OrderRuleViolation("customerId: an order taken by " + this.channel
                    + " names its customer; only counter sales may be anonymous.").withKey("orders.orderTakenNames", this.channel);
        }
        this.customerId = customerId;
        this.customerName = customerName;
        this.currency = Objects.requireNonNull(currency, "currency");
        this.pricesIncludeTax = basis == PriceBasis.TAX_INCLUSIVE;
        this.notes = notes == null || notes.isBlank() ? null : notes.strip();
    }

    /** Adds a line while the order is being taken; lines never change once it is registered. */
    public OrderLine addLine(ItemSnapshot item, BigDecimal quantity, Long lotId) {
        if (number != null) {
            throw new Conflict("Order " + number + " is registered: its lines no longer change.").withKey("orders.orderRegisteredLines", number);
        }
        if (quantity == null || quantity.signum() <= 0 || quantity.stripTrailingZeros().scale() > LineItem.QUANTITY_SCALE) {
            throw new OrderRuleViolation("Line " + (lines.size() + 1) + ": the quantity of " + item.code()
                    + " is above zero with at most three decimals, not " + quantity + ".")
                    .withKey("line.quantity", lines.size() + 1, item.code(), quantity).onField("quantity");
        }
        OrderLine line = new OrderLine(this, lines.size() + 1, item, quantity, lotId);
        lines.add(line);
        return line;
    }

    /**
     * Grants a discount on a line (or on the whole order when {@code line} is null) and prices the
     * order again. Refused once money has been taken or the order's work is over: the total a
     * payment was taken against must not move under it.
     */
    public OrderDiscount grantDiscount(OrderLine line, OrderDiscount.Kind kind, BigDecimal value, String reason,
                                       String grantedBy) {
        if (number != null && !status.isOpen()) {
            throw new Conflict("Order " + number + " is " + status + ": it takes no more discounts.").withKey("orders.orderTakesMore", number, status);
        }
        if (!payments.isEmpty()) {
            throw new Conflict("Order " + number + " already has payments: discounts go before the first payment.").withKey("orders.orderAlreadyPayments", number);
        }
        if (line != null && line.getOrder() != this) {
            throw new IllegalArgumentException("The line belongs to another order");
        }
        OrderDiscount discount = new OrderDiscount(this, line, discounts.size() + 1, kind, value, reason, grantedBy);
        discounts.add(discount);
        reprice();
        return discount;
    }

    /**
     * Prices the order from its lines and discounts (line discounts in the order granted, then order
     * discounts prorated) and writes every derived amount back to the rows.
     */
    public PricedOrder reprice() {
        if (lines.isEmpty()) {
            throw new OrderRuleViolation("lines: an order has at least one line.").withKey("orders.orderLeastLine");
        }
        Map<Discount, OrderDiscount> rows = new IdentityHashMap<>();
        PricedOrder priced = rule(() -> price(rows));
        for (int i = 0; i < lines.size(); i++) {
            lines.get(i).take(priced.lines().get(i));
        }
        priced.appliedDiscounts().forEach(applied -> rows.get(applied.discount()).take(applied));
        subtotal = priced.subtotal().amount();
        discountTotal = priced.discountTotal().amount();
        baseTotal = priced.baseTotal().amount();
        taxTotal = priced.taxTotal().amount();
        total = priced.total().amount();
        paymentStatus = PaymentStatus.of(money(total), money(paidTotal));
        return priced;
    }

    /** The order as the pricing sees it now (tax subtotals for invoices and events). */
    public PricedOrder priced() {
        return price(new IdentityHashMap<>());
    }

    /** Prices the rows; {@code rows} learns which discount value came from which row. */
    private PricedOrder price(Map<Discount, OrderDiscount> rows) {
        Map<OrderLine, List<Discount>> byLine = new IdentityHashMap<>();
        lines.forEach(l -> byLine.put(l, new ArrayList<>()));
        List<Discount> orderLevel = new ArrayList<>();
        for (OrderDiscount d : discounts) {
            rows.put(d.discount(), d);
            (d.getLine() == null ? orderLevel : byLine.get(d.getLine())).add(d.discount());
        }
        java.util.Currency cur = java.util.Currency.getInstance(currency);
        return new OrderPricing(basis(), cur).price(lines.stream()
                .map(l -> new LineItem(l.getQuantity(), Money.of(l.getUnitPrice(), cur), l.taxRate(), byLine.get(l)))
                .toList(), orderLevel);
    }

    /**
     * Which of the given discounts go above the tenant's threshold, each judged on its own effective
     * percent of what it applied to (see {@link DiscountApprovalPolicy}).
     */
    public List<OrderDiscount> needingApproval(Collection<OrderDiscount> granted, DiscountApprovalPolicy policy) {
        java.util.Currency cur = java.util.Currency.getInstance(currency);
        return granted.stream().filter(d -> policy.requiresApproval(List.of(new AppliedDiscount(d.getLevel(),
                d.discount(), Money.of(d.getAppliesTo(), cur), Money.of(d.getAmount(), cur))))).toList();
    }

    public void approve(Collection<OrderDiscount> granted, String approver) {
        granted.forEach(d -> d.approveBy(approver));
    }

    /** Gives the order its number and makes it REGISTERED; the number comes from the location's counter. */
    public void register(OrderNumber orderNumber, String by, Instant at) {
        if (number != null) {
            throw new Conflict("Order " + number + " is already registered.").withKey("orders.orderAlreadyRegistered", number);
        }
        if (!orderNumber.locationCode().equals(location.getCode())) {
            throw new IllegalArgumentException("Order number " + orderNumber + " is not of " + location.getCode());
        }
        reprice();
        number = orderNumber.toString();
        year = orderNumber.year();
        sequence = orderNumber.sequence();
        registeredAt = at;
        status = OrderStatus.REGISTERED;
        history.add(new OrderStatusChange(this, null, OrderStatus.REGISTERED, null, by, at));
        if (paymentStatus == PaymentStatus.PAID) {
            paidAt = at; // nothing is due on an order discounted to zero
        }
    }

    /**
     * Takes a payment. Cash without {@code tendered} applies at most the balance and gives the rest
     * back as change; cash with {@code tendered} applies exactly {@code amount}. Any other method is
     * for at most the balance; a card payment snapshots its provider's fee.
     */
    public OrderPayment pay(TenantPaymentMethod method, BigDecimal amount, BigDecimal tendered, String reference,
                            CardFeeSchedule fees, Instant at, String by, Long userId) {
        if (status == OrderStatus.CANCELLED) {
            throw new Conflict("Order " + number + " is cancelled: it takes no payments.").withKey("orders.orderCancelledTakes", number);
        }
        if (!method.isActive()) {
            throw new OrderRuleViolation("methodCode: " + method.getCode() + " is no longer accepted.")
                    .withKey("payment.methodInactive", method.getName());
        }
        String ref = reference == null || reference.isBlank() ? null : reference.strip();
        if (method.isRequiresReference() && ref == null) {
            throw new OrderRuleViolation("reference: a " + method.getName() + " payment needs its reference"
                    + " (operation or voucher number).").withKey("payment.reference", method.getName());
        }
        if (amount == null) {
            throw new OrderRuleViolation("amount: say how much is paid.").withKey("payment.amount");
        }
        java.util.Currency cur = java.util.Currency.getInstance(currency);
        // Refused rather than rounded: 1190.50 CLP is not money anyone hands over (the peso has no cents).
        for (BigDecimal given : new BigDecimal[] {amount, tendered}) {
            if (given != null && !Money.fits(given, cur)) {
                throw new OrderRuleViolation("amount: " + currency + " amounts have " + Money.digits(cur)
                        + " decimals; " + given.toPlainString() + " has more.")
                        .withKey("payment.currencyDigits", currency, Money.digits(cur));
            }
        }
        LocalDate on = at.atZone(location.zone()).toLocalDate();
        OrderPayments before = rule(() -> new OrderPayments(money(total),
                payments.stream().map(p -> p.toPayment(cur, on)).toList()));
        Money paid = money(amount);
        Payment payment = rule(() -> switch (method.getKind()) {
            case CASH -> tendered == null ? before.cash(paid, on) : before.cash(paid, money(tendered), on);
            case CARD -> before.card(exact(paid, tendered, method), on, method.getFeeProvider(), fees);
            default -> before.nonCash(method.getKind(), exact(paid, tendered, method), on);
        });
        OrderPayments after = before.with(payment);
        OrderPayment row = new OrderPayment(this, method, payment, ref, at, by, userId);
        payments.add(row);
        paidTotal = after.paid().amount();
        changeTotal = after.changeGiven().amount();
        PaymentStatus was = paymentStatus;
        paymentStatus = after.status();
        if (paymentStatus == PaymentStatus.PAID && was != PaymentStatus.PAID) {
            paidAt = at;
        }
        return row;
    }

    private static Money exact(Money amount, BigDecimal tendered, TenantPaymentMethod method) {
        if (tendered != null && tendered.compareTo(amount.amount()) != 0) {
            throw new OrderRuleViolation("tendered: only cash gives change; a " + method.getName()
                    + " payment is for the exact amount.").withKey("orders.onlyCashGives", method.getName());
        }
        return amount;
    }

    /** Moves the work along; cancelling has its own rule ({@link #cancel}). Illegal moves are 409. */
    public void moveTo(OrderStatus target, String notes, String by, Instant at) {
        if (target == null) {
            throw new OrderRuleViolation("status: say which status the order moves to.").withKey("orders.sayWhichStatus");
        }
        if (target == OrderStatus.CANCELLED) {
            throw new OrderRuleViolation("status: an order is cancelled with a reason, through cancel.").withKey("orders.orderCancelledReason");
        }
        if (!status.canMoveTo(target)) {
            throw new Conflict("Order " + number + " cannot go from " + status + " to " + target
                    + (status.next().isEmpty() ? "." : "; from " + status + " it can go to " + status.next() + "."))
                    .withKey("orders.statusMove", number, status, target);
        }
        history.add(new OrderStatusChange(this, status, target, notes, by, at));
        status = target;
    }

    /**
     * Cancels an order whose work is not over (a completed one is undone by a credit note). What was
     * paid goes back per payment method, as refunds.
     */
    public List<OrderRefund> cancel(String reason, String by, Instant at) {
        if (!status.isOpen()) {
            throw new Conflict("Order " + number + " is " + status + ": only a REGISTERED or IN_PROCESS order is"
                    + " cancelled" + (status == OrderStatus.COMPLETED ? "; a completed one needs a credit note." : ".")).withKey(status == OrderStatus.COMPLETED ? "orders.completedNeedsCreditNote" : "orders.onlyOpenCancelled", number, status);
        }
        if (reason == null || reason.isBlank()) {
            throw new OrderRuleViolation("reason: say why the order is cancelled.").withKey("order.cancelReason")
                    .onField("cancelReason");
        }
        Map<String, List<OrderPayment>> byMethod = new LinkedHashMap<>();
        payments.forEach(p -> byMethod.computeIfAbsent(p.getMethodCode(), c -> new ArrayList<>()).add(p));
        List<OrderRefund> made = new ArrayList<>();
        byMethod.forEach((code, list) -> made.add(new OrderRefund(this, list.get(0).getMethod(),
                list.get(0).getMethodKind(), list.stream().map(OrderPayment::getAmount).reduce(BigDecimal.ZERO,
                BigDecimal::add), at, by)));
        refunds.addAll(made);
        refundedTotal = paidTotal;
        history.add(new OrderStatusChange(this, status, OrderStatus.CANCELLED, reason, by, at));
        status = OrderStatus.CANCELLED;
        cancelledAt = at;
        cancelReason = reason.strip();
        return made;
    }

    /**
     * Takes back goods of a completed, paid sale, whole or by line and quantity. Each line's share of
     * value and tax is cut from what is left of the line exactly as the credit note cuts it (the last
     * piece takes what remains), so the credit note and the refund agree to the cent. The refund goes
     * back by the methods that paid, in the order they were first used, each up to what it brought in
     * and was not yet given back. Answers the return; its refunds are the last ones added.
     */
    public OrderReturn returnGoods(List<ReturnRequest> requests, String reason, String by, Instant at) {
        if (!status.takesReturns() || paymentStatus != PaymentStatus.PAID) {
            throw new Conflict("Order " + number + " is " + status + (paymentStatus == PaymentStatus.PAID ? "" : ", "
                    + paymentStatus) + ": only a completed, paid sale takes returns"
                    + (status.isOpen() ? "; an unfinished order is cancelled instead." : ".")).withKey(status.isOpen() ? "orders.openOrderCancelledInstead" : "orders.onlyPaidSaleReturns", number, status);
        }
        if (reason == null || reason.isBlank()) {
            throw new OrderRuleViolation("reason: say why the goods come back.").withKey("order.returnReason")
                    .onField("returnReason");
        }
        if (requests == null || requests.isEmpty()) {
            throw new OrderRuleViolation("lines: say which lines come back and how much of each.").withKey("orders.sayWhichLines");
        }
        OrderReturn back = new OrderReturn(this, reason.strip(), at, by);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (ReturnRequest r : requests) {
            OrderLine line = lines.stream().filter(l -> l.getLineNumber() == r.lineNumber()).findFirst()
                    .orElseThrow(() -> new OrderRuleViolation("lines: order " + number + " has no line "
                            + r.lineNumber() + ".").withKey("orders.orderLine", number, r.lineNumber()));
            if (!seen.add(r.lineNumber())) {
                throw new OrderRuleViolation("lines: line " + r.lineNumber() + " is listed twice.").withKey("orders.lineListedTwice", r.lineNumber());
            }
            BigDecimal[] left = leftOf(line);
            if (r.quantity() == null || r.quantity().signum() <= 0
                    || r.quantity().stripTrailingZeros().scale() > LineItem.QUANTITY_SCALE) {
                throw new OrderRuleViolation("lines: the quantity of line " + r.lineNumber()
                        + " that comes back is above zero with at most three decimals.").withKey("orders.quantityLineComes", r.lineNumber());
            }
            int cmp = r.quantity().compareTo(left[0]);
            if (cmp > 0) {
                throw new OrderRuleViolation("lines: only " + left[0].stripTrailingZeros().toPlainString()
                        + " of line " + r.lineNumber() + " (" + line.getItemName() + ") can still come back, not "
                        + r.quantity().stripTrailingZeros().toPlainString() + ".").withKey("orders.onlyLineCan", left[0].stripTrailingZeros().toPlainString(), r.lineNumber(), line.getItemName(), r.quantity().stripTrailingZeros().toPlainString());
            }
            BigDecimal value = cmp == 0 ? left[1] : share(left[1], r.quantity(), left[0]);
            BigDecimal tax = cmp == 0 ? left[2] : share(left[2], r.quantity(), left[0]);
            back.add(new OrderReturnLine(back, line, r.quantity(), value, tax, r.damaged()));
        }
        returns.add(back);
        refund(back.getAmount(), at, by);
        boolean everything = lines.stream().allMatch(l -> leftOf(l)[0].signum() == 0);
        OrderStatus next = everything ? OrderStatus.RETURNED : OrderStatus.PARTIALLY_RETURNED;
        history.add(new OrderStatusChange(this, status, next, back.getReason(), by, at));
        status = next;
        return back;
    }

    /** Quantity, value and tax of a line that have not come back yet. */
    private BigDecimal[] leftOf(OrderLine line) {
        BigDecimal quantity = line.getQuantity();
        BigDecimal value = line.getBase();
        BigDecimal tax = line.getTax();
        for (OrderReturn r : returns) {
            for (OrderReturnLine l : r.getLines()) {
                if (l.getLine() == line) {
                    quantity = quantity.subtract(l.getQuantity());
                    value = value.subtract(l.getValue());
                    tax = tax.subtract(l.getTax());
                }
            }
        }
        return new BigDecimal[] {quantity, value, tax};
    }

    private BigDecimal share(BigDecimal amount, BigDecimal part, BigDecimal of) {
        return amount.multiply(part).divide(of, Money.digits(java.util.Currency.getInstance(currency)), Money.ROUNDING);
    }

    /** Gives {@code amount} back by the methods that paid, each up to what it brought in and was not refunded. */
    private void refund(BigDecimal amount, Instant at, String by) {
        Map<String, BigDecimal> left = new LinkedHashMap<>();
        Map<String, OrderPayment> firstOf = new LinkedHashMap<>();
        for (OrderPayment p : payments) {
            left.merge(p.getMethodCode(), p.getAmount(), BigDecimal::add);
            firstOf.putIfAbsent(p.getMethodCode(), p);
        }
        for (OrderRefund r : refunds) {
            left.computeIfPresent(r.getMethodCode(), (k, v) -> v.subtract(r.getAmount()));
        }
        BigDecimal due = amount;
        for (Map.Entry<String, BigDecimal> e : left.entrySet()) {
            if (due.signum() == 0) {
                break;
            }
            BigDecimal back = e.getValue().min(due);
            if (back.signum() > 0) {
                OrderPayment first = firstOf.get(e.getKey());
                refunds.add(new OrderRefund(this, first.getMethod(), first.getMethodKind(), back, at, by));
                due = due.subtract(back);
            }
        }
        if (due.signum() != 0) {
            throw new Conflict("Order " + number + " cannot give back " + amount + ": its payments leave only "
                    + amount.subtract(due) + " to refund.").withKey("orders.orderCannotGive", number, amount, amount.subtract(due));
        }
        refundedTotal = refundedTotal.add(amount);
    }

    private PriceBasis basis() {
        return pricesIncludeTax ? PriceBasis.TAX_INCLUSIVE : PriceBasis.TAX_EXCLUSIVE;
    }

    private Money money(BigDecimal amount) {
        return Money.of(amount, java.util.Currency.getInstance(currency));
    }

    /** The rule cores refuse bad input with IllegalArgumentException; at the counter that is a 422. */
    private static <T> T rule(Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw new OrderRuleViolation(e.getMessage() + ".").withKey("orders.lineInvalid");
        }
    }

    public BigDecimal balanceDue() {
        return total.subtract(paidTotal);
    }

    public boolean isPaid() {
        return paymentStatus == PaymentStatus.PAID;
    }

    public String getNumber() {
        return number;
    }

    public Location getLocation() {
        return location;
    }

    public int getYear() {
        return year;
    }

    public long getSequence() {
        return sequence;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCustomerName() {
        return customerName;
    }

    public SalesChannel getChannel() {
        return channel;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public PaymentStatus getPaymentStatus() {
        return paymentStatus;
    }

    public String getCurrency() {
        return currency;
    }

    public boolean isPricesIncludeTax() {
        return pricesIncludeTax;
    }

    public String getNotes() {
        return notes;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public Instant getPaidAt() {
        return paidAt;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public BigDecimal getSubtotal() {
        return subtotal;
    }

    public BigDecimal getDiscountTotal() {
        return discountTotal;
    }

    public BigDecimal getBaseTotal() {
        return baseTotal;
    }

    public BigDecimal getTaxTotal() {
        return taxTotal;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public BigDecimal getPaidTotal() {
        return paidTotal;
    }

    public BigDecimal getChangeTotal() {
        return changeTotal;
    }

    public BigDecimal getRefundedTotal() {
        return refundedTotal;
    }

    public List<OrderLine> getLines() {
        return Collections.unmodifiableList(lines);
    }

    public List<OrderDiscount> getDiscounts() {
        return Collections.unmodifiableList(discounts);
    }

    public List<OrderPayment> getPayments() {
        return Collections.unmodifiableList(payments);
    }

    public List<OrderStatusChange> getHistory() {
        return Collections.unmodifiableList(history);
    }

    public List<OrderRefund> getRefunds() {
        return Collections.unmodifiableList(refunds);
    }

    public List<OrderReturn> getReturns() {
        return Collections.unmodifiableList(returns);
    }
}
