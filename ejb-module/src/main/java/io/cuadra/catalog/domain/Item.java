package io.cuadra.catalog.domain;

import io.cuadra.audit.domain.NotAudited;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.CascadeType;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Something the business sells: goods (PRODUCT) or work (SERVICE), possibly a kit of other items.
 * Its price only changes through {@link #reprice}, which always leaves a history row behind.
 */
@Entity
@Table(name = "items")
public class Item extends TenantEntity {

    /** SUNAT catalog 03 codes are UN/ECE Recommendation 20 codes: 2-3 upper-case letters or digits. */
    private static final Pattern UNIT_CODE = Pattern.compile("[A-Z0-9]{2,3}");

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ItemType type;
    @Column(nullable = false, updatable = false)
    private String code;
    private String barcode;
    @Column(nullable = false)
    private String name;
    private String description;
    @ManyToOne(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "category_id")
    private Category category;
    @Column(name = "unit_code", nullable = false)
    private String unitCode;
    @Column(nullable = false)
    private BigDecimal price;
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "tax_rate_id", nullable = false)
    private TaxRate taxRate;
    @Column(name = "track_lots", nullable = false)
    private boolean trackLots;
    @Column(name = "track_expiry", nullable = false)
    private boolean trackExpiry;
    @Column(name = "critical_stock")
    private BigDecimal criticalStock;
    @Column(name = "weight_kg")
    private BigDecimal weightKg;
    @Column(name = "length_cm")
    private BigDecimal lengthCm;
    @Column(name = "width_cm")
    private BigDecimal widthCm;
    @Column(name = "height_cm")
    private BigDecimal heightCm;
    @Column(nullable = false)
    private boolean active = true;
    /** cuadra_fold(name), computed by the database for accent-insensitive search. */
    @NotAudited
    @Column(name = "search_name", insertable = false, updatable = false)
    private String searchName;

    @NotAudited
    @OneToMany(mappedBy = "item", cascade = CascadeType.PERSIST)
    @OrderBy("createdAt DESC, id DESC")
    private List<ItemPrice> priceHistory = new ArrayList<>();

    @NotAudited
    @OneToMany(mappedBy = "bundle", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    private List<BundleComponent> components = new ArrayList<>();

    protected Item() {
    }

    /** A new item; its first price is the first line of its price history. */
    public Item(ItemType type, String code, String name, String unitCode, BigDecimal price, TaxRate taxRate) {
        this.type = Objects.requireNonNull(type, "type");
        this.code = code;
        this.name = name;
        measureIn(unitCode);
        this.taxRate = Objects.requireNonNull(taxRate, "taxRate");
        BigDecimal first = money(price);
        this.price = first;
        priceHistory.add(new ItemPrice(this, null, first, "Initial price"));
    }

    /** Everything but the price, which has its own rule. */
    public void describe(String name, String description, String barcode, Category category, String unitCode,
                         TaxRate taxRate, boolean active) {
        this.name = name;
        this.description = description;
        this.barcode = barcode == null || barcode.isBlank() ? null : barcode.strip();
        this.category = category;
        measureIn(unitCode);
        this.taxRate = Objects.requireNonNull(taxRate, "taxRate");
        this.active = active;
    }

    /** Stock behaviour: only goods are kept in stock, so only goods have lots, expiry and a critical level. */
    public void stockAs(boolean trackLots, boolean trackExpiry, BigDecimal criticalStock) {
        if (type == ItemType.SERVICE && (trackLots || trackExpiry)) {
            throw new RuleViolation("A service is not kept in stock: it cannot track lots or expiry dates.").withKey("catalog.serviceKeptStock");
        }
        if (criticalStock != null && criticalStock.signum() < 0) {
            throw new RuleViolation("The critical stock level cannot be negative.").withKey("catalog.criticalStockLevel");
        }
        this.trackLots = trackLots;
        this.trackExpiry = trackExpiry;
        this.criticalStock = criticalStock == null ? null : criticalStock.setScale(3, RoundingMode.HALF_UP);
    }

    /** Optional shipping measures; each, when given, is positive. */
    public void measure(BigDecimal weightKg, BigDecimal lengthCm, BigDecimal widthCm, BigDecimal heightCm) {
        for (BigDecimal m : new BigDecimal[]{weightKg, lengthCm, widthCm, heightCm}) {
            if (m != null && m.signum() <= 0) {
                throw new RuleViolation("Weight and dimensions, when given, are above zero.").withKey("catalog.weightDimensionsWhen");
            }
        }
        this.weightKg = weightKg == null ? null : weightKg.setScale(3, RoundingMode.HALF_UP);
        this.lengthCm = lengthCm == null ? null : lengthCm.setScale(2, RoundingMode.HALF_UP);
        this.widthCm = widthCm == null ? null : widthCm.setScale(2, RoundingMode.HALF_UP);
        this.heightCm = heightCm == null ? null : heightCm.setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Changes the price, recording the old one, the new one and why. The only way the price changes,
     * so the history can always explain the current price.
     */
    public ItemPrice reprice(BigDecimal newPrice, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("Say why the price of " + code + " changes.").withKey("catalog.sayWhyPrice", code);
        }
        BigDecimal next = money(newPrice);
        if (next.compareTo(price) == 0) {
            throw new RuleViolation(code + " already costs " + price.toPlainString() + ".").withKey("catalog.alreadyCosts", code, price.toPlainString());
        }
        ItemPrice change = new ItemPrice(this, price, next, reason.strip());
        priceHistory.add(0, change);
        price = next;
        return change;
    }

    /**
     * Makes this item a kit of the given items and quantities (an empty map: no longer a kit). A kit
     * may contain kits, but never itself, directly or through another kit: that would have no end.
     */
    public void useComponents(Map<Item, BigDecimal> wanted) {
        for (Map.Entry<Item, BigDecimal> e : wanted.entrySet()) {
            if (e.getValue() == null || e.getValue().signum() <= 0) {
                throw new RuleViolation("A kit contains a positive quantity of " + e.getKey().getCode() + ".").withKey("catalog.kitContainsPositive", e.getKey().getCode());
            }
            List<String> path = pathTo(e.getKey(), this);
            if (path != null) {
                throw new RuleViolation("Adding " + e.getKey().getCode() + " to kit " + code
                        + " would make the kit contain itself (" + String.join(" > ", path) + ").").withKey("catalog.addingKitWould", e.getKey().getCode(), code, String.join(" > ", path));
            }
        }
        Map<Item, BigDecimal> remaining = new LinkedHashMap<>(wanted);
        components.removeIf(c -> !remaining.containsKey(c.getComponent()));
        for (BundleComponent c : components) {
            c.changeQuantity(scaled(remaining.remove(c.getComponent())));
        }
        remaining.forEach((item, qty) -> components.add(new BundleComponent(this, item, scaled(qty))));
    }

    /** The chain of kits from {@code from} down to {@code target}, or null when target is not inside. */
    private static List<String> pathTo(Item from, Item target) {
        Deque<List<Item>> open = new ArrayDeque<>();
        open.push(List.of(from));
        Set<Item> seen = new HashSet<>();
        while (!open.isEmpty()) {
            List<Item> path = open.pop();
            Item last = path.get(path.size() - 1);
            if (last == target) {
                List<String> codes = new ArrayList<>();
                codes.add(target.code);
                path.forEach(i -> codes.add(i.code));
                return codes;
            }
            if (seen.add(last)) {
                for (BundleComponent c : last.components) {
                    List<Item> longer = new ArrayList<>(path);
                    longer.add(c.getComponent());
                    open.push(longer);
                }
            }
        }
        return null;
    }

    public boolean isKit() {
        return !components.isEmpty();
    }

    private void measureIn(String unitCode) {
        if (unitCode == null || !UNIT_CODE.matcher(unitCode).matches()) {
            throw new RuleViolation("Unit of measure " + unitCode
                    + " is not a SUNAT catalog 03 code (e.g. NIU for units, ZZ for services).").withKey("catalog.unitMeasureSunat", unitCode);
        }
        this.unitCode = unitCode;
    }

    private static BigDecimal money(BigDecimal amount) {
        if (amount == null || amount.signum() < 0) {
            throw new RuleViolation("A price is zero or more; got " + amount + ".").withKey("catalog.priceZeroMore", amount);
        }
        return Money.round(amount);
    }

    private static BigDecimal scaled(BigDecimal quantity) {
        return quantity.setScale(3, RoundingMode.HALF_UP);
    }

    public ItemType getType() {
        return type;
    }

    public String getCode() {
        return code;
    }

    public String getBarcode() {
        return barcode;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public Category getCategory() {
        return category;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public TaxRate getTaxRate() {
        return taxRate;
    }

    public boolean isTrackLots() {
        return trackLots;
    }

    public boolean isTrackExpiry() {
        return trackExpiry;
    }

    public BigDecimal getCriticalStock() {
        return criticalStock;
    }

    public BigDecimal getWeightKg() {
        return weightKg;
    }

    public BigDecimal getLengthCm() {
        return lengthCm;
    }

    public BigDecimal getWidthCm() {
        return widthCm;
    }

    public BigDecimal getHeightCm() {
        return heightCm;
    }

    public boolean isActive() {
        return active;
    }

    public List<ItemPrice> getPriceHistory() {
        return Collections.unmodifiableList(priceHistory);
    }

    public List<BundleComponent> getComponents() {
        return Collections.unmodifiableList(components);
    }
}
