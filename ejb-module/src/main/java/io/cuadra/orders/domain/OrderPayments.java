package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The payments of one order against its total. The sum of applied amounts never exceeds the total:
 * cash tendered above the balance becomes change, and any other method is refused above the balance.
 * Immutable: {@link #with(Payment)} gives the payments after one more.
 */
public record OrderPayments(Money total, List<Payment> payments) {

    public OrderPayments {
        Objects.requireNonNull(total, "total");
        payments = List.copyOf(payments);
        if (total.isNegative()) {
            throw new IllegalArgumentException("An order total cannot be negative: " + total);
        }
        Money paid = Money.zero(total.currency());
        for (Payment payment : payments) {
            paid = paid.plus(payment.applied()); // refuses a payment in another currency
        }
        if (paid.isGreaterThan(total)) {
            throw new OrderRuleViolation("Payments of " + paid + " exceed the order total of " + total).withKey("orders.paymentsExceedOrder", paid, total);
        }
    }

    public OrderPayments(Money total) {
        this(total, List.of());
    }

    public Money paid() {
        return payments.stream().map(Payment::applied).reduce(Money.zero(total.currency()), Money::plus);
    }

    public Money balanceDue() {
        return total.minus(paid());
    }

    public PaymentStatus status() {
        return PaymentStatus.of(total, paid());
    }

    public Money changeGiven() {
        return payments.stream().map(Payment::change).reduce(Money.zero(total.currency()), Money::plus);
    }

    public PaymentSummary summary() {
        return new PaymentSummary(total, paid(), balanceDue(), status(), changeGiven());
    }

    /** Cash applies min(tendered, balance); the rest is handed back as change. */
    public Payment cash(Money tendered, LocalDate paidOn) {
        if (tendered.amount().signum() <= 0) {
            throw new IllegalArgumentException("Cash tendered is above zero, not " + tendered);
        }
        Money balance = requireBalance();
        Money applied = tendered.isGreaterThan(balance) ? balance : tendered;
        return new Payment(PaymentMethod.CASH, applied, tendered, tendered.minus(applied), paidOn, null);
    }

    /**
     * Cash for an exact part of the balance (a split payment) while the customer hands over
     * {@code tendered}, at least that much; the difference is the change.
     */
    public Payment cash(Money amount, Money tendered, LocalDate paidOn) {
        requireAtMostBalance(PaymentMethod.CASH, amount);
        if (amount.isGreaterThan(tendered)) {
            throw new OrderRuleViolation("Cash tendered (" + tendered + ") is less than the " + amount
                    + " it should pay").withKey("orders.cashTenderedLess", tendered, amount);
        }
        return new Payment(PaymentMethod.CASH, amount, tendered, tendered.minus(amount), paidOn, null);
    }

    /** A card payment, with the fee of the provider's rule in force on the payment date. */
    public Payment card(Money amount, LocalDate paidOn, String provider, CardFeeSchedule fees) {
        requireAtMostBalance(PaymentMethod.CARD, amount);
        return new Payment(PaymentMethod.CARD, amount, amount, Money.zero(amount.currency()), paidOn,
                fees.feeFor(provider, amount, paidOn));
    }

    /** A transfer or wallet payment, for at most the balance due. */
    public Payment nonCash(PaymentMethod method, Money amount, LocalDate paidOn) {
        if (method == PaymentMethod.CASH || method == PaymentMethod.CARD) {
            throw new IllegalArgumentException("Use cash(...) or card(...) for " + method + " payments");
        }
        requireAtMostBalance(method, amount);
        return new Payment(method, amount, amount, Money.zero(amount.currency()), paidOn, null);
    }

    public OrderPayments with(Payment payment) {
        List<Payment> after = new ArrayList<>(payments);
        after.add(payment);
        return new OrderPayments(total, after);
    }

    /**
     * What to give back per method if the order is cancelled: the applied amounts (change was already
     * handed back), in the order the methods were first used.
     */
    public List<Refund> refundsOnCancellation() {
        Map<PaymentMethod, Money> byMethod = new LinkedHashMap<>();
        for (Payment payment : payments) {
            byMethod.merge(payment.method(), payment.applied(), Money::plus);
        }
        return byMethod.entrySet().stream().map(e -> new Refund(e.getKey(), e.getValue())).toList();
    }

    private Money requireBalance() {
        Money balance = balanceDue();
        if (balance.isZero()) {
            throw new OrderRuleViolation("The order is already paid; nothing is due").withKey("orders.orderAlreadyPaid");
        }
        return balance;
    }

    private void requireAtMostBalance(PaymentMethod method, Money amount) {
        if (amount.amount().signum() <= 0) {
            throw new IllegalArgumentException("A payment is above zero, not " + amount);
        }
        Money balance = requireBalance();
        if (amount.isGreaterThan(balance)) {
            throw new OrderRuleViolation("A " + method.label() + " payment of " + amount + " is more than the balance due of "
                    + balance + "; only cash can be tendered above the balance").withKey("orders.paymentMoreBalance", method.label(), amount, balance);
        }
    }
}
