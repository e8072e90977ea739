package io.cuadra.inventory.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the lots a sale is taken from. "FEFO" below stands for the tenant's picking order
 * ({@link StockPolicy#picking()}): FEFO by default, FIFO (earliest receipt first) when chosen.
 *
 * <ul>
 *   <li>FEFO: {@link Lot#FEFO_ORDER} over the sellable lots; lots with nothing (or less than
 *       nothing) on hand are skipped.</li>
 *   <li>Expired lots (expiry before the business date) are not sellable while the tenant blocks
 *       them, not even when chosen; a lot expiring on the business date is sellable.</li>
 *   <li>A chosen lot: only that lot.</li>
 *   <li>An untracked item: its single implicit lot, which the caller always passes (even at zero).</li>
 *   <li>Never negative on: a shortfall is refused with {@link InsufficientStockException}. Off: every
 *       sellable lot is emptied in FEFO order and the shortfall is charged to the <b>last sellable
 *       lot in FEFO order</b> (latest expiry, undated lots last; the chosen lot when one was chosen;
 *       the implicit lot for untracked items). That keeps earlier-expiring lots at exactly zero, so
 *       expiry alerts stay truthful, and puts the debt on one lot a late receipt or a count settles.
 *       With no sellable lot at all there is nothing to charge and the sale is refused anyway.</li>
 * </ul>
 */
public final class FefoPicker {

    private final StockPolicy policy;
    private final Comparator<LotStock> order;

    public FefoPicker(StockPolicy policy) {
        this.policy = policy;
        this.order = Comparator.comparing(LotStock::lot, policy.picking().lots());
    }

    /**
     * @param stock the lot stock of the item in the request's warehouse; takes nothing from it
     *              itself — the result says what to record
     */
    public StockPick pick(PickRequest request, Collection<LotStock> stock) {
        checkBelongsToRequest(request, stock);
        if (request.chosenLot().isPresent()) {
            return pickChosenLot(request, stock, request.chosenLot().getAsLong());
        }
        if (!request.item().lotTracked() && (stock.size() != 1 || !stock.iterator().next().lot().isImplicit())) {
            throw new IllegalArgumentException("Item " + request.item().code()
                    + " is not lot-tracked: pass exactly its implicit lot");
        }
        return pickFefo(request, stock);
    }

    private StockPick pickFefo(PickRequest request, Collection<LotStock> stock) {
        List<LotStock> sellable = stock.stream()
                .filter(s -> s.isSellableOn(request.businessDate(), policy))
                .sorted(order)
                .toList();
        Quantity available = sellable.stream().map(LotStock::takeable).reduce(Quantity.ZERO, Quantity::plus);
        Quantity shortfall = request.quantity().minus(available).max(Quantity.ZERO);
        if (shortfall.isPositive() && (policy.neverNegative() || sellable.isEmpty())) {
            throw new InsufficientStockException(request.item().id(), request.quantity(), available);
        }

        Map<LotStock, Quantity> plan = new LinkedHashMap<>();
        Quantity remaining = request.quantity();
        for (LotStock lot : sellable) {
            Quantity taken = remaining.min(lot.takeable());
            if (taken.isPositive()) {
                plan.put(lot, taken);
                remaining = remaining.minus(taken);
            }
        }
        if (remaining.isPositive()) {
            plan.merge(sellable.get(sellable.size() - 1), remaining, Quantity::plus);
        }
        return toPick(request, plan, shortfall);
    }

    private StockPick pickChosenLot(PickRequest request, Collection<LotStock> stock, long lotId) {
        LotStock chosen = stock.stream()
                .filter(s -> s.lot().id() == lotId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Lot " + lotId + " has no stock row in warehouse "
                        + request.warehouseId()));
        if (!chosen.isSellableOn(request.businessDate(), policy)) {
            throw new ExpiredLotException(chosen.lot(), request.businessDate());
        }
        Quantity shortfall = request.quantity().minus(chosen.takeable()).max(Quantity.ZERO);
        if (shortfall.isPositive() && policy.neverNegative()) {
            throw new InsufficientStockException(request.item().id(), lotId, request.quantity(), chosen.takeable());
        }
        Map<LotStock, Quantity> plan = new LinkedHashMap<>();
        plan.put(chosen, request.quantity());
        return toPick(request, plan, shortfall);
    }

    private StockPick toPick(PickRequest request, Map<LotStock, Quantity> plan, Quantity shortfall) {
        List<LotTake> takes = new ArrayList<>();
        List<LotStock> after = new ArrayList<>();
        plan.forEach((lot, quantity) -> {
            takes.add(new LotTake(lot.lot(), quantity));
            after.add(lot.take(quantity, policy));
        });
        return new StockPick(request.warehouseId(), request.item().id(), request.quantity(), takes, after, shortfall);
    }

    private static void checkBelongsToRequest(PickRequest request, Collection<LotStock> stock) {
        Set<Long> lotIds = new HashSet<>();
        for (LotStock s : stock) {
            if (s.itemId() != request.item().id() || s.warehouseId() != request.warehouseId()) {
                throw new IllegalArgumentException("Stock " + s.key() + " is not item " + request.item().id()
                        + " in warehouse " + request.warehouseId());
            }
            if (!lotIds.add(s.lot().id())) {
                throw new IllegalArgumentException("Lot " + s.lot().id() + " passed twice");
            }
        }
    }
}
