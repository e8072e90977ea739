package io.cuadra.web.catalog;

import io.cuadra.catalog.application.TaxRateView;
import io.cuadra.catalog.application.CategoryView;
import io.cuadra.catalog.application.CategoryService;
import io.cuadra.catalog.application.ItemDraft;
import io.cuadra.catalog.application.ItemFilter;
import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.application.TaxRateService;
import io.cuadra.catalog.domain.BundleComponent;
import io.cuadra.catalog.domain.Item;
import io.cuadra.catalog.domain.ItemType;
import io.cuadra.catalog.domain.TaxRate;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.web.catalog.CatalogViews.PriceView;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.PrimeFaces;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Item editor: every field of an item, its kit components, its price history, and the price-change
 * dialog (the price of an existing item only changes there, with a reason).
 */
@Named
@ViewScoped
public class ItemEditorBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** SUNAT catalog 03 units offered in the list; any other code can be typed. */
    private static final List<String> UNITS = List.of("NIU", "ZZ", "KGM", "GRM", "LTR", "MLT", "MTR", "BX", "PK", "SET");

    @EJB
    ItemService items;
    @EJB
    CategoryService categories;
    @EJB
    TaxRateService taxRates;

    private Long id;
    private long version;
    private ItemType type = ItemType.PRODUCT;
    private String code;
    private String barcode;
    private String name;
    private String description;
    private Long categoryId;
    private String unitCode = "NIU";
    private BigDecimal price;
    private Long taxRateId;
    private boolean trackLots;
    private boolean trackExpiry;
    private BigDecimal criticalStock;
    private BigDecimal weightKg;
    private BigDecimal lengthCm;
    private BigDecimal widthCm;
    private BigDecimal heightCm;
    private boolean active = true;
    private List<ComponentRow> components = new ArrayList<>();
    private String componentCode;
    private BigDecimal componentQuantity = BigDecimal.ONE;
    private List<PriceView> history = List.of();
    private BigDecimal newPrice;
    private String priceReason;
    private List<CategoryView> categoryOptions;
    private List<TaxRateView> taxRateOptions;

    /** A line of the kit being edited. */
    public static final class ComponentRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long itemId;
        private final String code;
        private final String name;
        private BigDecimal quantity;

        ComponentRow(long itemId, String code, String name, BigDecimal quantity) {
            this.itemId = itemId;
            this.code = code;
            this.name = name;
            this.quantity = quantity;
        }

        public long getItemId() {
            return itemId;
        }

        public String getCode() {
            return code;
        }

        public String getName() {
            return name;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }
    }

    /** f:viewAction: the item named by ?id=, or a new one. */
    public void load() {
        categoryOptions = categories.views(false);
        List<TaxRate> rates = taxRates.list(null);
        taxRateOptions = rates.stream().map(TaxRateView::of).toList();
        if (id == null) {
            taxRateId = rates.stream().filter(r -> r.isActive() && r.getAffectationCode().equals("10"))
                    .map(TaxRate::getId).findFirst().orElse(null);
            return;
        }
        Item item = FacesActions.attempt(() -> items.find(id));
        if (item == null) {
            id = null;
            return;
        }
        show(item);
    }

    private void show(Item item) {
        id = item.getId();
        version = item.getVersion();
        type = item.getType();
        code = item.getCode();
        barcode = item.getBarcode();
        name = item.getName();
        description = item.getDescription();
        categoryId = item.getCategory() == null ? null : item.getCategory().getId();
        unitCode = item.getUnitCode();
        price = item.getPrice();
        taxRateId = item.getTaxRate().getId();
        trackLots = item.isTrackLots();
        trackExpiry = item.isTrackExpiry();
        criticalStock = item.getCriticalStock();
        weightKg = item.getWeightKg();
        lengthCm = item.getLengthCm();
        widthCm = item.getWidthCm();
        heightCm = item.getHeightCm();
        active = item.isActive();
        components = new ArrayList<>();
        for (BundleComponent c : item.getComponents()) {
            components.add(new ComponentRow(c.getComponent().getId(), c.getComponent().getCode(),
                    c.getComponent().getName(), c.getQuantity()));
        }
        history = items.priceHistory(item.getId()).stream().map(PriceView::of).toList();
    }

    @Permitted(module = Module.CATALOG, action = Action.CREATE)
    public String create() {
        Item created = FacesActions.attempt(() -> items.create(draft(price)));
        if (created == null) {
            return null;
        }
        FacesActions.info(Texts.get("catalog.item.saved", created.getCode()));
        return "/catalog/item?faces-redirect=true&id=" + created.getId();
    }

    @Permitted(module = Module.CATALOG, action = Action.EDIT)
    public void update() {
        Item saved = FacesActions.attempt(() -> items.update(id, version, draft(null)));
        if (saved != null) {
            show(saved);
            FacesActions.info(Texts.get("catalog.item.saved", saved.getCode()));
        }
    }

    /** The price-change dialog: the only way an existing item's price changes, always with a reason. */
    @Permitted(module = Module.CATALOG, action = Action.EDIT)
    public void reprice() {
        if (FacesActions.succeeded(() -> items.reprice(id, newPrice, priceReason))) {
            show(items.find(id));
            FacesActions.info(Texts.get("catalog.item.repriced", code, price));
            newPrice = null;
            priceReason = null;
        } else {
            // The dialog stays open with the refusal (same price, no reason...) in it.
            PrimeFaces.current().ajax().addCallbackParam("repriceFailed", true);
        }
    }

    public void startReprice() {
        newPrice = price;
        priceReason = null;
    }

    /** Adds the item whose code was picked to the kit (its quantity is summed if it is there already). */
    public void addComponent() {
        String picked = componentCode == null ? "" : componentCode.split(" · ")[0].strip();
        if (picked.isEmpty()) {
            return;
        }
        Item component = items.findByCode(picked).orElse(null);
        if (component == null) {
            FacesActions.error(Texts.get("catalog.item.noSuchComponent", picked));
            return;
        }
        BigDecimal quantity = componentQuantity == null ? BigDecimal.ONE : componentQuantity;
        components.stream().filter(c -> c.getItemId() == component.getId()).findFirst().ifPresentOrElse(
                c -> c.setQuantity(c.getQuantity().add(quantity)),
                () -> components.add(new ComponentRow(component.getId(), component.getCode(), component.getName(),
                        quantity)));
        componentCode = null;
        componentQuantity = BigDecimal.ONE;
    }

    public void removeComponent(long itemId) {
        components.removeIf(c -> c.getItemId() == itemId);
    }

    /** Items for the kit's autocomplete: "CODE · Name". */
    public List<String> completeComponent(String query) {
        return items.list(new ItemFilter(query, null, null, true), 0, 12).items().stream()
                .filter(i -> !i.getId().equals(id))
                .map(i -> i.getCode() + " · " + i.getName()).toList();
    }

    private ItemDraft draft(BigDecimal withPrice) {
        Map<Long, BigDecimal> parts = new LinkedHashMap<>();
        components.forEach(c -> parts.put(c.getItemId(), c.getQuantity()));
        return new ItemDraft(type, code == null ? null : code.strip(), barcode, name == null ? null : name.strip(),
                description, categoryId, unitCode == null ? null : unitCode.strip().toUpperCase(java.util.Locale.ROOT),
                withPrice, taxRateId == null ? 0 : taxRateId, trackLots, trackExpiry, criticalStock, weightKg, lengthCm,
                widthCm, heightCm, active, parts);
    }

    public boolean isNew() {
        return id == null;
    }

    public List<ItemType> getTypes() {
        return List.of(ItemType.values());
    }

    public List<String> getUnits() {
        return UNITS;
    }

    public List<CategoryView> getCategoryOptions() {
        return categoryOptions;
    }

    public List<TaxRateView> getTaxRateOptions() {
        return taxRateOptions;
    }

    public List<PriceView> getHistory() {
        return history;
    }

    public List<ComponentRow> getComponents() {
        return components;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ItemType getType() {
        return type;
    }

    public void setType(ItemType type) {
        this.type = type;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getBarcode() {
        return barcode;
    }

    public void setBarcode(String barcode) {
        this.barcode = barcode;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public Long getTaxRateId() {
        return taxRateId;
    }

    public void setTaxRateId(Long taxRateId) {
        this.taxRateId = taxRateId;
    }

    public boolean isTrackLots() {
        return trackLots;
    }

    public void setTrackLots(boolean trackLots) {
        this.trackLots = trackLots;
    }

    public boolean isTrackExpiry() {
        return trackExpiry;
    }

    public void setTrackExpiry(boolean trackExpiry) {
        this.trackExpiry = trackExpiry;
    }

    public BigDecimal getCriticalStock() {
        return criticalStock;
    }

    public void setCriticalStock(BigDecimal criticalStock) {
        this.criticalStock = criticalStock;
    }

    public BigDecimal getWeightKg() {
        return weightKg;
    }

    public void setWeightKg(BigDecimal weightKg) {
        this.weightKg = weightKg;
    }

    public BigDecimal getLengthCm() {
        return lengthCm;
    }

    public void setLengthCm(BigDecimal lengthCm) {
        this.lengthCm = lengthCm;
    }

    public BigDecimal getWidthCm() {
        return widthCm;
    }

    public void setWidthCm(BigDecimal widthCm) {
        this.widthCm = widthCm;
    }

    public BigDecimal getHeightCm() {
        return heightCm;
    }

    public void setHeightCm(BigDecimal heightCm) {
        this.heightCm = heightCm;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public String getComponentCode() {
        return componentCode;
    }

    public void setComponentCode(String componentCode) {
        this.componentCode = componentCode;
    }

    public BigDecimal getComponentQuantity() {
        return componentQuantity;
    }

    public void setComponentQuantity(BigDecimal componentQuantity) {
        this.componentQuantity = componentQuantity;
    }

    public BigDecimal getNewPrice() {
        return newPrice;
    }

    public void setNewPrice(BigDecimal newPrice) {
        this.newPrice = newPrice;
    }

    public String getPriceReason() {
        return priceReason;
    }

    public void setPriceReason(String priceReason) {
        this.priceReason = priceReason;
    }
}
