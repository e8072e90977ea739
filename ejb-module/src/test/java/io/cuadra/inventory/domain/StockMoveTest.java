package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockMoveTest {

    @ParameterizedTest
    @CsvSource({
            "IN, 2.5, 2.5",
            "OUT, 2.5, -2.5",
            "TRANSFER_OUT, 2.5, -2.5",
            "TRANSFER_IN, 2.5, 2.5",
            "WASTAGE, 2.5, -2.5",
            "RETURN, 2.5, 2.5",
            "ADJUSTMENT, 2.5, 2.5",
            "ADJUSTMENT, -2.5, -2.5"})
    void theTypeGivesTheDirectionExceptForAdjustmentsWhichCarryTheirSign(StockMoveType type, String recorded,
                                                                         String effect) {
        StockMove move = StockMove.of(type, 1, 2, 3, Quantity.of(recorded));
        assertThat(move.effect()).isEqualTo(Quantity.of(effect));
    }

    @ParameterizedTest
    @EnumSource(value = StockMoveType.class, names = "ADJUSTMENT", mode = EnumSource.Mode.EXCLUDE)
    void unsignedTypesRefuseNegativeAndZeroQuantities(StockMoveType type) {
        assertThatThrownBy(() -> StockMove.of(type, 1, 2, 3, Quantity.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StockMove.of(type, 1, 2, 3, Quantity.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aZeroAdjustmentIsRefused() {
        assertThatThrownBy(() -> StockMove.of(StockMoveType.ADJUSTMENT, 1, 2, 3, Quantity.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSaleIsReturnedIntoTheSameLotWithTheSameQuantity() {
        StockMove sale = StockMove.of(StockMoveType.OUT, 1, 2, 3, Quantity.of("1.250"));
        StockMove back = sale.returned();
        assertThat(back.key()).isEqualTo(sale.key());
        assertThat(back.type()).isEqualTo(StockMoveType.RETURN);
        assertThat(back.effect()).isEqualTo(sale.effect().negate());
    }

    @Test
    void onlySalesCanBeReturned() {
        assertThatThrownBy(() -> StockMove.of(StockMoveType.WASTAGE, 1, 2, 3, Quantity.of(1)).returned())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
