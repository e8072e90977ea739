package io.cuadra.reconciliation.domain.closure;


import io.cuadra.reconciliation.domain.PaymentKind;
import java.util.Currency;

import java.time.ZoneId;

import io.cuadra.identity.domain.Location;

import io.cuadra.orders.domain.OrderPayments;
import io.cuadra.orders.domain.OrderRuleViolation;
import io.cuadra.orders.domain.Payment;
import io.cuadra.orders.domain.PaymentMethod;
import io.cuadra.shared.domain.Money;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random multi-day histories of one location: registrations, partial and mixed payments with change,
 * cancellations, returns with their credit notes and refunds, closes and reopens, and injected faults
 * (an invoice never issued or issued short, a transfer without its reference, a credit note of no
 * order). Payments are cut by the orders component's rules ({@link OrderPayments}); each day is
 * tallied by the closure rules ({@link ClosureTally}) and closed by {@link Closure}. After every
 * step each day's figures must equal a ledger this test keeps from the events alone, a closed day's
 * figures must be exactly those it was closed with, and the discrepancies must be exactly the faults
 * injected into that day.
 */
class BusinessDayProperties {

    private static final LocalDate FIRST = LocalDate.of(2026, 11, 2);
    private static final String LOCATION = "LIM-01";
    private static final AtomicLong STEPS = new AtomicLong();

    @Property(tries = 300)
    void everyDaySquaresWithTheLedgerAndClosedDaysNeverChange(@ForAll("histories") List<Step> history) {
        World world = new World();
        for (Step step : history) {
            world.apply(step);
            world.check();
            STEPS.incrementAndGet();
        }
    }

    @AfterContainer
    static void enoughStepsWereTried() {
        assertThat(STEPS.get()).as("generated steps in the suite").isGreaterThanOrEqualTo(10_000);
    }

    // ---- the generated steps ----

    sealed interface Step permits Register, Pay, Cancel, Return, NextDay, Close, Reopen, StrayCreditNote {
    }

    /** A new order of {@code cents}; {@code fault} 1 = its invoice will be skipped, 2 = issued 1.00 short. */
    record Register(long cents, int fault) implements Step {
    }

    /** Pays {@code part}/4 of the balance (4 = all) of an order by a method; cash may be tendered above. */
    record Pay(int pick, PaymentMethod method, int part, long extraCents, boolean withoutReference) implements Step {
    }

    record Cancel(int pick) implements Step {
    }

    /** Returns {@code part}/4 of what is left of a paid, invoiced order. */
    record Return(int pick, int part) implements Step {
    }

    record NextDay() implements Step {
    }

    record Close() implements Step {
    }

    record Reopen(int pick) implements Step {
    }

