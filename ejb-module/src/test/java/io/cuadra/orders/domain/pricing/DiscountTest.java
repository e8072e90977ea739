package io.cuadra.orders.domain.pricing;


import io.cuadra.shared.tax.TaxRate;
import io.cuadra.orders.domain.OrderRuleViolation;
import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountTest {

    private static Money pen(String amount) {
        return Money.of(amount, "PEN");
    }

    @Test
    void aPercentageIsRoundedHalfUpToTheCent() {
        assertThat(Discount.percent("10", "Promo", "ana").amountOn(pen("16.95"))).isEqualTo(pen("1.70"));
        assertThat(Discount.percent("12.5", "Promo", "ana").amountOn(pen("0.04"))).isEqualTo(pen("0.01"));
        assertThat(Discount.percent("100", "Cortesía", "ana").amountOn(pen("7.77"))).isEqualTo(pen("7.77"));
    }

    @Test
    void needsAReasonAndWhoAppliedIt() {
        assertThatThrownBy(() -> Discount.percent("10", " ", "ana")).hasMessage("A discount needs its reason");
        assertThatThrownBy(() -> Discount.amount(pen("1"), "Promo", null)).hasMessage("A discount needs its appliedBy");
    }

    @Test
    void refusesMeaninglessAmounts() {
        assertThatThrownBy(() -> Discount.percent("0", "Promo", "ana")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discount.percent("100.01", "Promo", "ana")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discount.percent("10.125", "Promo", "ana")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discount.amount(pen("0"), "Promo", "ana")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Discount.amount(Money.of("1", "EUR"), "Promo", "ana").amountOn(pen("5")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void discountsApplyOneAfterTheOther() {
        List<AppliedDiscount> applied = AppliedDiscount.inSequence(DiscountLevel.LINE, pen("100.00"), List.of(
                Discount.amount(pen("10.00"), "Vale", "ana"),
                Discount.percent("10", "Promo", "ana")), "line 1");

        assertThat(applied).extracting(AppliedDiscount::appliesTo).containsExactly(pen("100.00"), pen("90.00"));
        assertThat(applied).extracting(AppliedDiscount::amount).containsExactly(pen("10.00"), pen("9.00"));
    }

    @Test
    void refusesADiscountDeeperThanWhatIsLeft() {
        assertThatThrownBy(() -> AppliedDiscount.inSequence(DiscountLevel.ORDER, pen("3.00"),
                List.of(Discount.amount(pen("3.01"), "Vale", "ana")), "the order"))
                .isInstanceOf(OrderRuleViolation.class)
                .hasMessage("The discount \"Vale\" of 3.01 PEN on the order is more than the 3.00 PEN it applies to;"
                        + " a discount cannot make the order negative");
    }

    @Test
    void effectivePercentOfAFixedAmount() {
        AppliedDiscount applied = new AppliedDiscount(DiscountLevel.LINE, Discount.amount(pen("2.00"), "Vale", "ana"),
                pen("45.00"), pen("2.00"));
        assertThat(applied.effectivePercent()).isEqualByComparingTo("4.44");
        assertThat(new AppliedDiscount(DiscountLevel.LINE, Discount.percent("10", "Promo", "ana"), pen("0.00"),
                pen("0.00")).effectivePercent()).isEqualByComparingTo("0");
    }

    @Test
    void approvalIsNeededWhenAnySingleDiscountGoesAboveTheThreshold() {
        AppliedDiscount tenPercent = new AppliedDiscount(DiscountLevel.LINE, Discount.percent("10", "Promo", "ana"),
                pen("50.00"), pen("5.00"));
        // 5.01 of 50.00 is 10.02%: a fixed amount is judged by its effective percentage
        AppliedDiscount justAbove = new AppliedDiscount(DiscountLevel.ORDER, Discount.amount(pen("5.01"), "Vale", "ana"),
                pen("50.00"), pen("5.01"));
        DiscountApprovalPolicy policy = new DiscountApprovalPolicy(new BigDecimal("10"));

        assertThat(policy.requiresApproval(List.of(tenPercent))).isFalse();
        assertThat(policy.requiresApproval(List.of(tenPercent, justAbove))).isTrue();
        assertThat(policy.needingApproval(List.of(tenPercent, justAbove))).containsExactly(justAbove);
        assertThat(policy.requiresApproval(List.of())).isFalse();
    }

    @Test
    void smallDiscountsThatAddUpAreJudgedOneByOne() {
        // two 8% discounts take 15.36% in all, but neither is above a 10% threshold on its own
        PricedOrder order = new OrderPricing(PriceBasis.TAX_INCLUSIVE, java.util.Currency.getInstance("PEN")).price(
                List.of(new LineItem("1", pen("100.00"), TaxRate.taxed("18"), Discount.percent("8", "Promo", "ana"))),
                List.of(Discount.percent("8", "Convenio", "ana")));

        assertThat(order.discountTotal()).isEqualTo(pen("15.36"));
        assertThat(new DiscountApprovalPolicy(new BigDecimal("10")).requiresApproval(order)).isFalse();
        assertThat(new DiscountApprovalPolicy(new BigDecimal("7.99")).needingApproval(order.appliedDiscounts())).hasSize(2);
    }
}
