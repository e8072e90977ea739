package io.cuadra.inventory.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A physical count of one warehouse. Compared with the book (the lot stock the system holds for the
 * counted scope) it yields one adjustment per lot whose count differs.
 *
 * <ul>
 *   <li>A lot on the sheet but not on the book was found unexpectedly: its book is zero.</li>
 *   <li>A lot on the book but not on the sheet: zero on a {@link CountCoverage#COMPLETE} sheet,
 *       untouched on a {@link CountCoverage#PARTIAL} one. "Complete" means complete for the book
 *       passed in, so a count of one shelf is complete against that shelf's lots only.</li>
 *   <li>The same lot on several lines (found on two shelves) is summed.</li>
 * </ul>
 */
public record CountSheet(long warehouseId, CountCoverage coverage, List<CountLine> lines) {

    private static final Comparator<StockKey> KEY_ORDER = Comparator.comparingLong(StockKey::itemId)
            .thenComparingLong(StockKey::lotId);

    public CountSheet {
        Objects.requireNonNull(coverage, "coverage");
        lines = List.copyOf(lines);
    }

    public static CountSheet complete(long warehouseId, List<CountLine> lines) {
        return new CountSheet(warehouseId, CountCoverage.COMPLETE, lines);
    }

    public static CountSheet partial(long warehouseId, List<CountLine> lines) {
        return new CountSheet(warehouseId, CountCoverage.PARTIAL, lines);
    }

    /** Non-zero adjustments only, ordered by item then lot. */
    public List<CountAdjustment> adjustmentsAgainst(Collection<LotStock> book) {
        Map<StockKey, Quantity> bookByKey = bookByKey(book);
        Map<StockKey, Quantity> countedByKey = countedByKey(bookByKey);
        if (coverage == CountCoverage.COMPLETE) {
            bookByKey.keySet().forEach(key -> countedByKey.putIfAbsent(key, Quantity.ZERO));
        }
        List<CountAdjustment> adjustments = new ArrayList<>();
        countedByKey.forEach((key, counted) -> {
            CountAdjustment adjustment = new CountAdjustment(key, bookByKey.getOrDefault(key, Quantity.ZERO), counted);
            if (!adjustment.difference().isZero()) {
                adjustments.add(adjustment);
            }
        });
        adjustments.sort(Comparator.comparing(CountAdjustment::key, KEY_ORDER));
        return adjustments;
    }

    private Map<StockKey, Quantity> bookByKey(Collection<LotStock> book) {
        Map<StockKey, Quantity> byKey = new LinkedHashMap<>();
        for (LotStock stock : book) {
            if (stock.warehouseId() != warehouseId) {
                throw new IllegalArgumentException("Book row " + stock.key() + " is not in warehouse " + warehouseId);
            }
            if (byKey.put(stock.key(), stock.onHand()) != null) {
                throw new IllegalArgumentException("Book row " + stock.key() + " passed twice");
            }
        }
        return byKey;
    }

    private Map<StockKey, Quantity> countedByKey(Map<StockKey, Quantity> bookByKey) {
        Map<Long, Long> itemOfBookLot = new LinkedHashMap<>();
        bookByKey.keySet().forEach(key -> itemOfBookLot.put(key.lotId(), key.itemId()));
        Map<StockKey, Quantity> counted = new LinkedHashMap<>();
        for (CountLine line : lines) {
            Long bookItem = itemOfBookLot.get(line.lotId());
            if (bookItem != null && bookItem != line.itemId()) {
                throw new IllegalArgumentException("Lot " + line.lotId() + " belongs to item " + bookItem
                        + ", the sheet says item " + line.itemId());
            }
            counted.merge(new StockKey(warehouseId, line.itemId(), line.lotId()), line.counted(), Quantity::plus);
        }
        return counted;
    }
}
