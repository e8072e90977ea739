package io.cuadra.inventory.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Thousands of random operation sequences (receipts, reservations, releases, paid reservations,
 * cash sales FEFO or from a chosen lot, returns, wastage, counts, transfers) run through the balance
 * operations as all-or-nothing transactions, the way a service would run them in one JTA
 * transaction. After every step the lot balances must equal the ledger rebuilt from scratch, the item
 * balances must equal the sum of their lots, and with never-negative on nothing may go below zero.
 */
class StockRulesPropertyTest {

    static final LocalDate BASE = LocalDate.of(2026, 1, 1);
    static final long[] WAREHOUSES = {1, 2};
    static final StockItem CREAM = StockItem.lotTracked(10, "CREAM");
    static final StockItem GAUZE = StockItem.untracked(20, "GAUZE");
    static final UnitCost COST = UnitCost.of("3.5", "PEN");
    static final List<Lot> CREAM_LOTS = List.of(
            new Lot(101, 10, "C-101", BASE.plusDays(5), BASE.minusDays(40), COST),
            new Lot(102, 10, "C-102", BASE.plusDays(5), BASE.minusDays(10), COST),
            new Lot(103, 10, "C-103", BASE.plusDays(20), BASE.minusDays(30), COST),
            new Lot(104, 10, "C-104", null, BASE.minusDays(60), COST));
    static final Lot GAUZE_LOT = Lot.implicitFor(200, 20, BASE.minusDays(90), COST);
    static final int SEQUENCES = 3_000;
    static final int STEPS = 40;

    enum Operation {
        RECEIVE, RESERVE, RELEASE, PAY_RESERVED, CASH_SALE, CHOSEN_LOT_SALE, CANCEL_PAID, WASTAGE, COUNT, TRANSFER
    }

    record Shelf(long warehouseId, long itemId) {
    }

    record Reservation(Shelf shelf, Quantity quantity) {
    }

    /** The state a service keeps in its tables; immutable values make copying a transaction cheap. */
    static final class Store {
        final Map<StockKey, LotStock> lots = new LinkedHashMap<>();
        final Map<Shelf, StockBalance> balances = new LinkedHashMap<>();
        final List<StockMove> ledger = new ArrayList<>();
        final List<Reservation> reservations = new ArrayList<>();
        final List<StockPick> paidSales = new ArrayList<>();

        /** Every lot of both items present, empty, in both warehouses. */
        static Store opening() {
            Store store = new Store();
            for (long warehouse : WAREHOUSES) {
                for (Lot lot : CREAM_LOTS) {
                    store.lots.put(new StockKey(warehouse, lot.itemId(), lot.id()), LotStock.empty(lot, warehouse));
                }
                store.lots.put(new StockKey(warehouse, GAUZE.id(), GAUZE_LOT.id()),
                        LotStock.empty(GAUZE_LOT, warehouse));
                store.balances.put(new Shelf(warehouse, CREAM.id()), StockBalance.EMPTY);
                store.balances.put(new Shelf(warehouse, GAUZE.id()), StockBalance.EMPTY);
            }
            return store;
        }

        Store copy() {
            Store copy = new Store();
            copy.lots.putAll(lots);
            copy.balances.putAll(balances);
            copy.ledger.addAll(ledger);
            copy.reservations.addAll(reservations);
            copy.paidSales.addAll(paidSales);
            return copy;
        }

        List<LotStock> stockOf(Shelf shelf) {
            return lots.values().stream()
                    .filter(s -> s.warehouseId() == shelf.warehouseId() && s.itemId() == shelf.itemId())
                    .toList();
        }
    }

    static final class Run {
        final StockPolicy policy;
        final FefoPicker picker;
        final Random random;
        final Map<Operation, int[]> committedAndRefused = new EnumMap<>(Operation.class);
        boolean negativeSeen;

        Run(StockPolicy policy, long seed) {
            this.policy = policy;
            this.picker = new FefoPicker(policy);
            this.random = new Random(seed);
            for (Operation operation : Operation.values()) {
                committedAndRefused.put(operation, new int[2]);
            }
        }

        int committed(Operation operation) {
            return committedAndRefused.get(operation)[0];
        }

        int refused(Operation operation) {
            return committedAndRefused.get(operation)[1];
        }

