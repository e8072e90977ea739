package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KitExplosionTest {

    static final long CLEANSER = 1;
    static final long SERUM = 2;
    static final long MASK_GEL_KG = 3;
    static final long TOWEL = 4;
    static final long CONSULTATION = 9;
    static final long FACIAL_KIT = 100;
    static final long CLINIC_PACK = 200;

    static KitComponent component(long itemId, String quantity) {
        return new KitComponent(itemId, Quantity.of(quantity));
    }

    static StockDemand demand(long itemId, String quantity) {
        return new StockDemand(itemId, Quantity.of(quantity));
    }

    final List<CatalogItem> catalog = new ArrayList<>(List.of(
            CatalogItem.goods(CLEANSER),
            CatalogItem.goods(SERUM),
            CatalogItem.goods(MASK_GEL_KG),
            CatalogItem.goods(TOWEL),
            CatalogItem.service(CONSULTATION),
            CatalogItem.kit(FACIAL_KIT, component(CLEANSER, "1"), component(SERUM, "2"),
                    component(MASK_GEL_KG, "0.125"), component(CONSULTATION, "1")),
            CatalogItem.kit(CLINIC_PACK, component(FACIAL_KIT, "2"), component(TOWEL, "1"))));

    List<StockDemand> explode(long itemId, String quantity) {
        return KitExplosion.over(catalog).explode(itemId, Quantity.of(quantity));
    }

    @Test
    void goodsAreTheirOwnDemandAndServicesMoveNoStock() {
        assertThat(explode(SERUM, "2.5")).containsExactly(demand(SERUM, "2.5"));
        assertThat(explode(CONSULTATION, "3")).isEmpty();
    }

    @Test
    void aKitExplodesIntoItsComponentsTimesTheQuantitySold() {
        assertThat(explode(FACIAL_KIT, "3")).containsExactly(
                demand(CLEANSER, "3"), demand(SERUM, "6"), demand(MASK_GEL_KG, "0.375"));
    }

    @Test
    void nestedKitsMultiplyThroughEveryLevel() {
        assertThat(explode(CLINIC_PACK, "2")).containsExactly(
                demand(CLEANSER, "4"), demand(SERUM, "8"), demand(MASK_GEL_KG, "0.5"), demand(TOWEL, "2"));
    }

    @Test
    void aComponentReachedTwiceIsSummedBeforeRoundingOnce() {
        // Two paths of 0.0625 kg each: 0.125 exactly, where rounding each path would give 0.126.
        catalog.add(CatalogItem.kit(300, component(MASK_GEL_KG, "0.125")));
        catalog.add(CatalogItem.kit(302, component(MASK_GEL_KG, "0.125")));
        catalog.add(CatalogItem.kit(301, component(300, "0.5"), component(302, "0.5")));
        assertThat(explode(301, "1")).containsExactly(demand(MASK_GEL_KG, "0.125"));
        assertThat(explode(300, "0.5")).containsExactly(demand(MASK_GEL_KG, "0.063"));
    }

    @Test
    void theSameSubKitInTwoBranchesIsNotACycle() {
        catalog.add(CatalogItem.kit(400, component(FACIAL_KIT, "1")));
        catalog.add(CatalogItem.kit(401, component(FACIAL_KIT, "1"), component(400, "1")));
        assertThat(explode(401, "1")).containsExactly(
                demand(CLEANSER, "2"), demand(SERUM, "4"), demand(MASK_GEL_KG, "0.25"));
    }

    @Test
    void detectsACycleThroughAnotherKitAndReportsThePath() {
        catalog.add(CatalogItem.kit(500, component(TOWEL, "1"), component(501, "1")));
        catalog.add(CatalogItem.kit(501, component(500, "2")));
        assertThatThrownBy(() -> explode(500, "1"))
                .isInstanceOfSatisfying(KitStructureException.class,
                        e -> assertThat(e.path()).containsExactly(500L, 501L, 500L))
                .hasMessageContaining("contains itself");
    }

    @Test
    void detectsAKitContainingItselfDirectly() {
        catalog.add(CatalogItem.kit(600, component(600, "1")));
        assertThatThrownBy(() -> explode(600, "1"))
                .isInstanceOfSatisfying(KitStructureException.class,
                        e -> assertThat(e.path()).containsExactly(600L, 600L));
    }

    @Test
    void refusesNestingDeeperThanTheGuard() {
        // Kits 701..706 each contain the next; 706 contains a towel.
        for (long id = 701; id <= 705; id++) {
            catalog.add(CatalogItem.kit(id, component(id + 1, "1")));
        }
        catalog.add(CatalogItem.kit(706, component(TOWEL, "1")));

        assertThat(explode(702, "1")).containsExactly(demand(TOWEL, "1"));
        assertThatThrownBy(() -> explode(701, "1"))
                .isInstanceOfSatisfying(KitStructureException.class, e -> {
                    assertThat(e.path()).containsExactly(701L, 702L, 703L, 704L, 705L, 706L);
                    assertThat(e.getMessage()).contains("deeper than 5");
                });
        assertThat(new KitExplosion(id -> catalog.stream().filter(i -> i.id() == id).findFirst(), 6)
                .explode(701, Quantity.of(1))).containsExactly(demand(TOWEL, "1"));
    }

    @Test
    void refusesUnknownItemsAndMalformedKits() {
        assertThatThrownBy(() -> explode(999, "1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CatalogItem.kit(800)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CatalogItem(801, ItemKind.GOODS, List.of(component(TOWEL, "1"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> component(TOWEL, "0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAComponentQuantityThatRoundsToNothing() {
        catalog.add(CatalogItem.kit(900, component(MASK_GEL_KG, "0.001")));
        assertThatThrownBy(() -> explode(900, "0.4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("less than a thousandth");
    }
}
