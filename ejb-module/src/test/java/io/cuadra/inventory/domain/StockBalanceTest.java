package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockBalanceTest {

    static final long ITEM = 7;
    static final StockPolicy STRICT = StockPolicy.DEFAULT;

    @Test
    void availableIsOnHandMinusReserved() {
        StockBalance balance = StockBalance.onHand(Quantity.of(10)).reserve(ITEM, Quantity.of("3.5"));
        assertThat(balance.available()).isEqualTo(Quantity.of("6.5"));
        assertThat(balance.onHand()).isEqualTo(Quantity.of(10));
    }

    @Test
    void reservingTheExactAvailableQuantityIsAllowedButOneGramMoreIsNot() {
        StockBalance balance = StockBalance.onHand(Quantity.of("2.5"));
        assertThat(balance.reserve(ITEM, Quantity.of("2.5")).available()).isEqualTo(Quantity.ZERO);
        assertThatThrownBy(() -> balance.reserve(ITEM, Quantity.of("2.501")))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.itemId()).isEqualTo(ITEM);
                    assertThat(e.requested()).isEqualTo(Quantity.of("2.501"));
                    assertThat(e.available()).isEqualTo(Quantity.of("2.5"));
                });
    }

    @Test
    void cancellationReleasesAndPaymentConsumes() {
        StockBalance reserved = StockBalance.onHand(Quantity.of(10)).reserve(ITEM, Quantity.of(4));

        StockBalance cancelled = reserved.release(Quantity.of(4));
        assertThat(cancelled).isEqualTo(StockBalance.onHand(Quantity.of(10)));

        StockBalance paid = reserved.consume(Quantity.of(4));
        assertThat(paid.onHand()).isEqualTo(Quantity.of(6));
        assertThat(paid.reserved()).isEqualTo(Quantity.ZERO);
        assertThat(paid.available()).isEqualTo(Quantity.of(6));
    }

    @Test
    void cannotReleaseOrConsumeMoreThanIsReserved() {
        StockBalance reserved = StockBalance.onHand(Quantity.of(10)).reserve(ITEM, Quantity.of(4));
        assertThatThrownBy(() -> reserved.release(Quantity.of("4.001"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> reserved.consume(Quantity.of(5))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSaleWithoutReservationCannotTakeStockReservedForOthers() {
        StockBalance balance = StockBalance.onHand(Quantity.of(10)).reserve(ITEM, Quantity.of(8));
        assertThat(balance.issue(ITEM, Quantity.of(2), STRICT).available()).isEqualTo(Quantity.ZERO);
        assertThatThrownBy(() -> balance.issue(ITEM, Quantity.of(3), STRICT))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        e -> assertThat(e.available()).isEqualTo(Quantity.of(2)));
    }

    @Test
    void withTheSwitchOffIssuingGoesNegativeButReservingStillRefuses() {
        StockPolicy lenient = STRICT.allowingNegativeStock();
        StockBalance negative = StockBalance.onHand(Quantity.of(1)).issue(ITEM, Quantity.of(3), lenient);
        assertThat(negative.onHand()).isEqualTo(Quantity.of(-2));
        assertThatThrownBy(() -> negative.reserve(ITEM, Quantity.of(1)))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        e -> assertThat(e.available()).isEqualTo(Quantity.ZERO));
    }

    @Test
    void adjustmentsAddOrRemoveSignedQuantities() {
        StockBalance balance = StockBalance.onHand(Quantity.of(5));
        assertThat(balance.adjust(ITEM, Quantity.of("0.75"), STRICT).onHand()).isEqualTo(Quantity.of("5.75"));
        assertThat(balance.adjust(ITEM, Quantity.of(-5), STRICT).onHand()).isEqualTo(Quantity.ZERO);
        assertThatThrownBy(() -> balance.adjust(ITEM, Quantity.of("-5.001"), STRICT))
                .isInstanceOf(InsufficientStockException.class);
    }

    @Test
    void refusesZeroOrNegativeOperationQuantities() {
        StockBalance balance = StockBalance.onHand(Quantity.of(5));
        assertThatThrownBy(() -> balance.reserve(ITEM, Quantity.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> balance.receive(Quantity.of(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> balance.issue(ITEM, Quantity.of(-1), STRICT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StockBalance(Quantity.ZERO, Quantity.of(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