    record StrayCreditNote(long cents) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Step> register = Combinators.combine(Arbitraries.longs().between(100, 50_000),
                Arbitraries.integers().between(0, 30)).as((c, f) -> new Register(c, f == 1 ? 1 : f == 2 ? 2 : 0));
        Arbitrary<Step> pay = Combinators.combine(Arbitraries.integers().between(0, 1000),
                Arbitraries.of(PaymentMethod.CASH, PaymentMethod.CASH, PaymentMethod.BANK_TRANSFER,
                        PaymentMethod.MOBILE_WALLET), Arbitraries.integers().between(1, 4),
                Arbitraries.longs().between(0, 5_000), Arbitraries.integers().between(0, 25))
                .as((p, m, part, extra, noRef) -> new Pay(p, m, part, extra, noRef == 0));
        Arbitrary<Step> cancel = Arbitraries.integers().between(0, 1000).map(Cancel::new);
        Arbitrary<Step> giveBack = Combinators.combine(Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(1, 4)).as(Return::new);
        Arbitrary<Step> reopen = Arbitraries.integers().between(0, 1000).map(Reopen::new);
        Arbitrary<Step> stray = Arbitraries.longs().between(100, 5_000).map(StrayCreditNote::new);
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, register), net.jqwik.api.Tuple.of(12, pay), net.jqwik.api.Tuple.of(2, cancel),
                net.jqwik.api.Tuple.of(3, giveBack), net.jqwik.api.Tuple.of(3, Arbitraries.just(new NextDay())),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Close())), net.jqwik.api.Tuple.of(1, reopen),
                net.jqwik.api.Tuple.of(1, stray));
        return step.list().ofMinSize(30).ofMaxSize(60);
    }

    // ---- the world: records as the orders and billing components keep them, and the ledger ----

    private static Money pen(long cents) {
        return Money.of(BigDecimal.valueOf(cents, 2), java.util.Currency.getInstance("PEN"));
    }

    private static PaymentKind kindOf(PaymentMethod method) {
        return switch (method) {
            case CASH -> PaymentKind.CASH;
            case BANK_TRANSFER -> PaymentKind.TRANSFER;
            case MOBILE_WALLET -> PaymentKind.WALLET;
            default -> throw new IllegalArgumentException(method.name());
        };
    }

    private static String codeOf(PaymentMethod method) {
        return switch (method) {
            case CASH -> "EFECTIVO";
            case BANK_TRANSFER -> "TRANSFERENCIA";
            case MOBILE_WALLET -> "YAPE";
            default -> throw new IllegalArgumentException(method.name());
        };
    }

    private static final class Sale {
        final long id;
        final Money total;
        final LocalDate registeredOn;
        final int fault;
        final List<Payment> payments = new ArrayList<>();
        final List<ClosurePayment> closurePayments = new ArrayList<>();
        final List<ClosureRefund> refunds = new ArrayList<>();
        LocalDate cancelledOn;
        LocalDate paidOn;
        Money invoiced;

        Sale(long id, Money total, LocalDate registeredOn, int fault) {
            this.id = id;
            this.total = total;
            this.registeredOn = registeredOn;
            this.fault = fault;
        }

        OrderPayments paid() {
            return new OrderPayments(total, payments);
        }

        Money refunded() {
            return refunds.stream().map(ClosureRefund::amount).reduce(pen(0), Money::plus);
        }
    }

    /** What each day should show, kept from the events as they happen. */
    private static final class Ledger {
        final Map<String, Money> byMethod = new TreeMap<>();
        final Map<String, Integer> movements = new TreeMap<>();
        Money invoiced = pen(0);
        Money credited = pen(0);
        int invoices;
        int creditNotes;
        int registered;
        int cancelled;
        final Set<String> faults = new TreeSet<>();

        void move(PaymentMethod method, Money signed) {
            byMethod.merge(codeOf(method), signed, Money::plus);
            movements.merge(codeOf(method), 1, Integer::sum);
        }
    }

    private static final class World {
        LocalDate today = FIRST;
        long nextId = 1;
        final List<Sale> sales = new ArrayList<>();
        final List<ClosureDocument> documents = new ArrayList<>();
        final Map<LocalDate, Ledger> ledgers = new HashMap<>();
        final Map<LocalDate, Closure> closures = new HashMap<>();
        final Map<LocalDate, ClosureSummary> closedWith = new HashMap<>();
        Instant clock = Instant.parse("2026-11-02T13:00:00Z");

        Ledger ledger(LocalDate day) {
            return ledgers.computeIfAbsent(day, d -> new Ledger());
        }

        Closure closure(LocalDate day) {
            return closures.computeIfAbsent(day, d -> new Closure(new Location(LOCATION, "Lima", ZoneId.of("America/Lima")),
                    d, Currency.getInstance("PEN")));
        }

        /** Money and documents are recorded today only while today is not closed (the rule ClosedDays applies). */
        boolean todayTakesMoney() {
            return closure(today).acceptsChanges(today);
        }

        void apply(Step step) {
            clock = clock.plusSeconds(60);
            if (step instanceof Register r) {
                register(r);
            } else if (step instanceof Pay p) {
                pay(p);
            } else if (step instanceof Cancel c) {
                cancel(c);
            } else if (step instanceof Return r) {
                giveBack(r);
            } else if (step instanceof NextDay) {
                today = today.plusDays(1);
                clock = clock.plusSeconds(86_400);
            } else if (step instanceof Close) {
                close(today);
            } else if (step instanceof Reopen r) {
                reopen(r);
            } else if (step instanceof StrayCreditNote s) {
                stray(s);
            }
        }

        private void register(Register r) {
            if (!todayTakesMoney()) {
                return;
            }
            sales.add(new Sale(nextId++, pen(r.cents()), today, r.fault()));
            ledger(today).registered++;
        }

        private void pay(Pay p) {
            List<Sale> payable = sales.stream().filter(s -> s.cancelledOn == null && !s.paid().balanceDue().isZero())
                    .toList();
            if (payable.isEmpty() || !todayTakesMoney()) {
                return;
            }
            Sale sale = payable.get(p.pick() % payable.size());
            OrderPayments before = sale.paid();
            Money balance = before.balanceDue();
            Money part = p.part() == 4 ? balance
                    : Money.of(balance.amount().multiply(BigDecimal.valueOf(p.part()))
                    .divide(BigDecimal.valueOf(4), 2, java.math.RoundingMode.DOWN), balance.currency());
            if (!part.amount().equals(balance.amount()) && part.amount().signum() <= 0) {
                part = balance;
            }
            Payment payment;
            try {
                payment = p.method() == PaymentMethod.CASH
                        ? (p.part() == 4 ? before.cash(part.plus(pen(p.extraCents())), today)
                        : before.cash(part, part.plus(pen(p.extraCents())), today))
                        : before.nonCash(p.method(), part, today);
            } catch (OrderRuleViolation | IllegalArgumentException refused) {
                return;
            }
            sale.payments.add(payment);
            long id = nextId++;
            boolean noReference = p.method() == PaymentMethod.BANK_TRANSFER && p.withoutReference();
            String reference = p.method() == PaymentMethod.BANK_TRANSFER && !noReference ? "OP-" + id : null;
            sale.closurePayments.add(new ClosurePayment(id, codeOf(p.method()), kindOf(p.method()), payment.applied(),
                    p.method() == PaymentMethod.CASH ? payment.tendered() : null,
                    p.method() == PaymentMethod.CASH ? payment.change() : null, reference, today));
            Ledger ledger = ledger(today);
            // The drawer keeps what was applied: the change went back to the customer.
            ledger.move(p.method(), payment.applied());
            if (noReference) {
                ledger.faults.add("PAYMENT_MISMATCH/PAYMENT/" + id);
            }
            if (sale.paid().balanceDue().isZero()) {
                sale.paidOn = today;
                invoiceOnFullPayment(sale, ledger);
            }
        }

        private void invoiceOnFullPayment(Sale sale, Ledger ledger) {
            if (sale.fault == 1) {
                ledger.faults.add("MISSING_INVOICE/ORDER/" + sale.id);
                return;
            }
            Money amount = sale.fault == 2 && sale.total.isGreaterThan(pen(100)) ? sale.total.minus(pen(100)) : sale.total;
            if (!amount.equals(sale.total)) {
                ledger.faults.add("AMOUNT_MISMATCH/ORDER/" + sale.id);
            }
            sale.invoiced = amount;
            issue(SalesDocumentType.RECEIPT, sale.id, amount, ledger);
        }

        private void issue(SalesDocumentType type, Long orderId, Money amount, Ledger ledger) {
            long id = nextId++;
            documents.add(new ClosureDocument(id, type, (type.isCreditNote() ? "BC01-" : "B001-") + id, orderId, amount,
                    today, LOCATION));
            if (type.isCreditNote()) {
                ledger.credited = ledger.credited.plus(amount);
                ledger.creditNotes++;
            } else {
                ledger.invoiced = ledger.invoiced.plus(amount);
                ledger.invoices++;
            }
            if (orderId == null) {
                ledger.faults.add("MISSING_ORDER/DOCUMENT/" + id);
            }
        }

        /** An unfinished order: what was applied goes back per method, and its invoice is credited in full. */
        private void cancel(Cancel c) {
            List<Sale> open = sales.stream().filter(s -> s.cancelledOn == null && s.refunds.isEmpty()).toList();
            if (open.isEmpty() || !todayTakesMoney()) {
                return;
            }
            Sale sale = open.get(c.pick() % open.size());
            Ledger ledger = ledger(today);
            sale.paid().refundsOnCancellation().forEach(r -> refund(sale, r.method(), r.amount(), ledger));
            if (sale.invoiced != null) {
                issue(SalesDocumentType.CREDIT_NOTE, sale.id, sale.invoiced, ledger);
            }
            if (today.equals(sale.paidOn)) {
                // Paid and cancelled on one day: as at its end nothing is owed or billed, the faulty invoice included.
                ledger.faults.remove("MISSING_INVOICE/ORDER/" + sale.id);
                ledger.faults.remove("AMOUNT_MISMATCH/ORDER/" + sale.id);
            }
            sale.cancelledOn = today;
            ledger.cancelled++;
            if (sale.registeredOn.equals(today)) {
                ledger.registered--;
            }
        }

        /** Part of a paid, correctly invoiced sale comes back: a credit note and refunds, method by method. */
        private void giveBack(Return r) {
            List<Sale> returnable = sales.stream().filter(s -> s.cancelledOn == null && s.fault == 0
                    && s.invoiced != null && s.total.isGreaterThan(s.refunded())).toList();
            if (returnable.isEmpty() || !todayTakesMoney()) {
                return;
            }
            Sale sale = returnable.get(r.pick() % returnable.size());
            Money left = sale.total.minus(sale.refunded());
            Money amount = r.part() == 4 ? left : Money.of(left.amount().multiply(BigDecimal.valueOf(r.part()))
                    .divide(BigDecimal.valueOf(4), 2, java.math.RoundingMode.DOWN), left.currency());
            if (amount.amount().signum() <= 0) {
                return;
            }
            Ledger ledger = ledger(today);
            issue(SalesDocumentType.CREDIT_NOTE, sale.id, amount, ledger);
            Map<PaymentMethod, Money> refundable = new LinkedHashMap<>();
            sale.payments.forEach(p -> refundable.merge(p.method(), p.applied(), Money::plus));
            for (ClosureRefund done : sale.refunds) {
                PaymentMethod m = methodOf(done.methodCode());
                refundable.put(m, refundable.get(m).minus(done.amount()));
            }
            Money due = amount;
            for (Map.Entry<PaymentMethod, Money> e : refundable.entrySet()) {
                if (due.isZero()) {
                    break;
                }
                Money back = e.getValue().isGreaterThan(due) ? due : e.getValue();
                if (back.amount().signum() > 0) {
                    refund(sale, e.getKey(), back, ledger);
                    due = due.minus(back);
                }
            }
            assertThat(due.isZero()).as("a return never gives back more than was paid").isTrue();
        }

        private static PaymentMethod methodOf(String code) {
            return switch (code) {
                case "EFECTIVO" -> PaymentMethod.CASH;
                case "TRANSFERENCIA" -> PaymentMethod.BANK_TRANSFER;
                default -> PaymentMethod.MOBILE_WALLET;
            };
        }

        private void refund(Sale sale, PaymentMethod method, Money amount, Ledger ledger) {
            sale.refunds.add(new ClosureRefund(nextId++, codeOf(method), kindOf(method), amount, today));
            ledger.move(method, amount.negate());
        }

        private void stray(StrayCreditNote s) {
            if (todayTakesMoney()) {
                issue(SalesDocumentType.CREDIT_NOTE, null, pen(s.cents()), ledger(today));
            }
        }

        private void close(LocalDate day) {
            Closure closure = closure(day);
            if (closure.getStatus().isFrozen()) {
                return;
            }
            ClosureSummary figures = tally(day);
            closure.close(figures, "supervisor", clock, null, false);
            closedWith.put(day, figures);
        }

        /** A closed day reopened and closed again: nothing could be dated into it, so it closes with the same figures. */
        private void reopen(Reopen r) {
            List<LocalDate> closed = closures.entrySet().stream().filter(e -> e.getValue().getStatus().isFrozen())
                    .map(Map.Entry::getKey).sorted().toList();
            if (closed.isEmpty()) {
                return;
            }
            LocalDate day = closed.get(r.pick() % closed.size());
            closures.get(day).reopen("supervisor", clock, "Recount requested");
            if (!day.equals(today)) {
                ClosureSummary before = closedWith.get(day);
                close(day);
                assertThat(closedWith.get(day)).as("closing " + day + " again").isEqualTo(before);
            }
        }

        /** What a closure job reads for the day: the orders it may concern and the documents issued in it. */
        ClosureSummary tally(LocalDate day) {
            ClosureTally tally = new ClosureTally(ClosureScope.of(LOCATION, day, "PEN"));
            for (Sale s : sales) {
                if (s.registeredOn.isAfter(day)) {
                    continue;
                }
                int before = 0;
                Money invoicedBefore = pen(0);
                Money creditedBefore = pen(0);
                for (ClosureDocument d : documents) {
                    if (d.orderId() != null && d.orderId() == s.id && d.businessDate().isBefore(day)) {
                        if (d.isCreditNote()) {
                            creditedBefore = creditedBefore.plus(d.total());
                        } else {
                            before++;
                            invoicedBefore = invoicedBefore.plus(d.total());
                        }
                    }
                }
                OrderPayments paid = s.paid();
                tally.add(new ClosureOrder(s.id, "A-" + s.id, LOCATION, s.registeredOn,
                        s.cancelledOn != null ? OrderStatus.CANCELLED : OrderStatus.OPEN, s.total,
                        paid.balanceDue().isZero() ? PaymentStatus.PAID
                                : paid.paid().isZero() ? PaymentStatus.UNPAID : PaymentStatus.PARTIALLY_PAID,
                        s.closurePayments, s.refunds, s.cancelledOn,
                        new ClosureOrder.EarlierBilling(before, invoicedBefore, creditedBefore)));
            }
            documents.stream().filter(d -> d.businessDate().equals(day)).forEach(tally::add);
            return tally.summary();
        }

        void check() {
            for (LocalDate day = FIRST; !day.isAfter(today); day = day.plusDays(1)) {
                ClosureSummary figures = tally(day);
                Ledger ledger = ledger(day);
                Map<String, Money> byMethod = new TreeMap<>();
                Map<String, Integer> movements = new TreeMap<>();
                figures.expectedByMethod().forEach(m -> {
                    byMethod.put(m.methodCode(), m.expected());
                    movements.put(m.methodCode(), m.paymentCount());
                });
                assertThat(byMethod).as("money by method on " + day).isEqualTo(ledger.byMethod);
                assertThat(movements).as("movements by method on " + day).isEqualTo(ledger.movements);
                assertThat(figures.invoicedTotal()).as("invoiced on " + day).isEqualTo(ledger.invoiced);
                assertThat(figures.creditedTotal()).as("credited on " + day).isEqualTo(ledger.credited);
                assertThat(figures.invoiceCount()).isEqualTo(ledger.invoices);
                assertThat(figures.creditNoteCount()).isEqualTo(ledger.creditNotes);
                assertThat(figures.orderCount()).as("orders registered and live on " + day).isEqualTo(ledger.registered);
                assertThat(figures.cancelledOrderCount()).as("cancelled on " + day).isEqualTo(ledger.cancelled);
                Set<String> found = new HashSet<>();
                figures.discrepancies().forEach(d -> found.add(d.key().toString()));
                assertThat(found).as("discrepancies of " + day + ": exactly the injected faults")
                        .isEqualTo(ledger.faults);
                Closure closure = closures.get(day);
                if (closure != null && closure.getStatus().isFrozen()) {
                    assertThat(figures).as("a closed day's figures never change: " + day).isEqualTo(closedWith.get(day));
                    assertThat(closure.getOrderCount()).isEqualTo(closedWith.get(day).orderCount());
                    assertThat(closure.getRegisteredTotal())
                            .isEqualByComparingTo(closedWith.get(day).registeredTotal().amount());
                }
            }
        }
    }
}
