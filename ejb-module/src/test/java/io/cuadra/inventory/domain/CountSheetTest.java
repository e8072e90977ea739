package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CountSheetTest {

    static final long WAREHOUSE = 3;
    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    static LotStock book(long itemId, long lotId, String onHand) {
        Lot lot = new Lot(lotId, itemId, "L" + lotId, TODAY.plusMonths(6), TODAY, UnitCost.of("1", "CLP"));
        return new LotStock(lot, WAREHOUSE, Quantity.of(onHand));
    }

    static CountLine counted(long itemId, long lotId, String quantity) {
        return new CountLine(itemId, lotId, Quantity.of(quantity));
    }

    final List<LotStock> book = List.of(
            book(1, 11, "10"),      // counted 8: −2
            book(1, 12, "5"),       // counted 5: no adjustment
            book(2, 21, "2.250"),   // counted 2.5: +0.25
            book(2, 22, "4"));      // not on the sheet

    final List<CountLine> lines = List.of(
            counted(1, 11, "8"),
            counted(1, 12, "5"),
            counted(2, 21, "2.5"),
            counted(3, 31, "6"));   // a lot the book does not know in this warehouse: +6

    @Test
    void aCompleteSheetZeroesLotsItDidNotFind() {
        List<CountAdjustment> adjustments = CountSheet.complete(WAREHOUSE, lines).adjustmentsAgainst(book);

        assertThat(adjustments).extracting(a -> a.key().lotId(), CountAdjustment::difference).containsExactly(
                tuple(11L, Quantity.of(-2)),
                tuple(21L, Quantity.of("0.25")),
                tuple(22L, Quantity.of(-4)),
                tuple(31L, Quantity.of(6)));
    }

    @Test
    void aPartialSheetLeavesLotsItDidNotCountAlone() {
        List<CountAdjustment> adjustments = CountSheet.partial(WAREHOUSE, lines).adjustmentsAgainst(book);

        assertThat(adjustments).extracting(a -> a.key().lotId(), CountAdjustment::difference).containsExactly(
                tuple(11L, Quantity.of(-2)),
                tuple(21L, Quantity.of("0.25")),
                tuple(31L, Quantity.of(6)));
    }

    @Test
    void anExactCountProducesNoAdjustment() {
        List<CountLine> exact = List.of(counted(1, 11, "10"), counted(1, 12, "5"), counted(2, 21, "2.25"),
                counted(2, 22, "4"));
        assertThat(CountSheet.complete(WAREHOUSE, exact).adjustmentsAgainst(book)).isEmpty();
    }

    @Test
    void adjustmentsBecomeSignedAdjustmentMovesThatBringTheBookToTheCount() {
        CountSheet sheet = CountSheet.complete(WAREHOUSE, lines);
        List<LotStock> after = book.stream().map(stock -> {
            LotStock adjusted = stock;
            for (CountAdjustment adjustment : sheet.adjustmentsAgainst(book)) {
                if (adjustment.key().equals(stock.key())) {
                    adjusted = adjusted.apply(adjustment.toMove(), StockPolicy.DEFAULT);
                }
            }
            return adjusted;
        }).toList();

        assertThat(after).extracting(LotStock::onHand)
                .containsExactly(Quantity.of(8), Quantity.of(5), Quantity.of("2.5"), Quantity.ZERO);
        assertThat(sheet.adjustmentsAgainst(book).get(0).toMove().type()).isEqualTo(StockMoveType.ADJUSTMENT);
    }

    @Test
    void theSameLotCountedOnTwoShelvesIsSummed() {
        List<CountLine> twoShelves = List.of(counted(1, 11, "6"), counted(1, 11, "4.5"));
        assertThat(CountSheet.partial(WAREHOUSE, twoShelves).adjustmentsAgainst(book))
                .extracting(CountAdjustment::book, CountAdjustment::counted, CountAdjustment::difference)
                .containsExactly(tuple(Quantity.of(10), Quantity.of("10.5"), Quantity.of("0.5")));
    }

    @Test
    void aCompleteCountBringsANegativeBookBackToZero() {
        List<LotStock> negativeBook = List.of(book(1, 11, "-3"));
        assertThat(CountSheet.complete(WAREHOUSE, List.of()).adjustmentsAgainst(negativeBook))
                .extracting(CountAdjustment::difference).containsExactly(Quantity.of(3));
        assertThat(CountSheet.partial(WAREHOUSE, List.of()).adjustmentsAgainst(negativeBook)).isEmpty();
    }

    @Test
    void refusesInconsistentInput() {
        assertThatThrownBy(() -> counted(1, 11, "-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountSheet.complete(WAREHOUSE, List.of(counted(9, 11, "1"))).adjustmentsAgainst(book))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to item 1");
        LotStock otherWarehouse = new LotStock(book.get(0).lot(), WAREHOUSE + 1, Quantity.of(1));
        assertThatThrownBy(() -> CountSheet.complete(WAREHOUSE, lines).adjustmentsAgainst(List.of(otherWarehouse)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CountSheet.complete(WAREHOUSE, lines).adjustmentsAgainst(List.of(book.get(0), book.get(0))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
