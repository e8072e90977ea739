package io.cuadra.shopify.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShopifyOrderTest {

    private static ShopifyOrder order(boolean paid, List<ShopifyOrder.Payment> payments) {
        return new ShopifyOrder(7L, "#1001", Instant.parse("2026-12-07T10:00:00Z"), "PEN", new BigDecimal("59.9"),
                paid, null, null, null, List.of(new ShopifyOrder.Line("LAB-HEM", "Hemograma", BigDecimal.ONE,
                new BigDecimal("59.90"))), payments, "bogus");
    }

    @Test
    void anUnpaidOrderHasTakenNothing() {
        assertThat(order(false, List.of()).takenPayments()).isEmpty();
        assertThat(order(false, List.of()).paymentDue(new BigDecimal("59.90"), BigDecimal.ZERO)).isEqualByComparingTo("0");
    }

    @Test
    void aPaidWebhookOrderWithoutTransactionsTookItsTotal() {
        ShopifyOrder o = order(true, List.of());
        assertThat(o.total()).isEqualTo(new BigDecimal("59.90"));
        assertThat(o.takenPayments()).singleElement().satisfies(p -> {
            assertThat(p.amount()).isEqualTo(new BigDecimal("59.90"));
            assertThat(p.gateway()).isEqualTo("bogus");
        });
    }

    @Test
    void paymentDueIsWhatTheShopTookLessWhatCuadraHasNeverAboveTheBalance() {
        ShopifyOrder o = order(true, List.of(new ShopifyOrder.Payment("1", "bogus", new BigDecimal("30")),
                new ShopifyOrder.Payment("2", "bogus", new BigDecimal("29.90"))));
        assertThat(o.takenTotal()).isEqualTo(new BigDecimal("59.90"));
        assertThat(o.paymentDue(new BigDecimal("59.90"), BigDecimal.ZERO)).isEqualTo(new BigDecimal("59.90"));
        assertThat(o.paymentDue(new BigDecimal("59.90"), new BigDecimal("30.00"))).isEqualTo(new BigDecimal("29.90"));
        assertThat(o.paymentDue(new BigDecimal("59.90"), new BigDecimal("59.90"))).isEqualTo(new BigDecimal("0.00"));
        assertThat(o.paymentDue(new BigDecimal("50.00"), BigDecimal.ZERO)).isEqualTo(new BigDecimal("50.00"));
    }

    @Test
    void idsComeFromGlobalIdsOrNumbers() {
        assertThat(ShopifyOrder.idOf("gid://shopify/Order/5000000001")).isEqualTo(5_000_000_001L);
        assertThat(ShopifyOrder.idOf("820982911946154508")).isEqualTo(820982911946154508L);
    }

    @Test
    void settingsBuildTheGraphQlEndpointAndMaskSecrets() {
        ShopifySettings s = new ShopifySettings("My-Shop.myshopify.com", null, "shpat_123456789", "whsec_abcdefgh",
                "2025-10", 1, "shopify", true);
        assertThat(s.graphQlEndpoint()).isEqualTo("https://my-shop.myshopify.com/admin/api/2025-10/graphql.json");
        assertThat(s.paymentMethodCode()).isEqualTo("SHOPIFY");
        ShopifySettings local = new ShopifySettings("demo.myshopify.com", "http://localhost:8090/shops/demo/", "t", "s",
                "2025-10", 1, "X", true);
        assertThat(local.graphQlEndpoint()).isEqualTo("http://localhost:8090/shops/demo/admin/api/2025-10/graphql.json");
        assertThat(ShopifySettings.masked("shpat_123456789")).isEqualTo("••••6789").doesNotContain("shpat");
        assertThat(ShopifySettings.masked("short")).isEqualTo("••••");
    }
}
