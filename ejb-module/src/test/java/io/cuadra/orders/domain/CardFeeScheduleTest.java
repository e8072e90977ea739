package io.cuadra.orders.domain;

import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CardFeeScheduleTest {

    private static final Currency PEN = Currency.getInstance("PEN");
    private static final CardFeeRule NIUBIZ_H1 = new CardFeeRule("Niubiz", new BigDecimal("3.99"), pen("0.50"),
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
    private static final CardFeeRule NIUBIZ_H2 = new CardFeeRule("Niubiz", new BigDecimal("3.50"), pen("0.30"),
            LocalDate.of(2026, 7, 1), null);
    private static final CardFeeRule NIUBIZ_EUR = new CardFeeRule("Niubiz", new BigDecimal("1.40"),
            Money.of("0.25", "EUR"), LocalDate.of(2026, 1, 1), null);
    private static final CardFeeRule IZIPAY = new CardFeeRule("Izipay", new BigDecimal("3.44"), pen("0.00"),
            LocalDate.of(2026, 1, 1), null);
    private static final CardFeeSchedule SCHEDULE = new CardFeeSchedule(List.of(NIUBIZ_H1, NIUBIZ_H2, NIUBIZ_EUR, IZIPAY));

    private static Money pen(String amount) {
        return Money.of(amount, "PEN");
    }

    @Test
    void picksTheRuleInForceOnThePaymentDate() {
        assertThat(SCHEDULE.ruleFor("Niubiz", PEN, LocalDate.of(2026, 1, 1))).isEqualTo(NIUBIZ_H1);
        assertThat(SCHEDULE.ruleFor("Niubiz", PEN, LocalDate.of(2026, 6, 30))).isEqualTo(NIUBIZ_H1);
        assertThat(SCHEDULE.ruleFor("Niubiz", PEN, LocalDate.of(2026, 7, 1))).isEqualTo(NIUBIZ_H2);
        assertThat(SCHEDULE.ruleFor("Niubiz", PEN, LocalDate.of(2031, 1, 1))).isEqualTo(NIUBIZ_H2);
        assertThat(SCHEDULE.ruleFor("Niubiz", Currency.getInstance("EUR"), LocalDate.of(2026, 3, 1))).isEqualTo(NIUBIZ_EUR);
    }

    @Test
    void feeIsPercentPlusFixedRoundedOnce() {
        // 40.00 x 3.99% + 0.50 = 2.096 -> 2.10; from July 40.00 x 3.50% + 0.30 = 1.70
        assertThat(SCHEDULE.feeFor("Niubiz", pen("40.00"), LocalDate.of(2026, 3, 15)))
                .isEqualTo(new CardFee("Niubiz", new BigDecimal("3.99"), pen("0.50"), pen("2.10"), pen("37.90")));
        assertThat(SCHEDULE.feeFor("Niubiz", pen("40.00"), LocalDate.of(2026, 7, 1)).fee()).isEqualTo(pen("1.70"));
        // 63.72 x 3.44% = 2.191968 -> 2.19
        CardFee izipay = SCHEDULE.feeFor("Izipay", pen("63.72"), LocalDate.of(2026, 3, 15));
        assertThat(izipay.fee()).isEqualTo(pen("2.19"));
        assertThat(izipay.net()).isEqualTo(pen("61.53"));
        assertThat(izipay.amount()).isEqualTo(pen("63.72"));
    }

    @Test
    void aFixedFeeCanExceedATinyPayment() {
        // 0.30 x 3.99% + 0.50 = 0.51197 -> 0.51: the provider keeps more than was paid
        CardFee fee = SCHEDULE.feeFor("Niubiz", pen("0.30"), LocalDate.of(2026, 2, 1));
        assertThat(fee.fee()).isEqualTo(pen("0.51"));
        assertThat(fee.net()).isEqualTo(pen("-0.21"));
    }

    @Test
    void refusesAPaymentWithNoRuleInForce() {
        assertThatThrownBy(() -> SCHEDULE.feeFor("Niubiz", pen("10.00"), LocalDate.of(2025, 12, 31)))
                .isInstanceOf(OrderRuleViolation.class)
                .hasMessage("No card fee rule for Niubiz in PEN is in force on 2025-12-31; add one before taking card payments");
        assertThatThrownBy(() -> SCHEDULE.feeFor("Culqi", pen("10.00"), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(OrderRuleViolation.class);
        assertThatThrownBy(() -> SCHEDULE.feeFor("Izipay", Money.of("10.00", "EUR"), LocalDate.of(2026, 3, 1)))
                .isInstanceOf(OrderRuleViolation.class);
    }

    @Test
    void refusesOverlappingRules() {
        CardFeeRule july = new CardFeeRule("Niubiz", new BigDecimal("3.00"), pen("0.00"), LocalDate.of(2026, 6, 30), null);

        assertThatThrownBy(() -> new CardFeeSchedule(List.of(NIUBIZ_H1, july)))
                .isInstanceOf(OrderRuleViolation.class)
                .hasMessage("The card fee rules Niubiz PEN from 2026-01-01 to 2026-06-30 and Niubiz PEN from 2026-06-30"
                        + " overlap; close the older one the day before the newer one starts");
        assertThatThrownBy(() -> new CardFeeSchedule(List.of(NIUBIZ_H2, IZIPAY, NIUBIZ_H2)))
                .isInstanceOf(OrderRuleViolation.class);
        CardFeeRule earlier = new CardFeeRule("Niubiz", new BigDecimal("3.00"), pen("0.00"), LocalDate.of(2025, 1, 1),
                LocalDate.of(2025, 12, 31));
        assertThat(new CardFeeSchedule(List.of(NIUBIZ_H2, earlier, NIUBIZ_H1)).rules()).hasSize(3);
    }

    @Test
    void refusesImpossibleRules() {
        assertThatThrownBy(() -> new CardFeeRule("Niubiz", new BigDecimal("3.99"), pen("0.50"),
                LocalDate.of(2026, 7, 1), LocalDate.of(2026, 6, 30)))
                .hasMessage("The Niubiz fee rule ends on 2026-06-30, before it starts on 2026-07-01");
        assertThatThrownBy(() -> new CardFeeRule(" ", BigDecimal.ONE, pen("0"), LocalDate.of(2026, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardFeeRule("Niubiz", new BigDecimal("-1"), pen("0"), LocalDate.of(2026, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CardFeeRule("Niubiz", BigDecimal.ONE, pen("-0.10"), LocalDate.of(2026, 1, 1), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
