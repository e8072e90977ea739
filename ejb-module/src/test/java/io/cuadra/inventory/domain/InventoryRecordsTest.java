package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Warehouses, wastage, counts and settings as stored: the rules they keep themselves. */
class InventoryRecordsTest {

    private static final Lot LOT = new Lot(7, 3, "A1", LocalDate.of(2026, 3, 1), LocalDate.of(2025, 12, 1),
            UnitCost.of("4.50", "PEN"));

    @Test
    void warehouseCodesAreCapitalsAndNamesRequired() {
        Warehouse w = new Warehouse(1, " frio-1 ", "Refrigerado");
        assertThat(w.getCode()).isEqualTo("FRIO-1");
        assertThatThrownBy(() -> new Warehouse(1, "con espacio", "x")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new Warehouse(1, "A", " ")).isInstanceOf(RuleViolation.class);
        w.describe("FRIO-1", "Refrigerado", false);
        assertThatThrownBy(w::requireActive).isInstanceOf(RuleViolation.class).hasMessageContaining("closed");
    }

    @Test
    void wastageLeavesByAWastageMoveAtTheLotsCost() {
        Wastage w = new Wastage(5, LOT, Quantity.of("2.5"), WastageReason.DAMAGED, "  caja rota ", Instant.EPOCH);
        assertThat(w.getNotes()).isEqualTo("caja rota");
        assertThat(w.getUnitCost()).isEqualByComparingTo("4.50");
        assertThat(w.move()).isEqualTo(StockMove.of(StockMoveType.WASTAGE, 5, 3, 7, Quantity.of("2.5")));
        assertThat(w.move().effect()).isEqualTo(Quantity.of("-2.5"));
        assertThatThrownBy(() -> new Wastage(5, LOT, Quantity.of(1), WastageReason.OTHER, null, Instant.EPOCH))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> new Wastage(5, LOT, Quantity.ZERO, WastageReason.LOST, null, Instant.EPOCH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountIsFilledWhileOpenThenConfirmedOrSentBack() {
        StockCount count = new StockCount(5, CountCoverage.COMPLETE, null);
        assertThatThrownBy(() -> count.startConfirming(0)).isInstanceOf(RuleViolation.class);
        count.startConfirming(12);
        assertThat(count.getStatus()).isEqualTo(StockCountStatus.CONFIRMING);
        assertThat(count.getLinesTotal()).isEqualTo(12);
        assertThatThrownBy(count::requireOpen).isInstanceOf(Conflict.class);
        count.failed("Item 3: requested 2 but only 1 available");
        assertThat(count.getStatus()).isEqualTo(StockCountStatus.OPEN);
        assertThat(count.getFailure()).contains("only 1 available");
        count.startConfirming(12);
        count.confirmed(4, "almacen@cuadra.demo", Instant.EPOCH);
        assertThat(count.getStatus()).isEqualTo(StockCountStatus.CONFIRMED);
        assertThat(count.getAdjustments()).isEqualTo(4);
        assertThatThrownBy(count::cancel).isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> count.confirmed(1, "x", Instant.EPOCH)).isInstanceOf(Conflict.class);
    }

    @Test
    void settingsDefaultToTheSafeSwitchesAndBoundTheAlertWindow() {
        InventorySettings s = new InventorySettings();
        assertThat(s.policy()).isEqualTo(StockPolicy.DEFAULT);
        assertThat(s.isReserveOnRegister()).isFalse();
        assertThat(s.getExpiryAlertDays()).isEqualTo(30);
        s.change(false, true, false, 0);
        assertThat(s.policy()).isEqualTo(new StockPolicy(false, false));
        assertThatThrownBy(() -> s.change(true, true, true, 731)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> s.change(true, true, true, -1)).isInstanceOf(RuleViolation.class);
    }
}
