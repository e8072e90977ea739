package io.cuadra.inventory.domain;

import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CostOfGoodsSoldTest {

    static final Currency PEN = Currency.getInstance("PEN");
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static Lot lot(long id, String unitCost, String currency) {
        return new Lot(id, 1, "L" + id, TODAY.plusMonths(id), TODAY, UnitCost.of(unitCost, currency));
    }

    @Test
    void sumsQuantityTimesLotCostOverTheLotsConsumed() {
        // 2 × 10.50 + 1.5 × 3.20 = 21.00 + 4.80
        List<LotTake> takes = List.of(new LotTake(lot(1, "10.50", "PEN"), Quantity.of(2)),
                new LotTake(lot(2, "3.20", "PEN"), Quantity.of("1.5")));
        assertThat(CostOfGoodsSold.ofLine(PEN, takes)).isEqualTo(Money.of("25.80", "PEN"));
    }

    @Test
    void roundsOnceForTheLineNotPerTake() {
        // 3 × 0.105 = 0.315 -> 0.32; rounding each take first would give 3 × 0.11 = 0.33.
        List<LotTake> takes = List.of(new LotTake(lot(1, "0.105", "PEN"), Quantity.of(1)),
                new LotTake(lot(2, "0.105", "PEN"), Quantity.of(1)),
                new LotTake(lot(3, "0.105", "PEN"), Quantity.of(1)));
        assertThat(CostOfGoodsSold.ofLine(PEN, takes)).isEqualTo(Money.of("0.32", "PEN"));
    }

    @Test
    void aUnitCostDerivedFromAPurchaseLineGivesBackTheLineTotal() {
        UnitCost third = UnitCost.perUnit(Money.of("100.00", "PEN"), Quantity.of(3));
        Lot lot = new Lot(1, 1, "L1", null, TODAY, third);
        assertThat(CostOfGoodsSold.ofLine(PEN, List.of(new LotTake(lot, Quantity.of(3)))))
                .isEqualTo(Money.of("100.00", "PEN"));
    }

    @Test
    void aLineWithoutTakesCostsNothing() {
        assertThat(CostOfGoodsSold.ofLine(PEN, List.of())).isEqualTo(Money.zero(PEN));
    }

    @Test
    void refusesALotCostedInAnotherCurrency() {
        List<LotTake> takes = List.of(new LotTake(lot(1, "1", "EUR"), Quantity.of(1)));
        assertThatThrownBy(() -> CostOfGoodsSold.ofLine(PEN, takes)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFefoPickIsCostedAtTheCostOfTheLotsItConsumed() {
        StockItem item = StockItem.lotTracked(1, "SUERO");
        LotStock older = new LotStock(lot(1, "2.00", "PEN"), 9, Quantity.of(1));
        LotStock newer = new LotStock(lot(2, "2.60", "PEN"), 9, Quantity.of(5));

        StockPick pick = new FefoPicker(StockPolicy.DEFAULT)
                .pick(PickRequest.fefo(item, 9, Quantity.of("2.5"), TODAY), List.of(newer, older));

        // 1 × 2.00 + 1.5 × 2.60
        assertThat(pick.costOfGoodsSold(PEN)).isEqualTo(Money.of("5.90", "PEN"));
    }
}