        void sequence(int number) {
            Store store = Store.opening();
            LocalDate businessDate = BASE.plusDays(random.nextInt(0, 25));
            for (int step = 0; step < STEPS; step++) {
                Operation operation = Operation.values()[random.nextInt(Operation.values().length)];
                Store attempt = store.copy();
                boolean done;
                try {
                    done = perform(operation, attempt, businessDate);
                } catch (StockRuleException refused) {
                    committedAndRefused.get(operation)[1]++;
                    done = false;
                } catch (AssertionError broken) {
                    throw new AssertionError("sequence " + number + ", step " + step + " (" + operation + "): "
                            + broken.getMessage(), broken);
                }
                if (done) {
                    committedAndRefused.get(operation)[0]++;
                    store = attempt;
                }
                int at = step;
                checkInvariants(store, () -> "sequence " + number + ", step " + at + " (" + operation + ")");
            }
        }

        /** Returns false when there was nothing to do (no reservation to release, no sale to cancel). */
        boolean perform(Operation operation, Store store, LocalDate businessDate) {
            Shelf shelf = randomShelf();
            switch (operation) {
                case RECEIVE -> {
                    Quantity quantity = randomQuantity();
                    post(store, StockMove.of(StockMoveType.IN, shelf.warehouseId(), shelf.itemId(),
                            randomLot(shelf).id(), quantity));
                    store.balances.compute(shelf, (s, balance) -> balance.receive(quantity));
                }
                case RESERVE -> {
                    Quantity quantity = randomQuantity();
                    store.balances.compute(shelf,
                            (s, balance) -> guarded(balance, quantity, b -> b.reserve(s.itemId(), quantity)));
                    store.reservations.add(new Reservation(shelf, quantity));
                }
                case RELEASE -> {
                    if (store.reservations.isEmpty()) {
                        return false;
                    }
                    Reservation reservation = store.reservations.remove(random.nextInt(store.reservations.size()));
                    store.balances.compute(reservation.shelf(), (s, b) -> b.release(reservation.quantity()));
                }
                case PAY_RESERVED -> {
                    if (store.reservations.isEmpty()) {
                        return false;
                    }
                    Reservation reservation = store.reservations.remove(random.nextInt(store.reservations.size()));
                    store.balances.compute(reservation.shelf(), (s, b) -> b.consume(reservation.quantity()));
                    sell(store, reservation.shelf(), reservation.quantity(), null, businessDate);
                }
                case CASH_SALE -> {
                    Quantity quantity = randomQuantity();
                    store.balances.compute(shelf,
                            (s, balance) -> guarded(balance, quantity, b -> b.issue(s.itemId(), quantity, policy)));
                    sell(store, shelf, quantity, null, businessDate);
                }
                case CHOSEN_LOT_SALE -> {
                    Shelf creamShelf = new Shelf(shelf.warehouseId(), CREAM.id());
                    Quantity quantity = randomQuantity();
                    store.balances.compute(creamShelf,
                            (s, balance) -> guarded(balance, quantity, b -> b.issue(s.itemId(), quantity, policy)));
                    sell(store, creamShelf, quantity, randomLot(creamShelf).id(), businessDate);
                }
                case CANCEL_PAID -> {
                    if (store.paidSales.isEmpty()) {
                        return false;
                    }
                    StockPick pick = store.paidSales.remove(random.nextInt(store.paidSales.size()));
                    pick.returnMoves().forEach(move -> post(store, move));
                    store.balances.compute(new Shelf(pick.warehouseId(), pick.itemId()),
                            (s, balance) -> balance.receive(pick.requested()));
                }
                case WASTAGE -> {
                    Quantity quantity = randomQuantity();
                    post(store, StockMove.of(StockMoveType.WASTAGE, shelf.warehouseId(), shelf.itemId(),
                            randomLot(shelf).id(), quantity));
                    store.balances.compute(shelf,
                            (s, balance) -> guarded(balance, quantity, b -> b.issue(s.itemId(), quantity, policy)));
                }
                case COUNT -> {
                    LotStock book = store.lots.get(
                            new StockKey(shelf.warehouseId(), shelf.itemId(), randomLot(shelf).id()));
                    CountSheet sheet = CountSheet.partial(shelf.warehouseId(),
                            List.of(new CountLine(shelf.itemId(), book.lot().id(), randomQuantity())));
                    for (CountAdjustment adjustment : sheet.adjustmentsAgainst(List.of(book))) {
                        post(store, adjustment.toMove());
                        Quantity delta = adjustment.difference();
                        store.balances.compute(shelf,
                                (s, balance) -> guarded(balance, delta.negate(),
                                        b -> b.adjust(s.itemId(), delta, policy)));
                    }
                }
                case TRANSFER -> {
                    long otherWarehouse = WAREHOUSES[0] == shelf.warehouseId() ? WAREHOUSES[1] : WAREHOUSES[0];
                    Shelf destination = new Shelf(otherWarehouse, shelf.itemId());
                    Quantity quantity = randomQuantity();
                    new StockTransfer(shelf.warehouseId(), destination.warehouseId(),
                            List.of(new LotTake(randomLot(shelf), quantity)))
                            .moves().forEach(move -> post(store, move));
                    store.balances.compute(shelf,
                            (s, balance) -> guarded(balance, quantity, b -> b.issue(s.itemId(), quantity, policy)));
                    store.balances.compute(destination, (s, balance) -> balance.receive(quantity));
                }
            }
            return true;
        }

