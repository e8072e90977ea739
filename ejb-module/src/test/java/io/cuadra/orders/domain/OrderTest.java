package io.cuadra.orders.domain;

import io.cuadra.identity.domain.Location;
import io.cuadra.orders.domain.pricing.DiscountApprovalPolicy;
import io.cuadra.orders.domain.pricing.PriceBasis;
import io.cuadra.shared.tax.TaxRate;
import io.cuadra.shared.domain.Conflict;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order aggregate without a database: totals, approval, payments, status machine, cancellation. */
class OrderTest {

    private static final Instant AT = Instant.parse("2026-11-21T15:00:00Z");
    private static final Location LIM01 = new Location("LIM01", "Sede Lima", ZoneId.of("America/Lima"));
    private static final ItemSnapshot HEMOGRAMA = new ItemSnapshot(1, "LAB-HEM", "Hemograma", "SERVICE", "ZZ",
            new BigDecimal("35.00"), TaxRate.taxed("18"));
    private static final ItemSnapshot COVID = new ItemSnapshot(2, "LAB-COV", "Antígeno COVID-19", "SERVICE", "ZZ",
            new BigDecimal("45.00"), TaxRate.exempt());
    private static final CardFeeSchedule FEES = new CardFeeSchedule(List.of(new CardFeeRule("Niubiz",
            new BigDecimal("3.99"), io.cuadra.shared.domain.Money.of("0.50", "PEN"), LocalDate.of(2026, 1, 1), null)));

    private static TenantPaymentMethod method(String code, PaymentMethod kind, boolean reference, String provider) {
        TenantPaymentMethod m = new TenantPaymentMethod(code, kind);
        m.describe(code, reference, provider, true, 0);
        return m;
    }

    private static final TenantPaymentMethod CASH = method("EFECTIVO", PaymentMethod.CASH, false, null);
    private static final TenantPaymentMethod VISA = method("VISA", PaymentMethod.CARD, true, "Niubiz");
    private static final TenantPaymentMethod TRANSFER = method("TRANSFERENCIA", PaymentMethod.BANK_TRANSFER, true, null);

    /** 35.00 IGV-included with 10% off, 45.00 exempt, then 2.00 off the order. */
    private static Order mixedOrder() {
        Order order = new Order(LIM01, null, null, SalesChannel.COUNTER, "PEN", PriceBasis.TAX_INCLUSIVE, null);
        OrderLine hem = order.addLine(HEMOGRAMA, new BigDecimal("1"), null);
        order.addLine(COVID, new BigDecimal("1"), null);
        order.grantDiscount(hem, OrderDiscount.Kind.PERCENT, new BigDecimal("10"), "Campaña", "cajero");
        order.grantDiscount(null, OrderDiscount.Kind.AMOUNT, new BigDecimal("2.00"), "Redondeo", "cajero");
        order.register(new OrderNumber("LIM01", 2026, 123), "cajero", AT);
        return order;
    }

