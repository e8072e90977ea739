package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class FefoPickerTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 10);
    static final long WAREHOUSE = 1;
    static final StockItem CREAM = StockItem.lotTracked(100, "CREMA-50ML");
    static final FefoPicker STRICT = new FefoPicker(StockPolicy.DEFAULT);
    static final FefoPicker LENIENT = new FefoPicker(StockPolicy.DEFAULT.allowingNegativeStock());

    static LotStock stock(long lotId, String code, LocalDate expiresOn, LocalDate receivedOn, String onHand) {
        Lot lot = new Lot(lotId, CREAM.id(), code, expiresOn, receivedOn, UnitCost.of("5", "EUR"));
        return new LotStock(lot, WAREHOUSE, Quantity.of(onHand));
    }

    // Same expiry as A but received earlier: goes before A.
    final LotStock b = stock(2, "B-1220", LocalDate.of(2026, 4, 30), LocalDate.of(2025, 12, 20), "3");
    final LotStock a = stock(1, "A-0105", LocalDate.of(2026, 4, 30), LocalDate.of(2026, 1, 5), "4");
    // Earliest expiry: first.
    final LotStock c = stock(3, "C-0201", LocalDate.of(2026, 3, 31), LocalDate.of(2026, 2, 1), "2");
    // No expiry, oldest receipt: still last.
    final LotStock undated = stock(4, "N-0601", null, LocalDate.of(2025, 6, 1), "10");
    // Expired yesterday.
    final LotStock expired = stock(5, "X-0901", TODAY.minusDays(1), LocalDate.of(2025, 9, 1), "5");
    final List<LotStock> shelf = List.of(a, b, c, undated, expired);

    static PickRequest sale(String quantity) {
        return PickRequest.fefo(CREAM, WAREHOUSE, Quantity.of(quantity), TODAY);
    }

    static List<Object> takenLotCodes(StockPick pick) {
        return pick.takes().stream().map(t -> (Object) t.lot().code()).toList();
    }

    @Test
    void fifoTakesTheOldestReceiptFirstWhateverTheExpiry() {
        FefoPicker fifo = new FefoPicker(StockPolicy.DEFAULT.picking(PickingOrder.FIFO));

        // Undated N (received 2025-06-01) goes first under FIFO; expired X is still never sold.
        StockPick pick = fifo.pick(sale("12"), shelf);

        assertThat(pick.takes()).extracting(t -> t.lot().code(), LotTake::quantity).containsExactly(
                tuple("N-0601", Quantity.of(10)),
                tuple("B-1220", Quantity.of(2)));
        assertThat(STRICT.pick(sale("12"), shelf).takes()).extracting(t -> t.lot().code())
                .containsExactly("C-0201", "B-1220", "A-0105", "N-0601");
    }

    @Test
    void fifoChargesAShortfallToTheNewestReceipt() {
        FefoPicker fifo = new FefoPicker(StockPolicy.DEFAULT.allowingNegativeStock().picking(PickingOrder.FIFO));

        StockPick pick = fifo.pick(sale("25"), shelf);

        assertThat(pick.shortfall()).isEqualTo(Quantity.of(6));
        assertThat(pick.takes()).extracting(t -> t.lot().code(), LotTake::quantity).containsExactly(
                tuple("N-0601", Quantity.of(10)),
                tuple("B-1220", Quantity.of(3)),
                tuple("A-0105", Quantity.of(4)),
                tuple("C-0201", Quantity.of(8)));
    }

    @Test
    void takesEarliestExpiryFirstThenOldestReceipt() {
        StockPick pick = STRICT.pick(sale("6"), shelf);

        assertThat(pick.takes()).extracting(t -> t.lot().code(), LotTake::quantity).containsExactly(
                tuple("C-0201", Quantity.of(2)),
                tuple("B-1220", Quantity.of(3)),
                tuple("A-0105", Quantity.of(1)));
        assertThat(pick.stockAfter()).extracting(LotStock::onHand)
                .containsExactly(Quantity.ZERO, Quantity.ZERO, Quantity.of(3));
        assertThat(pick.shortfall()).isEqualTo(Quantity.ZERO);
    }

    @Test
    void lotsWithoutExpiryComeAfterEveryDatedLot() {
        StockPick pick = STRICT.pick(sale("11"), shelf);
        assertThat(takenLotCodes(pick)).containsExactly("C-0201", "B-1220", "A-0105", "N-0601");
        assertThat(pick.takes().get(3).quantity()).isEqualTo(Quantity.of(2));
    }

    @Test
    void lotCodeBreaksTiesOfSameExpiryAndSameReceipt() {
        LocalDate expiry = TODAY.plusMonths(2);
        LocalDate received = TODAY.minusDays(3);
        LotStock second = stock(10, "LOT-B", expiry, received, "1");
        LotStock first = stock(11, "LOT-A", expiry, received, "1");

        StockPick pick = STRICT.pick(sale("1"), List.of(second, first));

        assertThat(takenLotCodes(pick)).containsExactly("LOT-A");
    }

    @Test
    void theOrderTheLotsArePassedInDoesNotMatter() {
        List<LotStock> shuffled = new ArrayList<>(shelf);
        Collections.shuffle(shuffled, new Random(42));
        assertThat(STRICT.pick(sale("7.5"), shuffled)).isEqualTo(STRICT.pick(sale("7.5"), shelf));
    }

    @Test
    void takesTheExactLastUnitOfSellableStock() {
        // 4 + 3 + 2 + 10 sellable; the 5 expired do not count.
        StockPick pick = STRICT.pick(sale("19"), shelf);
        assertThat(pick.stockAfter()).allSatisfy(s -> assertThat(s.onHand()).isEqualTo(Quantity.ZERO));
        assertThat(pick.takes()).extracting(t -> t.lot().code()).doesNotContain("X-0901");
    }

    @Test
    void refusesAShortfallCarryingItemRequestedAndAvailable() {
        assertThatThrownBy(() -> STRICT.pick(sale("19.001"), shelf))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.itemId()).isEqualTo(CREAM.id());
                    assertThat(e.requested()).isEqualTo(Quantity.of("19.001"));
                    assertThat(e.available()).isEqualTo(Quantity.of(19));
                    assertThat(e.lotId()).isEmpty();
                });
    }

    @Test
    void anExpiredLotIsNeverPickedEvenThoughItExpiresFirst() {
        assertThat(takenLotCodes(STRICT.pick(sale("1"), shelf))).containsExactly("C-0201");
        assertThatThrownBy(() -> STRICT.pick(sale("1"), List.of(expired)))
                .isInstanceOfSatisfying(InsufficientStockException.class,
                        e -> assertThat(e.available()).isEqualTo(Quantity.ZERO));
    }

    @Test
    void aLotExpiringOnTheBusinessDateIsSold() {
        LotStock expiringToday = stock(6, "T-0101", TODAY, LocalDate.of(2026, 1, 1), "1");
        StockPick pick = STRICT.pick(sale("1"), List.of(a, expiringToday));
        assertThat(takenLotCodes(pick)).containsExactly("T-0101");
    }

    @Test
    void withExpiredLotsAllowedTheyAreSoldFirst() {
        FefoPicker sellsExpired = new FefoPicker(StockPolicy.DEFAULT.sellingExpiredLots());
        assertThat(takenLotCodes(sellsExpired.pick(sale("6"), shelf))).containsExactly("X-0901", "C-0201");
    }

    @Test
    void picksDecimalQuantities() {
        LotStock first = stock(7, "K-1", TODAY.plusDays(5), TODAY, "0.750");
        LotStock second = stock(8, "K-2", TODAY.plusDays(9), TODAY, "1.500");

        StockPick pick = STRICT.pick(sale("1.125"), List.of(second, first));

        assertThat(pick.takes()).extracting(LotTake::quantity).containsExactly(Quantity.of("0.75"), Quantity.of("0.375"));
        assertThat(pick.stockAfter()).extracting(LotStock::onHand)
                .containsExactly(Quantity.ZERO, Quantity.of("1.125"));
    }

    @Test
    void skipsLotsThatAreEmptyOrNegative() {
        LotStock empty = stock(7, "E-1", TODAY.plusDays(1), TODAY, "0");
        LotStock negative = stock(8, "E-2", TODAY.plusDays(2), TODAY, "-3");
        StockPick pick = STRICT.pick(sale("2"), List.of(empty, negative, a));
        assertThat(takenLotCodes(pick)).containsExactly("A-0105");
    }

    @Test
    void aChosenLotIsTheOnlyLotTakenFrom() {
        StockPick pick = STRICT.pick(PickRequest.ofChosenLot(CREAM, WAREHOUSE, Quantity.of(4), TODAY, a.lot().id()), shelf);
        assertThat(pick.takes()).extracting(t -> t.lot().code(), LotTake::quantity)
                .containsExactly(tuple("A-0105", Quantity.of(4)));
    }

    @Test
    void aChosenLotWithTooLittleIsRefusedNamingTheLot() {
        PickRequest tooMuch = PickRequest.ofChosenLot(CREAM, WAREHOUSE, Quantity.of("4.5"), TODAY, a.lot().id());
        assertThatThrownBy(() -> STRICT.pick(tooMuch, shelf))
                .isInstanceOfSatisfying(InsufficientStockException.class, e -> {
                    assertThat(e.lotId()).hasValue(a.lot().id());
                    assertThat(e.requested()).isEqualTo(Quantity.of("4.5"));
                    assertThat(e.available()).isEqualTo(Quantity.of(4));
                });
    }

    @Test
    void aChosenExpiredLotIsRefused() {
        PickRequest chosen = PickRequest.ofChosenLot(CREAM, WAREHOUSE, Quantity.of(1), TODAY, expired.lot().id());
        assertThatThrownBy(() -> STRICT.pick(chosen, shelf))
                .isInstanceOfSatisfying(ExpiredLotException.class, e -> {
                    assertThat(e.lotId()).isEqualTo(expired.lot().id());
                    assertThat(e.expiresOn()).isEqualTo(TODAY.minusDays(1));
                    assertThat(e.businessDate()).isEqualTo(TODAY);
                });
        assertThat(new FefoPicker(StockPolicy.DEFAULT.sellingExpiredLots()).pick(chosen, shelf).takes())
                .extracting(t -> t.lot().code()).containsExactly("X-0901");
    }

    @Test
    void aChosenLotMissingFromTheStockIsACallerError() {
        PickRequest chosen = PickRequest.ofChosenLot(CREAM, WAREHOUSE, Quantity.of(1), TODAY, 999);
        assertThatThrownBy(() -> STRICT.pick(chosen, shelf)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUntrackedItemSellsFromItsImplicitLot() {
        StockItem gauze = StockItem.untracked(200, "GASA");
        LotStock implicit = new LotStock(Lot.implicitFor(50, 200, TODAY, UnitCost.of("0.2", "EUR")), WAREHOUSE,
                Quantity.of(30));

        StockPick pick = STRICT.pick(PickRequest.fefo(gauze, WAREHOUSE, Quantity.of(12), TODAY), List.of(implicit));

        assertThat(pick.takes()).extracting(t -> t.lot().id(), LotTake::quantity).containsExactly(tuple(50L, Quantity.of(12)));
        assertThatThrownBy(() -> STRICT.pick(PickRequest.fefo(gauze, WAREHOUSE, Quantity.of(1), TODAY), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PickRequest.ofChosenLot(gauze, WAREHOUSE, Quantity.of(1), TODAY, 50))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withNegativeStockAllowedTheShortfallGoesToTheLastSellableLotInFefoOrder() {
        StockPick pick = LENIENT.pick(sale("21.5"), shelf);

        assertThat(pick.shortfall()).isEqualTo(Quantity.of("2.5"));
        assertThat(pick.takes()).extracting(t -> t.lot().code(), LotTake::quantity).containsExactly(
                tuple("C-0201", Quantity.of(2)),
                tuple("B-1220", Quantity.of(3)),
                tuple("A-0105", Quantity.of(4)),
                tuple("N-0601", Quantity.of("12.5")));
        assertThat(pick.stockAfter()).extracting(LotStock::onHand)
                .containsExactly(Quantity.ZERO, Quantity.ZERO, Quantity.ZERO, Quantity.of("-2.5"));
    }

    @Test
    void withNegativeStockAllowedTheDesignatedLotTakesTheShortfallEvenWhenItWasEmpty() {
        LotStock early = stock(7, "E-1", TODAY.plusDays(1), TODAY, "2");
        LotStock lateButEmpty = stock(8, "E-2", TODAY.plusDays(2), TODAY, "0");
        StockPick pick = LENIENT.pick(sale("3"), List.of(lateButEmpty, early));
        assertThat(pick.takes()).extracting(t -> t.lot().code(), LotTake::quantity)
                .containsExactly(tuple("E-1", Quantity.of(2)), tuple("E-2", Quantity.of(1)));
    }

    @Test
    void withNegativeStockAllowedAChosenLotOrTheImplicitLotTakesTheShortfall() {
        StockPick chosen = LENIENT.pick(PickRequest.ofChosenLot(CREAM, WAREHOUSE, Quantity.of(6), TODAY, c.lot().id()), shelf);
        assertThat(chosen.stockAfter()).extracting(LotStock::onHand).containsExactly(Quantity.of(-4));
        assertThat(chosen.shortfall()).isEqualTo(Quantity.of(4));

        StockItem gauze = StockItem.untracked(200, "GASA");
        LotStock implicit = LotStock.empty(Lot.implicitFor(50, 200, TODAY, UnitCost.of("0.2", "EUR")), WAREHOUSE);
        StockPick untracked = LENIENT.pick(PickRequest.fefo(gauze, WAREHOUSE, Quantity.of(2), TODAY), List.of(implicit));
        assertThat(untracked.stockAfter()).extracting(LotStock::onHand).containsExactly(Quantity.of(-2));
    }

    @Test
    void withNegativeStockAllowedButNoSellableLotTheSaleIsStillRefused() {
        assertThatThrownBy(() -> LENIENT.pick(sale("1"), List.of(expired)))
                .isInstanceOf(InsufficientStockException.class);
        assertThatThrownBy(() -> LENIENT.pick(sale("1"), List.of()))
                .isInstanceOf(InsufficientStockException.class);
    }

    @Test
    void refusesStockOfAnotherItemOrWarehouseAndDuplicateLots() {
        LotStock elsewhere = new LotStock(a.lot(), 2, Quantity.of(1));
        assertThatThrownBy(() -> STRICT.pick(sale("1"), List.of(a, elsewhere))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> STRICT.pick(sale("1"), List.of(a, a))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sale("0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePickRecordsOneOutMovePerTakeAndItsReturnRestoresEveryLot() {
        StockPick pick = STRICT.pick(sale("6"), shelf);

        assertThat(pick.moves()).extracting(StockMove::type, m -> m.key().lotId(), StockMove::quantity).containsExactly(
                tuple(StockMoveType.OUT, 3L, Quantity.of(2)),
                tuple(StockMoveType.OUT, 2L, Quantity.of(3)),
                tuple(StockMoveType.OUT, 1L, Quantity.of(1)));

        List<LotStock> restored = new ArrayList<>();
        for (int i = 0; i < pick.stockAfter().size(); i++) {
            restored.add(pick.stockAfter().get(i).apply(pick.returnMoves().get(i), StockPolicy.DEFAULT));
        }
        assertThat(restored).containsExactly(c, b, a);
    }
}