        void sell(Store store, Shelf shelf, Quantity quantity, Long chosenLot, LocalDate businessDate) {
            StockItem item = shelf.itemId() == CREAM.id() ? CREAM : GAUZE;
            List<LotStock> candidates = store.stockOf(shelf).stream()
                    .filter(s -> chosenLot == null || s.lot().id() == chosenLot)
                    .filter(s -> !(policy.blockExpiredLots() && s.lot().isExpiredOn(businessDate)))
                    .toList();
            Quantity sellable = candidates.stream().map(s -> s.onHand().max(Quantity.ZERO))
                    .reduce(Quantity.ZERO, Quantity::plus);
            StockPick pick;
            try {
                pick = picker.pick(new PickRequest(item, shelf.warehouseId(), quantity, businessDate, chosenLot),
                        store.stockOf(shelf));
            } catch (InsufficientStockException refused) {
                // Refusing a sale that the stock could serve would be as wrong as overselling.
                boolean shortage = quantity.isGreaterThan(sellable);
                require(shortage && (policy.neverNegative() || candidates.isEmpty()),
                        () -> "refused " + quantity + " with " + sellable + " sellable");
                require(refused.available().equals(sellable),
                        () -> "reported " + refused.available() + " available, not " + sellable);
                throw refused;
            }
            if (chosenLot == null && policy.neverNegative()) {
                checkFefo(pick, candidates);
            }
            pick.moves().forEach(move -> post(store, move));
            // The picker's own view of the lots afterwards must match the balances the moves produced.
            for (LotStock after : pick.stockAfter()) {
                require(store.lots.get(after.key()).equals(after),
                        () -> "picker expected " + after + ", moves gave " + store.lots.get(after.key()));
                require(!(policy.blockExpiredLots() && after.lot().isExpiredOn(businessDate)),
                        () -> "sold expired lot " + after.lot());
            }
            store.paidSales.add(pick);
        }

        /** Every lot taken but the last is emptied, and no sellable lot left with stock comes earlier. */
        void checkFefo(StockPick pick, List<LotStock> candidates) {
            List<LotTake> takes = pick.takes();
            for (int i = 0; i < takes.size() - 1; i++) {
                LotStock emptied = pick.stockAfter().get(i);
                require(emptied.onHand().isZero(), () -> "FEFO left " + emptied + " before the last lot taken");
            }
            Lot lastTaken = takes.get(takes.size() - 1).lot();
            for (LotStock untouched : candidates) {
                boolean taken = takes.stream().anyMatch(t -> t.lot().id() == untouched.lot().id());
                if (!taken && untouched.onHand().isPositive()) {
                    require(Lot.FEFO_ORDER.compare(untouched.lot(), lastTaken) > 0,
                            () -> "FEFO skipped " + untouched + " for " + lastTaken);
                }
            }
        }

        /** A balance operation may refuse only when the quantity really exceeds what it guards. */
        StockBalance guarded(StockBalance balance, Quantity quantity, UnaryOperator<StockBalance> operation) {
            try {
                return operation.apply(balance);
            } catch (InsufficientStockException refused) {
                require(quantity.isGreaterThan(balance.available()), () -> "refused " + quantity + " of " + balance);
                throw refused;
            }
        }

