package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A lot's cost when goods arrive into it, and what a stored lot accepts. */
class LotCostingTest {

    private static final LocalDate MAY = LocalDate.of(2026, 5, 1);

    @Test
    void aTopUpAveragesWhatIsHeldWithWhatArrives() {
        UnitCost held = UnitCost.of("10.00", "PEN");
        UnitCost blended = held.blendedWith(Quantity.of(30), UnitCost.of("12.00", "PEN"), Quantity.of(10));
        assertThat(blended.amount()).isEqualByComparingTo("10.500000");
        assertThat(UnitCost.of("1", "PEN").blendedWith(Quantity.of(2), UnitCost.of("2", "PEN"), Quantity.of(1))
                .amount()).as("kept at six decimals, half up").isEqualByComparingTo("1.333333");
    }

    @Test
    void anEmptyOrShortLotTakesTheIncomingCost() {
        UnitCost incoming = UnitCost.of("7.25", "PEN");
        assertThat(UnitCost.of("3", "PEN").blendedWith(Quantity.ZERO, incoming, Quantity.of(5))).isEqualTo(incoming);
        assertThat(UnitCost.of("3", "PEN").blendedWith(Quantity.of(-4), incoming, Quantity.of(5)))
                .as("stock sold ahead of its receipt weighs nothing").isEqualTo(incoming);
    }

    @Test
    void currenciesAreNeverMixed() {
        assertThatThrownBy(() -> UnitCost.of("3", "PEN").blendedWith(Quantity.of(1), UnitCost.of("1", "USD"),
                Quantity.of(1))).isInstanceOf(IllegalArgumentException.class);
        InventoryLot lot = InventoryLot.tracked(1, "L1", null, false, MAY, UnitCost.of("3", "PEN"),
                LotOrigin.GOODS_RECEIPT, 9L);
        assertThatThrownBy(() -> lot.receive(Quantity.of(1), UnitCost.of("1", "USD"), null, Quantity.ZERO))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("costed in PEN");
    }

    @Test
    void receivingCountsWhatArrivedAndKeepsTheExpiry() {
        InventoryLot lot = InventoryLot.tracked(1, " l-01 ", LocalDate.of(2027, 1, 31), true, MAY,
                UnitCost.of("2.00", "PEN"), LotOrigin.GOODS_RECEIPT, 9L);
        assertThat(lot.getCode()).isEqualTo("L-01");
        lot.receive(Quantity.of(100), UnitCost.of("2.00", "PEN"), LocalDate.of(2027, 1, 31), Quantity.ZERO);
        lot.receive(Quantity.of(100), UnitCost.of("3.00", "PEN"), null, Quantity.of(100));
        assertThat(lot.getQuantityReceived()).isEqualByComparingTo("200");
        assertThat(lot.getUnitCost()).isEqualByComparingTo("2.50");
        assertThatThrownBy(() -> lot.receive(Quantity.of(1), UnitCost.of("2", "PEN"), LocalDate.of(2027, 2, 1),
                Quantity.of(200))).isInstanceOf(RuleViolation.class).hasMessageContaining("another lot");
    }

    @Test
    void aTrackedLotNeedsACodeAndItsExpiryWhenTheItemTracksIt() {
        UnitCost cost = UnitCost.of("1", "PEN");
        assertThatThrownBy(() -> InventoryLot.tracked(1, " ", null, false, MAY, cost, LotOrigin.GOODS_RECEIPT, 1L))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("say which lot");
        assertThatThrownBy(() -> InventoryLot.tracked(1, "A", null, true, MAY, cost, LotOrigin.GOODS_RECEIPT, 1L))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("needs its date");
        assertThatThrownBy(() -> InventoryLot.tracked(1, Lot.IMPLICIT_CODE, null, false, MAY, cost,
                LotOrigin.ADJUSTMENT, null)).isInstanceOf(RuleViolation.class);
        InventoryLot implicit = InventoryLot.implicitFor(1, MAY, cost);
        assertThat(implicit.isImplicit()).isTrue();
        assertThatThrownBy(() -> implicit.correctExpiry(MAY, false)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void correctingTheExpiryToTheDateItHasChangesNothing() {
        InventoryLot lot = InventoryLot.tracked(1, "A", MAY, true, MAY, UnitCost.of("1", "PEN"), LotOrigin.GOODS_RECEIPT,
                1L);
        assertThat(InventoryLot.expiryDiffers(MAY, MAY)).isFalse();
        assertThat(InventoryLot.expiryDiffers(null, null)).isFalse();
        assertThat(InventoryLot.expiryDiffers(MAY, null)).isTrue();
        assertThat(InventoryLot.expiryDiffers(MAY, MAY.plusDays(1))).isTrue();
        lot.correctExpiry(MAY.plusYears(1), true);
        assertThat(lot.getExpiresOn()).isEqualTo(MAY.plusYears(1));
    }
}
