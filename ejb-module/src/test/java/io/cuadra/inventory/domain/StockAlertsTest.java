package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class StockAlertsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void reportsItemsStrictlyBelowTheirCriticalLevelMostMissingFirst() {
        StockItem atLevel = StockItem.lotTracked(1, "AT").withCriticalLevel(Quantity.of(5));
        StockItem justBelow = StockItem.lotTracked(2, "BELOW").withCriticalLevel(Quantity.of(5));
        StockItem farBelow = StockItem.untracked(3, "FAR").withCriticalLevel(Quantity.of(10));
        StockItem noLevel = StockItem.untracked(4, "NONE");
        StockItem noStockRow = StockItem.untracked(5, "EMPTY").withCriticalLevel(Quantity.of("0.5"));

        List<LowStockAlert> alerts = StockAlerts.belowCriticalLevel(
                List.of(atLevel, justBelow, farBelow, noLevel, noStockRow),
                Map.of(1L, Quantity.of(5), 2L, Quantity.of("4.999"), 3L, Quantity.of(1), 4L, Quantity.ZERO));

        assertThat(alerts).extracting(a -> a.item().code(), LowStockAlert::missing).containsExactly(
                tuple("FAR", Quantity.of(9)),
                tuple("EMPTY", Quantity.of("0.5")),
                tuple("BELOW", Quantity.of("0.001")));
    }

    static LotStock lot(long id, LocalDate expiresOn, String onHand) {
        Lot lot = new Lot(id, 1, "L" + id, expiresOn, TODAY.minusMonths(1), UnitCost.of("1", "EUR"));
        return new LotStock(lot, 1, Quantity.of(onHand));
    }

    @Test
    void reportsLotsWithStockExpiringWithinTheWindowIncludingItsLastDay() {
        List<LotStock> stock = List.of(
                lot(1, TODAY.plusDays(30), "1"),   // last day of a 30-day window: reported
                lot(2, TODAY.plusDays(31), "1"),   // outside
                lot(3, TODAY, "2"),                // expires today: reported, 0 days left
                lot(4, TODAY.plusDays(3), "0"),    // nothing on hand
                lot(5, null, "9"),                 // never expires
                lot(6, TODAY.minusDays(2), "1"));  // already expired, still on the shelf

        List<ExpiryAlert> alerts = StockAlerts.expiringWithin(stock, TODAY, 30);

        assertThat(alerts).extracting(a -> a.stock().lot().id(), ExpiryAlert::daysLeft, ExpiryAlert::expired)
                .containsExactly(tuple(6L, -2L, true), tuple(3L, 0L, false), tuple(1L, 30L, false));
    }

    @Test
    void aZeroDayWindowReportsWhatExpiresTodayOrHasExpired() {
        List<LotStock> stock = List.of(lot(1, TODAY, "1"), lot(2, TODAY.plusDays(1), "1"));
        assertThat(StockAlerts.expiringWithin(stock, TODAY, 0)).extracting(a -> a.stock().lot().id())
                .containsExactly(1L);
        assertThatThrownBy(() -> StockAlerts.expiringWithin(stock, TODAY, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSaleCrossesTheCriticalLevelOnlyWhenItGoesFromAtOrAboveToBelow() {
        Quantity five = Quantity.of(5);
        assertThat(StockAlerts.crossedBelowCritical(five, Quantity.of(6), Quantity.of(4))).isTrue();
        assertThat(StockAlerts.crossedBelowCritical(five, Quantity.of(5), Quantity.of(4))).as("from the level").isTrue();
        assertThat(StockAlerts.crossedBelowCritical(five, Quantity.of(6), Quantity.of(5))).as("down to it").isFalse();
        assertThat(StockAlerts.crossedBelowCritical(five, Quantity.of(4), Quantity.of(3))).as("already below").isFalse();
        assertThat(StockAlerts.crossedBelowCritical(null, Quantity.of(6), Quantity.of(0))).as("no level").isFalse();
    }
}