        void post(Store store, StockMove move) {
            store.lots.compute(move.key(), (key, stock) -> {
                try {
                    return stock.apply(move, policy);
                } catch (InsufficientStockException refused) {
                    require(move.effect().negate().isGreaterThan(stock.onHand()),
                            () -> "refused " + move + " on " + stock);
                    throw refused;
                }
            });
            store.ledger.add(move);
        }

        void checkInvariants(Store store, Supplier<String> where) {
            List<BalanceDifference> differences = StockLedger.of(store.ledger).differencesFrom(store.lots.values());
            require(differences.isEmpty(), () -> where.get() + ": ledger differs " + differences);
            store.balances.forEach((shelf, balance) -> {
                Quantity lotsOnHand = store.stockOf(shelf).stream().map(LotStock::onHand)
                        .reduce(Quantity.ZERO, Quantity::plus);
                Quantity openReservations = store.reservations.stream().filter(r -> r.shelf().equals(shelf))
                        .map(Reservation::quantity).reduce(Quantity.ZERO, Quantity::plus);
                require(balance.onHand().equals(lotsOnHand),
                        () -> where.get() + ": " + shelf + " " + balance + " but lots hold " + lotsOnHand);
                require(balance.reserved().equals(openReservations),
                        () -> where.get() + ": " + shelf + " " + balance + " but reservations are " + openReservations);
                require(!(policy.neverNegative() && balance.available().isNegative()),
                        () -> where.get() + ": negative available " + shelf + " " + balance);
            });
            boolean negativeLot = store.lots.values().stream().anyMatch(s -> s.onHand().isNegative());
            require(!(policy.neverNegative() && negativeLot), () -> where.get() + ": a lot went negative");
            negativeSeen |= negativeLot;
        }

        /** A plain check: AssertJ per step would dominate the run time of a quarter million steps. */
        static void require(boolean holds, Supplier<String> problem) {
            if (!holds) {
                fail(problem.get());
            }
        }

        Shelf randomShelf() {
            long warehouse = WAREHOUSES[random.nextInt(WAREHOUSES.length)];
            return new Shelf(warehouse, random.nextBoolean() ? CREAM.id() : GAUZE.id());
        }

        Lot randomLot(Shelf shelf) {
            return shelf.itemId() == CREAM.id() ? CREAM_LOTS.get(random.nextInt(CREAM_LOTS.size())) : GAUZE_LOT;
        }

        /** Whole units most of the time, thousandths otherwise, so exact last units happen too. */
        Quantity randomQuantity() {
            return random.nextInt(3) == 0
                    ? Quantity.of(BigDecimal.valueOf(random.nextInt(1, 8_000), 3))
                    : Quantity.of(random.nextInt(1, 9));
        }
    }

    @Test
    void withNeverNegativeOnTheLedgerEqualsTheBalancesAndNothingGoesBelowZero() {
        Run run = new Run(StockPolicy.DEFAULT, 20260310L);
        for (int i = 0; i < SEQUENCES; i++) {
            run.sequence(i);
        }
        assertThat(run.negativeSeen).isFalse();
        for (Operation operation : Operation.values()) {
            assertThat(run.committed(operation)).as("%s committed", operation).isPositive();
        }
        // The refusals are what "never negative" is about: make sure the sequences actually provoke them.
        for (Operation operation : List.of(Operation.RESERVE, Operation.CASH_SALE, Operation.CHOSEN_LOT_SALE,
                Operation.WASTAGE, Operation.TRANSFER, Operation.PAY_RESERVED)) {
            assertThat(run.refused(operation)).as("%s refused", operation).isPositive();
        }
    }

    @Test
    void withNeverNegativeOffTheLedgerStillEqualsTheBalances() {
        Run run = new Run(StockPolicy.DEFAULT.allowingNegativeStock(), 77L);
        for (int i = 0; i < SEQUENCES; i++) {
            run.sequence(i);
        }
        assertThat(run.negativeSeen).as("negative stock was reached").isTrue();
        assertThat(run.committed(Operation.CASH_SALE)).isPositive();
        assertThat(run.committed(Operation.CANCEL_PAID)).isPositive();
    }
}
