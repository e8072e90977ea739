package io.cuadra.shopify.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cuadra.orders.domain.ReturnRequest;
import io.cuadra.shared.domain.RuleViolation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopifyRefundTest {

    private static final Map<String, Long> ITEMS = Map.of("MED-1", 10L, "MED-2", 20L);
    // Line 1 and 3 are the same item (the shop sold it twice on one order); line 3 had one back already.
    private static final List<ShopifyRefund.OrderLineLeft> LINES = List.of(
            new ShopifyRefund.OrderLineLeft(1, 10L, new BigDecimal("2")),
            new ShopifyRefund.OrderLineLeft(2, 20L, new BigDecimal("5")),
            new ShopifyRefund.OrderLineLeft(3, 10L, new BigDecimal("1")));

    private static ShopifyRefund refund(ShopifyRefund.Line... lines) {
        return new ShopifyRefund(77L, 5L, List.of(lines), new BigDecimal("10.00"), null);
    }

    @Test
    void exactlyTheRefundedQuantitiesComeBackLineByLine() {
        List<ReturnRequest> requests = refund(new ShopifyRefund.Line("MED-2", new BigDecimal("2"), "return"))
                .returnRequests(LINES, ITEMS::get, RefundRestock.SHOPIFY);
        assertThat(requests).containsExactly(new ReturnRequest(2, new BigDecimal("2"), false));
    }

    @Test
    void theTenantsRuleDecidesWhetherRefundedGoodsGoBackOrAreWrittenOff() {
        ShopifyRefund kept = refund(new ShopifyRefund.Line("MED-2", BigDecimal.ONE, "return"));
        ShopifyRefund notRestocked = refund(new ShopifyRefund.Line("MED-2", BigDecimal.ONE, "no_restock"));
        assertThat(kept.returnRequests(LINES, ITEMS::get, RefundRestock.NEVER).get(0).damaged()).isTrue();
        assertThat(notRestocked.returnRequests(LINES, ITEMS::get, RefundRestock.ALWAYS).get(0).damaged()).isFalse();
        assertThat(notRestocked.returnRequests(LINES, ITEMS::get, RefundRestock.SHOPIFY).get(0).damaged()).isTrue();
    }

    @Test
    void aQuantityAboveOneLineTakesTheNextLineOfTheSameItemAndNoRestockIsWastage() {
        List<ReturnRequest> requests = refund(new ShopifyRefund.Line("MED-1", new BigDecimal("3"), "no_restock"))
                .returnRequests(LINES, ITEMS::get, RefundRestock.SHOPIFY);
        assertThat(requests).containsExactly(new ReturnRequest(1, new BigDecimal("2"), true),
                new ReturnRequest(3, new BigDecimal("1"), true));
    }

    @Test
    void moreThanIsLeftOrAnUnknownSkuIsRefusedForAPersonToLook() {
        assertThatThrownBy(() -> refund(new ShopifyRefund.Line("MED-1", new BigDecimal("4"), "return"))
                .returnRequests(LINES, ITEMS::get, RefundRestock.SHOPIFY)).isInstanceOf(RuleViolation.class).hasMessageContaining("MED-1");
        assertThatThrownBy(() -> refund(new ShopifyRefund.Line("NOPE", BigDecimal.ONE, "return"))
                .returnRequests(LINES, ITEMS::get, RefundRestock.SHOPIFY)).isInstanceOf(RuleViolation.class).hasMessageContaining("NOPE");
    }

    @Test
    void aRefundWithoutLinesIsMoneyOnly() {
        assertThat(refund().moneyOnly()).isTrue();
        assertThat(refund(new ShopifyRefund.Line("MED-1", BigDecimal.ZERO, "return")).moneyOnly()).isTrue();
        assertThat(refund(new ShopifyRefund.Line("MED-1", BigDecimal.ONE, "return")).moneyOnly()).isFalse();
    }
}