    @Test
    void taxedAndExemptLinesWithPercentAndFixedDiscountsReconcileToTheCent() {
        Order order = mixedOrder();
        // line discount 10% of 35.00 = 3.50 -> 31.50; 2.00 over 31.50 and 45.00: 200 x 3150/7650 = 82.35 and
        // 200 x 4500/7650 = 117.65 cents -> 82 and 117, the left-over cent to the larger fraction (exempt line)
        OrderLine hem = order.getLines().get(0);
        OrderLine covid = order.getLines().get(1);
        assertThat(hem.getLineDiscountTotal()).isEqualByComparingTo("3.50");
        assertThat(hem.getOrderDiscountShare()).isEqualByComparingTo("0.82");
        assertThat(covid.getOrderDiscountShare()).isEqualByComparingTo("1.18");
        // 30.68 / 1.18 = 26.00 base, 4.68 IGV; the exempt line keeps 43.82 as base
        assertThat(hem.getBase()).isEqualByComparingTo("26.00");
        assertThat(hem.getTax()).isEqualByComparingTo("4.68");
        assertThat(hem.getTotal()).isEqualByComparingTo("30.68");
        assertThat(covid.getBase()).isEqualByComparingTo("43.82");
        assertThat(covid.getTax()).isEqualByComparingTo("0.00");
        assertThat(order.getSubtotal()).isEqualByComparingTo("80.00");
        assertThat(order.getDiscountTotal()).isEqualByComparingTo("5.50");
        assertThat(order.getBaseTotal()).isEqualByComparingTo("69.82");
        assertThat(order.getTaxTotal()).isEqualByComparingTo("4.68");
        assertThat(order.getTotal()).isEqualByComparingTo("74.50");
        assertThat(order.getDiscounts()).extracting(OrderDiscount::getAmount)
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("3.50"), new BigDecimal("2.00"));
        assertThat(order.getNumber()).isEqualTo("LIM01-2026-000123");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.REGISTERED);
        assertThat(order.getPaymentStatus()).isEqualTo(PaymentStatus.PENDING);
        assertThat(order.getHistory()).extracting(OrderStatusChange::getToStatus).containsExactly(OrderStatus.REGISTERED);
    }

    @Test
    void onlyDiscountsAboveTheThresholdNeedApprovalEachJudgedOnItsOwn() {
        Order order = mixedOrder();
        DiscountApprovalPolicy tenPercent = new DiscountApprovalPolicy(new BigDecimal("10"));
        assertThat(order.needingApproval(order.getDiscounts(), tenPercent)).isEmpty(); // exactly 10% is allowed

        Order another = new Order(LIM01, null, null, SalesChannel.COUNTER, "PEN", PriceBasis.TAX_INCLUSIVE, null);
        OrderLine line = another.addLine(HEMOGRAMA, new BigDecimal("2"), null);
        OrderDiscount deep = another.grantDiscount(line, OrderDiscount.Kind.AMOUNT, new BigDecimal("7.01"), "Amigo",
                "cajero"); // 7.01 of 70.00 is 10.01%
        assertThat(another.needingApproval(List.of(deep), tenPercent)).containsExactly(deep);
        another.approve(List.of(deep), "supervisor");
        assertThat(deep.getApprovedBy()).isEqualTo("supervisor");
    }

    @Test
    void mixedPaymentsWithCardFeeAndCashChange() {
        Order order = mixedOrder();
        OrderPayment card = order.pay(VISA, new BigDecimal("30.00"), null, "AUT-1", FEES, AT, "cajero", 7L);
        // 30.00 x 3.99% + 0.50 = 1.697 -> 1.70; net 28.30
        assertThat(card.getCardFee()).isEqualByComparingTo("1.70");
        assertThat(card.getNetAmount()).isEqualByComparingTo("28.30");
        assertThat(order.getPaymentStatus()).isEqualTo(PaymentStatus.PARTIAL);
        assertThat(order.balanceDue()).isEqualByComparingTo("44.50");
        assertThat(order.getPaidAt()).isNull();

        OrderPayment cash = order.pay(CASH, new BigDecimal("50.00"), null, null, null, AT, "cajero", 7L);
        assertThat(cash.getAmount()).isEqualByComparingTo("44.50");
        assertThat(cash.getTendered()).isEqualByComparingTo("50.00");
        assertThat(cash.getChangeGiven()).isEqualByComparingTo("5.50");
        assertThat(order.getPaymentStatus()).isEqualTo(PaymentStatus.PAID);
        assertThat(order.getPaidTotal()).isEqualByComparingTo("74.50");
        assertThat(order.getChangeTotal()).isEqualByComparingTo("5.50");
        assertThat(order.getPaidAt()).isEqualTo(AT);
    }

    @Test
    void cashForAnExactPartWithTenderedAndNothingAboveTheBalanceOtherwise() {
        Order order = mixedOrder();
        OrderPayment cash = order.pay(CASH, new BigDecimal("20.00"), new BigDecimal("50.00"), null, null, AT, "c", null);
        assertThat(cash.getAmount()).isEqualByComparingTo("20.00");
        assertThat(cash.getChangeGiven()).isEqualByComparingTo("30.00");
        assertThatThrownBy(() -> order.pay(TRANSFER, new BigDecimal("54.51"), null, "OP-1", null, AT, "c", null))
                .isInstanceOf(OrderRuleViolation.class).hasMessageContaining("more than the balance due of 54.50");
        assertThatThrownBy(() -> order.pay(TRANSFER, new BigDecimal("10.00"), null, " ", null, AT, "c", null))
                .isInstanceOf(OrderRuleViolation.class).hasMessageContaining("needs its reference");
        assertThatThrownBy(() -> order.pay(VISA, new BigDecimal("10.00"), new BigDecimal("20.00"), "A", FEES, AT, "c",
                null)).isInstanceOf(OrderRuleViolation.class).hasMessageContaining("only cash gives change");
        assertThatThrownBy(() -> order.grantDiscount(null, OrderDiscount.Kind.PERCENT, BigDecimal.ONE, "Tarde", "c"))
                .isInstanceOf(Conflict.class).hasMessageContaining("already has payments");
    }

    @Test
    void statusMovesStepByStepAndIllegalMovesConflict() {
        Order order = mixedOrder();
        assertThatThrownBy(() -> order.moveTo(OrderStatus.COMPLETED, null, "c", AT)).isInstanceOf(Conflict.class)
                .hasMessageContaining("cannot go from REGISTERED to COMPLETED");
        assertThatThrownBy(() -> order.moveTo(OrderStatus.CANCELLED, null, "c", AT))
                .isInstanceOf(OrderRuleViolation.class);
        order.moveTo(OrderStatus.IN_PROCESS, "Muestra tomada", "c", AT);
        order.moveTo(OrderStatus.COMPLETED, null, "c", AT);
        assertThatThrownBy(() -> order.cancel("Error", "c", AT)).isInstanceOf(Conflict.class)
                .hasMessageContaining("credit note");
        assertThat(order.getHistory()).extracting(OrderStatusChange::getToStatus)
                .containsExactly(OrderStatus.REGISTERED, OrderStatus.IN_PROCESS, OrderStatus.COMPLETED);
        assertThat(order.getHistory().get(1).getNotes()).isEqualTo("Muestra tomada");
    }

    @Test
    void cancellingAPaidOrderRefundsPerMethodAndTakesNoMorePayments() {
        Order order = mixedOrder();
        order.pay(VISA, new BigDecimal("30.00"), null, "AUT-1", FEES, AT, "c", null);
        order.pay(CASH, new BigDecimal("10.00"), null, null, null, AT, "c", null);
        order.pay(CASH, new BigDecimal("40.00"), null, null, null, AT, "c", null); // 34.50 applied, 5.50 change

        assertThatThrownBy(() -> order.cancel(" ", "c", AT)).isInstanceOf(OrderRuleViolation.class);
        List<OrderRefund> refunds = order.cancel("Paciente desistió", "supervisor", AT);
        assertThat(refunds).extracting(OrderRefund::getMethodCode).containsExactly("VISA", "EFECTIVO");
        assertThat(refunds).extracting(OrderRefund::getAmount).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("30.00"), new BigDecimal("44.50"));
        assertThat(order.getRefundedTotal()).isEqualByComparingTo("74.50");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(order.getCancelReason()).isEqualTo("Paciente desistió");
        assertThatThrownBy(() -> order.pay(CASH, BigDecimal.ONE, null, null, null, AT, "c", null))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> order.cancel("Otra vez", "c", AT)).isInstanceOf(Conflict.class);
    }

    @Test
    void quantitiesHaveAtMostThreeDecimalsAndDiscountsCannotMakeALineNegative() {
        Order order = new Order(LIM01, null, null, SalesChannel.COUNTER, "PEN", PriceBasis.TAX_INCLUSIVE, null);
        assertThatThrownBy(() -> order.addLine(HEMOGRAMA, new BigDecimal("0.0001"), null))
                .isInstanceOf(OrderRuleViolation.class);
        OrderLine line = order.addLine(HEMOGRAMA, new BigDecimal("0.375"), null);
        assertThat(line.getQuantity()).isEqualByComparingTo("0.375");
        assertThatThrownBy(() -> order.grantDiscount(line, OrderDiscount.Kind.AMOUNT, new BigDecimal("99"), "x", "c"))
                .isInstanceOf(OrderRuleViolation.class).hasMessageContaining("cannot make line 1 negative");
        assertThatThrownBy(() -> order.grantDiscount(line, OrderDiscount.Kind.PERCENT, new BigDecimal("101"), "x", "c"))
                .isInstanceOf(OrderRuleViolation.class);
    }

    @Test
    void onlyCounterSalesMayBeAnonymous() {
        assertThatThrownBy(() -> new Order(LIM01, null, null, SalesChannel.WHATSAPP, "PEN", PriceBasis.TAX_INCLUSIVE,
                null)).isInstanceOf(OrderRuleViolation.class).hasMessageContaining("only counter sales");
        assertThat(new Order(LIM01, 5L, "Ana", SalesChannel.WEB, "PEN", PriceBasis.TAX_INCLUSIVE, null).getChannel())
                .isEqualTo(SalesChannel.WEB);
    }

    @Test
    void numbersAreSixDigitsAtLeastAndTheStatusMachineIsData() {
        assertThat(new OrderNumber("CUS02", 2027, 1)).hasToString("CUS02-2027-000001");
        assertThat(new OrderNumber("LIM01", 2026, 1234567)).hasToString("LIM01-2026-1234567");
        assertThatThrownBy(() -> new OrderNumber("LIM01", 2026, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(OrderStatus.REGISTERED.next()).containsExactlyInAnyOrder(OrderStatus.IN_PROCESS, OrderStatus.CANCELLED);
        assertThat(OrderStatus.IN_PROCESS.next()).containsExactlyInAnyOrder(OrderStatus.COMPLETED, OrderStatus.CANCELLED);
        assertThat(OrderStatus.COMPLETED.next()).isEmpty();
        assertThat(OrderStatus.CANCELLED.next()).isEmpty();
    }

    @Test
    void aReturnByLineAndQuantityCutsValueAndTaxLikeTheCreditNoteAndRefundsByThePayingMethods() {
        Order order = new Order(LIM01, null, null, SalesChannel.COUNTER, "PEN", PriceBasis.TAX_INCLUSIVE, null);
        order.addLine(HEMOGRAMA, new BigDecimal("3"), null); // 105.00: base 88.98, IGV 16.02
        order.addLine(COVID, new BigDecimal("1"), null);      // 45.00 exempt
        order.register(new OrderNumber("LIM01", 2026, 124), "cajero", AT);
        order.pay(VISA, new BigDecimal("100.00"), null, "AUT-2", FEES, AT, "c", null);
        order.pay(CASH, new BigDecimal("60.00"), null, null, null, AT, "c", null); // 50.00 applied, 10.00 change
        List<ReturnRequest> one = List.of(new ReturnRequest(1, BigDecimal.ONE, false));

        assertThatThrownBy(() -> order.returnGoods(one, "Equivocado", "s", AT)).isInstanceOf(Conflict.class)
                .hasMessageContaining("only a completed, paid sale takes returns");
        order.moveTo(OrderStatus.IN_PROCESS, null, "lab", AT);
        order.moveTo(OrderStatus.COMPLETED, null, "lab", AT);
        assertThatThrownBy(() -> order.returnGoods(List.of(new ReturnRequest(1, new BigDecimal("4"), false)), "x",
                "s", AT)).isInstanceOf(OrderRuleViolation.class).hasMessageContaining("only 3 of line 1");
        assertThatThrownBy(() -> order.returnGoods(one, " ", "s", AT)).isInstanceOf(OrderRuleViolation.class);

        OrderReturn first = order.returnGoods(one, "Muestra repetida", "supervisor", AT);
        // A third of what is left of line 1: 88.98 / 3 = 29.66 and 16.02 / 3 = 5.34.
        assertThat(first.getLines()).singleElement().satisfies(l -> {
            assertThat(l.getValue()).isEqualByComparingTo("29.66");
            assertThat(l.getTax()).isEqualByComparingTo("5.34");
        });
        assertThat(first.getAmount()).isEqualByComparingTo("35.00");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PARTIALLY_RETURNED);
        assertThat(order.getRefunds()).extracting(OrderRefund::getMethodCode).containsExactly("VISA");

        OrderReturn rest = order.returnGoods(List.of(new ReturnRequest(1, new BigDecimal("2"), false),
                new ReturnRequest(2, BigDecimal.ONE, true)), "Todo vuelve", "supervisor", AT);
        // The last piece of each line takes exactly what is left of it.
        assertThat(rest.getAmount()).isEqualByComparingTo("115.00");
        assertThat(rest.getLines()).extracting(OrderReturnLine::isDamaged).containsExactly(false, true);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.RETURNED);
        assertThat(order.getRefundedTotal()).isEqualByComparingTo("150.00");
        assertThat(order.getRefunds()).extracting(OrderRefund::getMethodCode, r -> r.getAmount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("VISA", "35.00"),
                        org.assertj.core.groups.Tuple.tuple("VISA", "65.00"),
                        org.assertj.core.groups.Tuple.tuple("EFECTIVO", "50.00"));
        assertThatThrownBy(() -> order.returnGoods(one, "Otra vez", "s", AT)).isInstanceOf(Conflict.class);
        assertThat(OrderStatus.RETURNED.next()).isEmpty();
    }
}
