package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LotStockTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final Lot LOT = new Lot(30, 20, "L-1", TODAY.plusDays(10), TODAY, UnitCost.of("2", "CLP"));

    @Test
    void takesTheExactLastUnit() {
        LotStock stock = new LotStock(LOT, 10, Quantity.of("3.250"));
        assertThat(stock.take(Quantity.of("3.250")).onHand()).isEqualTo(Quantity.ZERO);
    }

    @Test
    void refusesToTakeMoreThanIsOnHandCarryingItemLotAndQuantities() {
        LotStock stock = new LotStock(LOT, 10, Quantity.of("3.250"));
        assertThatThrownBy(() -> stock.take(Quantity.of("3.251")))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.itemId()).isEqualTo(20);
                    assertThat(e.lotId()).hasValue(30);
                    assertThat(e.requested()).isEqualTo(Quantity.of("3.251"));
                    assertThat(e.available()).isEqualTo(Quantity.of("3.25"));
                });
    }

    @Test
    void goesNegativeOnlyWithTheSwitchOff() {
        LotStock stock = new LotStock(LOT, 10, Quantity.of(1));
        assertThat(stock.take(Quantity.of(3), StockPolicy.DEFAULT.allowingNegativeStock()).onHand())
                .isEqualTo(Quantity.of(-2));
    }

    @Test
    void aNegativeLotOffersNothingAndCanBeRefilled() {
        LotStock negative = new LotStock(LOT, 10, Quantity.of(-2));
        assertThat(negative.takeable()).isEqualTo(Quantity.ZERO);
        assertThat(negative.putBack(Quantity.of(1)).onHand()).isEqualTo(Quantity.of(-1));
    }

    @Test
    void appliesMovesOfItsOwnKeyOnly() {
        LotStock stock = LotStock.empty(LOT, 10);
        LotStock received = stock.apply(StockMove.of(StockMoveType.IN, 10, 20, 30, Quantity.of(5)), StockPolicy.DEFAULT);
        assertThat(received.onHand()).isEqualTo(Quantity.of(5));
        assertThat(received.apply(StockMove.of(StockMoveType.ADJUSTMENT, 10, 20, 30, Quantity.of("-0.5")),
                StockPolicy.DEFAULT).onHand()).isEqualTo(Quantity.of("4.5"));
        assertThatThrownBy(() -> received.apply(StockMove.of(StockMoveType.IN, 11, 20, 30, Quantity.of(1)),
                StockPolicy.DEFAULT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> received.apply(StockMove.of(StockMoveType.WASTAGE, 10, 20, 30, Quantity.of(6)),
                StockPolicy.DEFAULT)).isInstanceOf(InsufficientStockException.class);
    }

    @Test
    void sellabilityFollowsTheExpirySwitch() {
        LotStock stock = new LotStock(LOT, 10, Quantity.of(1));
        LocalDate dayAfterExpiry = LOT.expiresOn().plusDays(1);
        assertThat(stock.isSellableOn(LOT.expiresOn(), StockPolicy.DEFAULT)).isTrue();
        assertThat(stock.isSellableOn(dayAfterExpiry, StockPolicy.DEFAULT)).isFalse();
        assertThat(stock.isSellableOn(dayAfterExpiry, StockPolicy.DEFAULT.sellingExpiredLots())).isTrue();
    }
}
