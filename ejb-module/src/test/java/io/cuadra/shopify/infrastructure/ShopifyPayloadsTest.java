package io.cuadra.shopify.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.shopify.domain.ShopifyOrder;
import io.cuadra.shopify.domain.ShopifyRefund;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ShopifyPayloadsTest {

    private static final String WEBHOOK = """
            {"id":5000000042,"admin_graphql_api_id":"gid://shopify/Order/5000000042","name":"#1042",
             "created_at":"2026-12-07T09:59:00-05:00","updated_at":"2026-12-07T10:00:00-05:00","currency":"PEN",
             "total_price":"124.50","financial_status":"paid","payment_gateway_names":["bogus"],
             "cancelled_at":null,"email":"ana@example.com",
             "customer":{"id":77,"email":"ana@example.com","phone":"+51987654321","first_name":"Ana","last_name":"Ríos"},
             "line_items":[{"sku":"LAB-HEM","title":"Hemograma","quantity":2,"price":"30.00"},
                           {"sku":null,"title":"Gift card","quantity":1,"price":"64.50"}]}""";

    private static final String NODE = """
            {"id":"gid://shopify/Order/5000000042","name":"#1042","updatedAt":"2026-12-07T15:00:00Z",
             "cancelledAt":"2026-12-07T16:00:00Z","cancelReason":"CUSTOMER","displayFinancialStatus":"PAID",
             "totalPriceSet":{"shopMoney":{"amount":"124.5","currencyCode":"PEN"}},
             "customer":{"id":"gid://shopify/Customer/77","email":"ana@example.com","phone":null,"firstName":"Ana","lastName":"Ríos"},
             "lineItems":{"nodes":[{"sku":"LAB-HEM","title":"Hemograma","quantity":2,
                                    "originalUnitPriceSet":{"shopMoney":{"amount":"30.0"}}}]},
             "transactions":[{"id":"gid://shopify/OrderTransaction/9","kind":"AUTHORIZATION","status":"SUCCESS",
                              "gateway":"bogus","amountSet":{"shopMoney":{"amount":"124.5"}}},
                             {"id":"gid://shopify/OrderTransaction/10","kind":"CAPTURE","status":"SUCCESS",
                              "gateway":"bogus","amountSet":{"shopMoney":{"amount":"124.5"}}},
                             {"id":"gid://shopify/OrderTransaction/11","kind":"SALE","status":"FAILURE",
                              "gateway":"bogus","amountSet":{"shopMoney":{"amount":"124.5"}}}]}""";

    @Test
    void aWebhookOrderIsRead() {
        ShopifyOrder o = ShopifyPayloads.orderFromRest(ShopifyPayloads.parse(WEBHOOK));
        assertThat(o.id()).isEqualTo(5_000_000_042L);
        assertThat(o.updatedAt()).isEqualTo(Instant.parse("2026-12-07T15:00:00Z"));
        assertThat(o.total()).isEqualTo(new BigDecimal("124.50"));
        assertThat(o.paid()).isTrue();
        assertThat(o.cancelled()).isFalse();
        assertThat(o.gateway()).isEqualTo("bogus");
        assertThat(o.customer().email()).isEqualTo("ana@example.com");
        assertThat(o.customer().lastName()).isEqualTo("Ríos");
        assertThat(o.lines()).hasSize(2);
        assertThat(o.lines().get(0).quantity()).isEqualByComparingTo("2");
        assertThat(o.lines().get(1).sku()).isNull();
        assertThat(o.takenTotal()).isEqualTo(new BigDecimal("124.50"));
    }

    @Test
    void aGraphQlNodeIsReadWithOnlySuccessfulSalesAndCapturesAsPayments() {
        ShopifyOrder o = ShopifyPayloads.orderFromGraphQl(ShopifyPayloads.parse(NODE));
        assertThat(o.id()).isEqualTo(5_000_000_042L);
        assertThat(o.cancelled()).isTrue();
        assertThat(o.cancelReason()).isEqualTo("CUSTOMER");
        assertThat(o.customer().id()).isEqualTo(77L);
        assertThat(o.lines()).singleElement().satisfies(l -> assertThat(l.unitPrice()).isEqualByComparingTo("30"));
        assertThat(o.payments()).singleElement().satisfies(p -> {
            assertThat(p.reference()).isEqualTo("10");
            assertThat(p.amount()).isEqualTo(new BigDecimal("124.50"));
        });
    }

    @Test
    void theStoredCopyReadsBackAsTheSameOrder() {
        ShopifyOrder o = ShopifyPayloads.orderFromGraphQl(ShopifyPayloads.parse(NODE));
        ShopifyOrder back = ShopifyPayloads.orderFromRest(ShopifyPayloads.parse(ShopifyPayloads.toStored(o)));
        assertThat(back.lines()).hasSize(1);
        assertThat(back.lines().get(0).quantity()).isEqualByComparingTo(o.lines().get(0).quantity());
        assertThat(back).usingRecursiveComparison().ignoringFields("lines").isEqualTo(o);
    }

    @Test
    void aRefundWebhookGivesItsLinesBySkuAndTheSuccessfulRefundTransactionsAmount() {
        ShopifyRefund r = ShopifyPayloads.refundFromRest(ShopifyPayloads.parse("""
                {"id": 929361462, "order_id": 450789469, "note": "damaged box",
                 "refund_line_items": [
                   {"id": 1, "quantity": 1, "restock_type": "no_restock", "line_item": {"sku": "MED-1", "price": "30.00"}},
                   {"id": 2, "quantity": 2, "restock_type": "return", "line_item": {"sku": "MED-2", "price": "5.25"}}],
                 "transactions": [
                   {"kind": "refund", "status": "success", "amount": "40.50"},
                   {"kind": "refund", "status": "failure", "amount": "40.50"}]}"""));
        assertThat(r.id()).isEqualTo(929_361_462L);
        assertThat(r.orderId()).isEqualTo(450_789_469L);
        assertThat(r.amount()).isEqualTo(new BigDecimal("40.50"));
        assertThat(r.lines()).extracting(ShopifyRefund.Line::sku).containsExactly("MED-1", "MED-2");
        assertThat(r.lines()).extracting(ShopifyRefund.Line::damaged).containsExactly(true, false);
        assertThat(r.moneyOnly()).isFalse();
    }
}
