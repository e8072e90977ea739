package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class StockTransferTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Lot LOT_1 = new Lot(1, 50, "V-1", TODAY.plusDays(40), TODAY, UnitCost.of("9", "PEN"));
    static final Lot LOT_2 = new Lot(2, 50, "V-2", TODAY.plusDays(90), TODAY, UnitCost.of("9.5", "PEN"));
    static final Lot OTHER_ITEM = new Lot(3, 60, "G-1", null, TODAY, UnitCost.of("1", "PEN"));

    @Test
    void producesMatchingOutAndInMovesForTheSameLots() {
        StockTransfer transfer = new StockTransfer(1, 2, List.of(new LotTake(LOT_1, Quantity.of("2.5")),
                new LotTake(OTHER_ITEM, Quantity.of(4))));

        assertThat(transfer.moves()).extracting(StockMove::type, StockMove::key, StockMove::quantity).containsExactly(
                tuple(StockMoveType.TRANSFER_OUT, new StockKey(1, 50, 1), Quantity.of("2.5")),
                tuple(StockMoveType.TRANSFER_IN, new StockKey(2, 50, 1), Quantity.of("2.5")),
                tuple(StockMoveType.TRANSFER_OUT, new StockKey(1, 60, 3), Quantity.of(4)),
                tuple(StockMoveType.TRANSFER_IN, new StockKey(2, 60, 3), Quantity.of(4)));
    }

    @Test
    void aTransferChangesNoTotalPerLot() {
        StockTransfer transfer = new StockTransfer(1, 2, List.of(new LotTake(LOT_1, Quantity.of(3)),
                new LotTake(LOT_2, Quantity.of("0.125"))));
        StockLedger ledger = StockLedger.of(transfer.moves());
        assertThat(ledger.balanceOf(new StockKey(1, 50, 1)).plus(ledger.balanceOf(new StockKey(2, 50, 1))))
                .isEqualTo(Quantity.ZERO);
        assertThat(ledger.balanceOf(new StockKey(2, 50, 2))).isEqualTo(Quantity.of("0.125"));
    }

    @Test
    void mergesTakesOfTheSameLot() {
        StockTransfer transfer = new StockTransfer(1, 2, List.of(new LotTake(LOT_1, Quantity.of(1)),
                new LotTake(LOT_1, Quantity.of(2))));
        assertThat(transfer.takes()).extracting(LotTake::quantity).containsExactly(Quantity.of(3));
    }

    @Test
    void theSourceRefusesToShipMoreThanItHolds() {
        StockTransfer transfer = new StockTransfer(1, 2, List.of(new LotTake(LOT_1, Quantity.of(3))));
        LotStock source = new LotStock(LOT_1, 1, Quantity.of(2));
        assertThatThrownBy(() -> source.apply(transfer.moves().get(0), StockPolicy.DEFAULT))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        e -> assertThat(e.available()).isEqualTo(Quantity.of(2)));
        LotStock destination = LotStock.empty(LOT_1, 2);
        assertThat(destination.apply(transfer.moves().get(1), StockPolicy.DEFAULT).onHand()).isEqualTo(Quantity.of(3));
    }

    @Test
    void refusesATransferToTheSameWarehouseOrWithoutLots() {
        assertThatThrownBy(() -> new StockTransfer(1, 1, List.of(new LotTake(LOT_1, Quantity.of(1)))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockTransfer(1, 2, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
