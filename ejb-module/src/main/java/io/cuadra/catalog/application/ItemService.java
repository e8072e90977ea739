package io.cuadra.catalog.application;

import io.cuadra.catalog.domain.Category;
import io.cuadra.catalog.domain.Item;
import io.cuadra.catalog.domain.ItemPrice;
import io.cuadra.catalog.domain.TaxRate;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.SearchText;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Items of the catalog: listing, editing, repricing and kits. Orders look items up here by id or code. */
@Stateless
public class ItemService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public Page<Item> list(ItemFilter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.search() != null && !filter.search().isBlank()) {
            String folded = SearchText.fold(filter.search());
            where.append(" and (i.searchName like :words escape '\\' or lower(i.code) like :prefix escape '\\'"
                    + " or i.barcode = :exact)");
            params.put("words", SearchText.containsWords(folded));
            params.put("prefix", SearchText.escapeLike(filter.search().strip().toLowerCase(Locale.ROOT)) + "%");
            params.put("exact", filter.search().strip());
        }
        if (filter.categoryId() != null) {
            where.append(" and i.category.id = :category");
            params.put("category", filter.categoryId());
        }
        if (filter.type() != null) {
            where.append(" and i.type = :type");
            params.put("type", filter.type());
        }
        if (filter.active() != null) {
            where.append(" and i.active = :active");
            params.put("active", filter.active());
        }
        TypedQuery<Item> q = em.createQuery("select i from Item i" + where + " order by i.name, i.id", Item.class);
        TypedQuery<Long> count = em.createQuery("select count(i) from Item i" + where, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Item> items = q.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, count.getSingleResult(), page, size);
    }

    /** The next items after an id, for exports that walk all of them in short transactions. */
    public List<Item> batchAfter(long afterId, int size) {
        return em.createQuery("select i from Item i where i.id > :after order by i.id", Item.class)
                .setParameter("after", afterId).setMaxResults(size).getResultList();
    }

    public Item find(long id) {
        Item item = em.find(Item.class, id);
        if (item == null) {
            throw new NotFound("No item " + id + ".").withKey("catalog.item", id);
        }
        return item;
    }

    /** The item a counter or an import names by its code (SKU). */
    public Item byCode(String code) {
        return findByCode(code).orElseThrow(() -> new NotFound("No item with code " + code + ".").withKey("catalog.itemCode", code));
    }

    /** The item a scanner reads; barcodes are not unique by rule, so the active one with it is meant. */
    public Item byBarcode(String barcode) {
        return em.createQuery("select i from Item i where i.barcode = :b order by i.active desc, i.id", Item.class)
                .setParameter("b", barcode).setMaxResults(1).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("No item with barcode " + barcode + ".").withKey("catalog.itemBarcode", barcode));
    }

    /** An item an order may be taken for: it exists and is active. */
    public Item sellable(long id) {
        Item item = find(id);
        if (!item.isActive()) {
            throw new Conflict("Item " + item.getCode() + " is no longer sold.").withKey("catalog.itemLongerSold", item.getCode());
        }
        return item;
    }

    public Item create(ItemDraft draft) {
        duplicateCode(draft.code()).ifPresent(problem -> {
            throw new Conflict(problem).withKey("catalog.itemCodeTaken", draft.code());
        });
        if (draft.price() == null) {
            throw new RuleViolation("price: a new item needs a price.").withKey("catalog.newItemNeeds");
        }
        TaxRate rate = taxRate(draft.taxRateId());
        Item item = draft.newItem(category(draft), rate, components(draft));
        em.persist(item);
        em.flush();
        return item;
    }

    /** Why an item with this code cannot be created: the code is taken. Never throws. */
    public Optional<String> duplicateCode(String code) {
        return codesTaken(List.of(code)).isEmpty() ? Optional.empty() : Optional.of(codeTaken(code));
    }

    /** Which of these codes items already have: the {@link #duplicateCode} rule for many, in one query. */
    public Set<String> codesTaken(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select i.code from Item i where i.code in :c", String.class)
                .setParameter("c", codes).getResultList());
    }

    /** The refusal of a new item whose code is taken. */
    public static String codeTaken(String code) {
        return "There is already an item with code " + code + ".";
    }

    /** The item with this code, if any; for imports, which must not fail a whole chunk on a missing one. */
    public Optional<Item> findByCode(String code) {
        return em.createQuery("select i from Item i where i.code = :code", Item.class).setParameter("code", code)
                .getResultStream().findFirst();
    }

    /** Stores items an import has already checked ({@link ItemDraft#newItem}), in the caller's transaction. */
    public void createAll(List<Item> checked) {
        checked.forEach(em::persist);
        em.flush();
    }

    public Item update(long id, long expectedVersion, ItemDraft draft) {
        Item item = find(id);
        Versions.expect(expectedVersion, item.getVersion(), "Item " + item.getCode());
        if (draft.type() != null && draft.type() != item.getType()) {
            throw new RuleViolation("type: an item stays a " + item.getType() + "; create a new item instead.").withKey("catalog.itemStaysCreate", item.getType());
        }
        if (draft.price() != null && draft.price().compareTo(item.getPrice()) != 0) {
            throw new RuleViolation("price: change the price with a reprice and a reason, not with an edit.").withKey("catalog.changePriceReprice");
        }
        draft.applyTo(item, category(draft), taxRate(draft.taxRateId()), components(draft));
        em.flush();
        return item;
    }

    public ItemPrice reprice(long id, BigDecimal newPrice, String reason) {
        Item item = find(id);
        ItemPrice change = item.reprice(newPrice, reason);
        em.flush();
        return change;
    }

    public List<ItemPrice> priceHistory(long id) {
        find(id);
        return em.createQuery("select p from ItemPrice p where p.item.id = :id order by p.createdAt desc, p.id desc",
                ItemPrice.class).setParameter("id", id).getResultList();
    }

    private Category category(ItemDraft draft) {
        Category category = draft.categoryId() == null ? null : em.find(Category.class, draft.categoryId());
        if (draft.categoryId() != null && category == null) {
            throw new RuleViolation("categoryId: there is no category " + draft.categoryId() + ".").withKey("catalog.category2", draft.categoryId());
        }
        return category;
    }

    private Map<Item, BigDecimal> components(ItemDraft draft) {
        if (draft.components() == null) {
            return null;
        }
        Map<Item, BigDecimal> components = new LinkedHashMap<>();
        draft.components().forEach((componentId, qty) -> components.put(component(componentId), qty));
        return components;
    }

    private Item component(long id) {
        Item component = em.find(Item.class, id);
        if (component == null) {
            throw new RuleViolation("components: there is no item " + id + ".").withKey("catalog.item2", id);
        }
        return component;
    }

    private TaxRate taxRate(long id) {
        TaxRate rate = em.find(TaxRate.class, id);
        if (rate == null) {
            throw new RuleViolation("taxRateId: there is no tax rate " + id + ".").withKey("catalog.taxRate", id);
        }
        return rate;
    }
}
