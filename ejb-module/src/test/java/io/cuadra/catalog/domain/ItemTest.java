package io.cuadra.catalog.domain;

import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ItemTest {

    private final TaxRate igv = new TaxRate("PE", "IGV", new BigDecimal("18"), "10");

    private Item item(String code) {
        return new Item(ItemType.SERVICE, code, code, "ZZ", new BigDecimal("10"), igv);
    }

    @Test
    void theFirstPriceAndEveryRepriceAreInTheHistory() {
        Item item = item("LAB-1");
        assertThat(item.getPrice()).isEqualByComparingTo("10.00");
        ItemPrice change = item.reprice(new BigDecimal("12.345"), " Nueva lista ");
        assertThat(item.getPrice()).isEqualTo(new BigDecimal("12.35"));
        assertThat(change.getOldPrice()).isEqualTo(new BigDecimal("10.00"));
        assertThat(change.getReason()).isEqualTo("Nueva lista");
        assertThat(item.getPriceHistory()).hasSize(2).first().isSameAs(change);
        assertThat(item.getPriceHistory().get(1).getOldPrice()).isNull();
    }

    @Test
    void aRepriceNeedsAReasonAChangeAndNoNegativePrice() {
        Item item = item("LAB-1");
        assertThatThrownBy(() -> item.reprice(new BigDecimal("11"), " ")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> item.reprice(new BigDecimal("10.00"), "same")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("already costs");
        assertThatThrownBy(() -> item.reprice(new BigDecimal("-1"), "neg")).isInstanceOf(RuleViolation.class);
        assertThat(item.getPriceHistory()).hasSize(1);
        assertThat(item.getPrice()).isEqualByComparingTo("10");
    }

    @Test
    void kitsRefuseToContainThemselvesAtAnyDepth() {
        Item a = item("A");
        Item b = item("B");
        Item c = item("C");
        b.useComponents(Map.of(a, BigDecimal.ONE));
        c.useComponents(Map.of(b, new BigDecimal("2")));
        assertThatThrownBy(() -> a.useComponents(Map.of(c, BigDecimal.ONE))).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("A > C > B > A");
        assertThatThrownBy(() -> a.useComponents(Map.of(a, BigDecimal.ONE))).isInstanceOf(RuleViolation.class);
        assertThat(a.isKit()).isFalse();
        assertThatThrownBy(() -> a.useComponents(Map.of(b, BigDecimal.ZERO))).isInstanceOf(RuleViolation.class);
    }

    @Test
    void componentsAreReplacedInPlace() {
        Item kit = item("K");
        Item x = item("X");
        Item y = item("Y");
        kit.useComponents(Map.of(x, BigDecimal.ONE));
        BundleComponent first = kit.getComponents().get(0);
        kit.useComponents(Map.of(x, new BigDecimal("3"), y, BigDecimal.ONE));
        assertThat(kit.getComponents()).hasSize(2).contains(first);
        assertThat(first.getQuantity()).isEqualByComparingTo("3");
        kit.useComponents(Map.of());
        assertThat(kit.isKit()).isFalse();
    }

    @Test
    void servicesDoNotTrackLotsAndUnitsAreCatalog03Codes() {
        Item service = item("S");
        assertThatThrownBy(() -> service.stockAs(true, false, null)).isInstanceOf(RuleViolation.class);
        Item goods = new Item(ItemType.PRODUCT, "P", "P", "NIU", BigDecimal.ONE, igv);
        goods.stockAs(true, true, new BigDecimal("5"));
        assertThat(goods.getCriticalStock()).isEqualTo(new BigDecimal("5.000"));
        assertThatThrownBy(() -> new Item(ItemType.PRODUCT, "Q", "Q", "unidad", BigDecimal.ONE, igv))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("catalog 03");
    }

    @Test
    void taxRatesFollowThePricingRules() {
        assertThat(igv.pricing().rate()).isEqualByComparingTo("0.18");
        assertThatThrownBy(() -> new TaxRate("PE", "bad", BigDecimal.ZERO, "10")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new TaxRate("PE", "bad", new BigDecimal("18"), "20")).isInstanceOf(RuleViolation.class);
        assertThat(new TaxRate("FR", "TVA 5,5", new BigDecimal("5.5"), "10").getPercent()).isEqualTo(new BigDecimal("5.50"));
    }
}
