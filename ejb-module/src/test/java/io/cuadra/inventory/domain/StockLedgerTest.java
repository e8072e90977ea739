package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class StockLedgerTest {

    static final StockKey LOT_A = new StockKey(1, 10, 100);
    static final StockKey LOT_B = new StockKey(1, 10, 101);
    static final StockKey LOT_A_ELSEWHERE = new StockKey(2, 10, 100);

    static StockMove move(StockMoveType type, StockKey key, String quantity) {
        return new StockMove(key, type, Quantity.of(quantity));
    }

    final List<StockMove> moves = List.of(
            move(StockMoveType.IN, LOT_A, "20"),
            move(StockMoveType.OUT, LOT_A, "3.5"),
            move(StockMoveType.RETURN, LOT_A, "1"),
            move(StockMoveType.WASTAGE, LOT_A, "0.5"),
            move(StockMoveType.ADJUSTMENT, LOT_A, "-2"),
            move(StockMoveType.TRANSFER_OUT, LOT_A, "5"),
            move(StockMoveType.TRANSFER_IN, LOT_A_ELSEWHERE, "5"),
            move(StockMoveType.IN, LOT_B, "1"),
            move(StockMoveType.ADJUSTMENT, LOT_B, "0.25"),
            move(StockMoveType.OUT, LOT_B, "1.25"));

    @Test
    void sumsTheSignedEffectOfEveryMovePerWarehouseItemAndLot() {
        StockLedger ledger = StockLedger.of(moves);
        // 20 − 3.5 + 1 − 0.5 − 2 − 5
        assertThat(ledger.balanceOf(LOT_A)).isEqualTo(Quantity.of(10));
        assertThat(ledger.balanceOf(LOT_A_ELSEWHERE)).isEqualTo(Quantity.of(5));
        assertThat(ledger.balanceOf(LOT_B)).isEqualTo(Quantity.ZERO);
        assertThat(ledger.balances()).containsKeys(LOT_A, LOT_B, LOT_A_ELSEWHERE);
        assertThat(ledger.balanceOf(new StockKey(9, 9, 9))).isEqualTo(Quantity.ZERO);
    }

    @Test
    void matchingBalancesShowNoDifferenceAndMissingZeroBalancesAreFine() {
        Map<StockKey, Quantity> recorded = Map.of(LOT_A, Quantity.of(10), LOT_A_ELSEWHERE, Quantity.of(5));
        assertThat(StockLedger.of(moves).differencesFrom(recorded)).isEmpty();
    }

    @Test
    void reportsEveryBalanceThatDisagreesWithTheMoves() {
        Map<StockKey, Quantity> recorded = Map.of(
                LOT_A, Quantity.of("10.001"),
                LOT_B, Quantity.of(-1),
                new StockKey(3, 10, 100), Quantity.of(2));

        List<BalanceDifference> differences = StockLedger.of(moves).differencesFrom(recorded);

        assertThat(differences).extracting(BalanceDifference::key, BalanceDifference::ledger, BalanceDifference::gap)
                .containsExactly(
                        tuple(LOT_A, Quantity.of(10), Quantity.of("0.001")),
                        tuple(LOT_B, Quantity.ZERO, Quantity.of(-1)),
                        tuple(LOT_A_ELSEWHERE, Quantity.of(5), Quantity.of(-5)),
                        tuple(new StockKey(3, 10, 100), Quantity.ZERO, Quantity.of(2)));
    }

    @Test
    void comparesWithLotStockRows() {
        Lot lot = new Lot(100, 10, "L", null, LocalDate.of(2026, 1, 1), UnitCost.of("1", "PEN"));
        List<LotStock> rows = List.of(new LotStock(lot, 1, Quantity.of(10)), new LotStock(lot, 2, Quantity.of(4)));
        assertThat(StockLedger.of(moves).differencesFrom(rows)).extracting(BalanceDifference::key)
                .containsExactly(LOT_A_ELSEWHERE);
        assertThatThrownBy(() -> StockLedger.of(moves).differencesFrom(List.of(rows.get(0), rows.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyLedgerHasNoBalances() {
        assertThat(StockLedger.of(List.of()).balances()).isEmpty();
        assertThat(StockLedger.of(List.of()).differencesFrom(Map.of(LOT_A, Quantity.ZERO))).isEmpty();
    }
}
