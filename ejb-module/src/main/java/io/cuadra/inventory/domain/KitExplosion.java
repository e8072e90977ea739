package io.cuadra.inventory.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;

/**
 * Turns an order line into the goods it takes from stock: goods are themselves, services nothing,
 * a kit its components × the quantity sold, recursively. The catalog is supposed to forbid cycles;
 * they are still detected here because a cycle would otherwise recurse until the stack overflows,
 * and nesting deeper than {@code maxDepth} kit levels is refused as a catalog mistake.
 *
 * <p>A component reached through several sub-kits is summed exactly and rounded to three decimals
 * once; a component whose quantity rounds to zero is refused rather than silently left out.
 */
public final class KitExplosion {

    public static final int DEFAULT_MAX_DEPTH = 5;

    private final LongFunction<Optional<CatalogItem>> catalog;
    private final int maxDepth;

    public KitExplosion(LongFunction<Optional<CatalogItem>> catalog, int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("Kits need at least one level; got " + maxDepth);
        }
        this.catalog = catalog;
        this.maxDepth = maxDepth;
    }

    public static KitExplosion over(Collection<CatalogItem> items) {
        Map<Long, CatalogItem> byId = new LinkedHashMap<>();
        items.forEach(item -> byId.put(item.id(), item));
        return new KitExplosion(id -> Optional.ofNullable(byId.get(id)), DEFAULT_MAX_DEPTH);
    }

    public List<StockDemand> explode(long itemId, Quantity quantity) {
        quantity.requirePositive("Quantity sold");
        Map<Long, BigDecimal> exact = new LinkedHashMap<>();
        walk(itemId, quantity.value(), new ArrayList<>(), exact);
        List<StockDemand> demands = new ArrayList<>();
        exact.forEach((goodsId, amount) -> {
            Quantity rounded = Quantity.rounded(amount);
            if (rounded.isZero()) {
                throw new IllegalArgumentException("Selling " + quantity + " of item " + itemId + " needs "
                        + amount.toPlainString() + " of item " + goodsId + ", less than a thousandth");
            }
            demands.add(new StockDemand(goodsId, rounded));
        });
        return demands;
    }

    private void walk(long itemId, BigDecimal factor, List<Long> kitPath, Map<Long, BigDecimal> exact) {
        CatalogItem item = catalog.apply(itemId)
                .orElseThrow(() -> new IllegalArgumentException("Item " + itemId + " is not in the catalog"));
        switch (item.kind()) {
            case GOODS -> exact.merge(itemId, factor, BigDecimal::add);
            case SERVICE -> { }
            case KIT -> walkKit(item, factor, kitPath, exact);
        }
    }

    private void walkKit(CatalogItem kit, BigDecimal factor, List<Long> kitPath, Map<Long, BigDecimal> exact) {
        if (kitPath.contains(kit.id())) {
            throw new KitStructureException("Kit contains itself", append(kitPath, kit.id())).withKey("inventory.kitContainsItself");
        }
        if (kitPath.size() == maxDepth) {
            throw new KitStructureException("Kits nested deeper than " + maxDepth + " levels",
                    append(kitPath, kit.id())).withKey("inventory.kitsTooDeep", maxDepth);
        }
        kitPath.add(kit.id());
        for (KitComponent component : kit.components()) {
            walk(component.itemId(), factor.multiply(component.quantityPerKit().value()), kitPath, exact);
        }
        kitPath.remove(kitPath.size() - 1);
    }

    private static List<Long> append(List<Long> path, long id) {
        List<Long> longer = new ArrayList<>(path);
        longer.add(id);
        return longer;
    }

}
