package io.cuadra.inventory.application;

import io.cuadra.catalog.domain.BundleComponent;
import io.cuadra.catalog.domain.Item;
import io.cuadra.catalog.domain.ItemType;
import io.cuadra.inventory.domain.CatalogItem;
import io.cuadra.inventory.domain.ItemKind;
import io.cuadra.inventory.domain.KitComponent;
import io.cuadra.inventory.domain.KitExplosion;
import io.cuadra.inventory.domain.Quantity;
import io.cuadra.inventory.domain.StockDemand;
import io.cuadra.inventory.domain.StockItem;
import io.cuadra.shared.domain.RuleViolation;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalog as stock sees it: which items are goods, kits or services, and which track lots. */
@Stateless
public class StockCatalog {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public Item item(long id) {
        Item item = em.find(Item.class, id);
        if (item == null) {
            throw new RuleViolation("itemId: there is no item " + id + ".").withKey("catalog.item2", id);
        }
        return item;
    }

    /** An item kept in stock by itself: a product that is not a kit. */
    public Item goods(long id) {
        Item item = item(id);
        if (item.getType() != ItemType.PRODUCT || item.isKit()) {
            throw new RuleViolation("itemId: " + item.getCode() + " is " + (item.isKit() ? "a kit" : "a service")
                    + "; only products that are not kits are kept in stock.").withKey("inventory.onlyProductsKits", item.getCode(), (item.isKit() ? "a kit" : "a service"));
        }
        return item;
    }

    public Map<Long, Item> items(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select i from Item i where i.id in :ids", Item.class)
                .setParameter("ids", ids.stream().distinct().toList()).getResultStream()
                .collect(Collectors.toMap(Item::getId, Function.identity()));
    }

    /**
     * Lots are tracked when the item says so; an item that only tracks expiry is tracked by lot too,
     * since the expiry date belongs to a lot.
     */
    public static boolean lotTracked(Item item) {
        return item.isTrackLots() || item.isTrackExpiry();
    }

    public static StockItem stockItem(Item item) {
        return new StockItem(item.getId(), item.getCode(), lotTracked(item),
                item.getCriticalStock() == null ? null : Quantity.of(item.getCriticalStock()));
    }

    /** The goods selling {@code quantity} of an item takes from stock: itself, a kit's components, or nothing. */
    public List<StockDemand> demands(long itemId, Quantity quantity) {
        return new KitExplosion(id -> Optional.ofNullable(em.find(Item.class, id)).map(StockCatalog::catalogItem),
                KitExplosion.DEFAULT_MAX_DEPTH).explode(itemId, quantity);
    }

    static CatalogItem catalogItem(Item item) {
        if (item.isKit()) {
            List<KitComponent> components = item.getComponents().stream().map(StockCatalog::component).toList();
            return new CatalogItem(item.getId(), ItemKind.KIT, components);
        }
        return item.getType() == ItemType.PRODUCT ? CatalogItem.goods(item.getId()) : CatalogItem.service(item.getId());
    }

    private static KitComponent component(BundleComponent c) {
        return new KitComponent(c.getComponent().getId(), Quantity.of(c.getQuantity()));
    }
}
