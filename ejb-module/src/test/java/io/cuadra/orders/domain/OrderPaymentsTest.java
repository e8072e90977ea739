package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderPaymentsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final CardFeeSchedule FEES = new CardFeeSchedule(List.of(
            new CardFeeRule("Niubiz", new BigDecimal("3.99"), pen("0.50"), LocalDate.of(2026, 1, 1), null)));

    private static Money pen(String amount) {
        return Money.of(amount, "PEN");
    }

    @Test
    void cashAboveTheBalanceGivesChange() {
        OrderPayments payments = new OrderPayments(pen("63.72"));
        Payment cash = payments.cash(pen("100.00"), TODAY);

        assertThat(cash.applied()).isEqualTo(pen("63.72"));
        assertThat(cash.tendered()).isEqualTo(pen("100.00"));
        assertThat(cash.change()).isEqualTo(pen("36.28"));
        assertThat(payments.with(cash).summary()).isEqualTo(
                new PaymentSummary(pen("63.72"), pen("63.72"), pen("0.00"), PaymentStatus.PAID, pen("36.28")));
    }

    @Test
    void mixedMethodsMoveFromPendingToPartialToPaid() {
        OrderPayments payments = new OrderPayments(pen("63.72"));
        assertThat(payments.status()).isEqualTo(PaymentStatus.PENDING);

        Payment card = payments.card(pen("40.00"), TODAY, "Niubiz", FEES);
        payments = payments.with(card);
        assertThat(payments.status()).isEqualTo(PaymentStatus.PARTIAL);
        assertThat(payments.balanceDue()).isEqualTo(pen("23.72"));

        payments = payments.with(payments.nonCash(PaymentMethod.MOBILE_WALLET, pen("10.00"), TODAY));
        assertThat(payments.status()).isEqualTo(PaymentStatus.PARTIAL);
        assertThat(payments.balanceDue()).isEqualTo(pen("13.72"));

        // cash below the balance applies in full, with no change
        Payment someCash = payments.cash(pen("5.00"), TODAY);
        assertThat(someCash.applied()).isEqualTo(pen("5.00"));
        assertThat(someCash.change()).isEqualTo(pen("0.00"));

        payments = payments.with(payments.cash(pen("20.00"), TODAY));
        assertThat(payments.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payments.paid()).isEqualTo(pen("63.72"));
        assertThat(payments.balanceDue()).isEqualTo(pen("0.00"));
        assertThat(payments.changeGiven()).isEqualTo(pen("6.28"));
    }

    @Test
    void cashForAnExactPartOfTheBalanceKeepsTheRestOfWhatWasTenderedAsChange() {
        OrderPayments payments = new OrderPayments(pen("63.72"));
        Payment cash = payments.cash(pen("20.00"), pen("50.00"), TODAY);
        assertThat(cash.applied()).isEqualTo(pen("20.00"));
        assertThat(cash.change()).isEqualTo(pen("30.00"));
        assertThat(payments.with(cash).status()).isEqualTo(PaymentStatus.PARTIAL);
        assertThatThrownBy(() -> payments.cash(pen("70.00"), pen("100.00"), TODAY))
                .isInstanceOf(OrderRuleViolation.class).hasMessageContaining("more than the balance due");
        assertThatThrownBy(() -> payments.cash(pen("20.00"), pen("10.00"), TODAY))
                .isInstanceOf(OrderRuleViolation.class).hasMessageContaining("less than");
    }

    @Test
    void theCardFeeIsSnapshottedOntoThePayment() {
        // 40.00 x 3.99% + 0.50 = 2.096 -> 2.10, net 37.90
        Payment card = new OrderPayments(pen("63.72")).card(pen("40.00"), TODAY, "Niubiz", FEES);

        assertThat(card.cardFee()).isEqualTo(
                new CardFee("Niubiz", new BigDecimal("3.99"), pen("0.50"), pen("2.10"), pen("37.90")));
        assertThat(card.change()).isEqualTo(pen("0.00"));
    }

    @Test
    void onlyCashMayBeTenderedAboveTheBalance() {
        OrderPayments payments = new OrderPayments(pen("63.72"));

        assertThatThrownBy(() -> payments.card(pen("63.73"), TODAY, "Niubiz", FEES))
                .isInstanceOf(OrderRuleViolation.class)
                .hasMessage("A card payment of 63.73 PEN is more than the balance due of 63.72 PEN;"
                        + " only cash can be tendered above the balance");
        assertThatThrownBy(() -> payments.nonCash(PaymentMethod.BANK_TRANSFER, pen("70.00"), TODAY))
                .isInstanceOf(OrderRuleViolation.class)
                .hasMessageStartingWith("A bank transfer payment of 70.00 PEN is more than the balance due");
        assertThat(payments.nonCash(PaymentMethod.BANK_TRANSFER, pen("63.72"), TODAY).applied()).isEqualTo(pen("63.72"));
    }

    @Test
    void nothingMoreIsTakenOnAPaidOrder() {
        OrderPayments paid = new OrderPayments(pen("10.00"));
        paid = paid.with(paid.cash(pen("10.00"), TODAY));

        OrderPayments settled = paid;
        assertThatThrownBy(() -> settled.cash(pen("5.00"), TODAY))
                .isInstanceOf(OrderRuleViolation.class)
                .hasMessage("The order is already paid; nothing is due");
        assertThatThrownBy(() -> settled.nonCash(PaymentMethod.MOBILE_WALLET, pen("0.01"), TODAY))
                .isInstanceOf(OrderRuleViolation.class);
    }

    @Test
    void appliedPaymentsNeverExceedTheTotal() {
        Payment transfer = new OrderPayments(pen("50.00")).nonCash(PaymentMethod.BANK_TRANSFER, pen("50.00"), TODAY);
        OrderPayments smallerOrder = new OrderPayments(pen("30.00"));

        assertThatThrownBy(() -> smallerOrder.with(transfer))
                .isInstanceOf(OrderRuleViolation.class)
                .hasMessage("Payments of 50.00 PEN exceed the order total of 30.00 PEN");
    }

    @Test
    void anOrderWorthNothingIsPaid() {
        OrderPayments free = new OrderPayments(pen("0.00"));
        assertThat(free.status()).isEqualTo(PaymentStatus.PAID);
        assertThatThrownBy(() -> free.cash(pen("1.00"), TODAY)).isInstanceOf(OrderRuleViolation.class);
    }

    @Test
    void cancellingAPaidOrderRefundsWhatEachMethodApplied() {
        OrderPayments payments = new OrderPayments(pen("63.72"));
        payments = payments.with(payments.cash(pen("10.00"), TODAY));
        payments = payments.with(payments.card(pen("30.00"), TODAY, "Niubiz", FEES));
        payments = payments.with(payments.nonCash(PaymentMethod.MOBILE_WALLET, pen("5.00"), TODAY));
        payments = payments.with(payments.card(pen("8.00"), TODAY, "Niubiz", FEES));
        payments = payments.with(payments.cash(pen("20.00"), TODAY)); // 10.72 applied, 9.28 change

        assertThat(payments.status()).isEqualTo(PaymentStatus.PAID);
        assertThat(payments.refundsOnCancellation()).containsExactly(
                new Refund(PaymentMethod.CASH, pen("20.72")),
                new Refund(PaymentMethod.CARD, pen("38.00")),
                new Refund(PaymentMethod.MOBILE_WALLET, pen("5.00")));
        assertThat(new OrderPayments(pen("63.72")).refundsOnCancellation()).isEmpty();
    }

    @Test
    void aPaymentIsInternallyConsistent() {
        assertThatThrownBy(() -> new Payment(PaymentMethod.CARD, pen("5.00"), pen("5.00"), pen("0.00"), TODAY, null))
                .hasMessage("A card payment records its fee, and only a card payment does");
        assertThatThrownBy(() -> new Payment(PaymentMethod.BANK_TRANSFER, pen("5.00"), pen("6.00"), pen("1.00"), TODAY, null))
                .hasMessage("Only cash gives change; a bank transfer payment is for the exact amount");
        assertThatThrownBy(() -> new Payment(PaymentMethod.CASH, pen("5.00"), pen("6.00"), pen("0.50"), TODAY, null))
                .hasMessage("Change is what was tendered minus what was applied");
        assertThatThrownBy(() -> new Payment(PaymentMethod.CASH, pen("0.00"), pen("0.00"), pen("0.00"), TODAY, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderPayments(pen("10")).nonCash(PaymentMethod.CASH, pen("5.00"), TODAY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
