package io.cuadra.imports.infrastructure.batch;

import io.cuadra.batch.tabular.RowRejected;
import io.cuadra.catalog.application.CategoryService;
import io.cuadra.catalog.application.ItemDraft;
import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.application.TaxRateService;
import io.cuadra.catalog.domain.Category;
import io.cuadra.catalog.domain.Item;
import io.cuadra.catalog.domain.ItemType;
import io.cuadra.catalog.domain.TaxRate;
import io.cuadra.shared.domain.BusinessException;
import io.cuadra.shared.domain.SearchText;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks one catalog row with the rules an item created by hand meets — the entity's (unit code, price,
 * a service keeps no stock, kits without cycles...) and the service's (code unique per tenant, category
 * and tax rate exist; codes looked up for the whole block of rows read ahead at once) — plus uniqueness
 * within the file. Category and tax rate are named by code or name;
 * kit components by item code, as the export writes them ({@code LAB-HEM x 1; LAB-GLU x 2}).
 */
@Named
@Dependent
public class ItemRowProcessor implements ItemProcessor {

    @EJB
    ItemService items;

    @EJB
    CategoryService categories;

    @EJB
    TaxRateService taxRates;

    @Inject
    StepContext step;

    /** Codes of the rows accepted so far in this execution, with their row; earlier runs are in the database. */
    private final Map<String, Integer> accepted = new HashMap<>();
    private Map<String, Long> categoryIds;
    private List<Rate> rates;

    /** What the processor needs of a tax rate; ids only, the entity is read in each chunk's transaction. */
    private record Rate(long id, String name, BigDecimal percent, String code, boolean active) {
    }

    @Override
    public Object processItem(Object item) throws RowRejected {
        SheetRow row = (SheetRow) item;
        loadReferences();
        ItemType type = row.choice("type", ItemType.class, null);
        if (type == null) {
            throw row.reject("type: this cell is empty (PRODUCT or SERVICE).");
        }
        String code = row.required("code");
        Integer earlier = accepted.get(code);
        if (earlier != null) {
            throw row.reject("code: " + code + " is already on row " + earlier + " of this file.");
        }
        if (row.block().<Set<String>>memo(this::codesTaken).contains(code)) {
            throw row.reject("code: " + ItemService.codeTaken(code));
        }
        String unit = row.text("unitCode");
        Long categoryId = category(row);
        Rate rate = taxRate(row);
        ItemDraft draft = new ItemDraft(type, code, row.text("barcode"), row.required("name"), row.text("description"),
                categoryId, unit != null ? unit.toUpperCase(Locale.ROOT) : type == ItemType.SERVICE ? "ZZ" : "NIU",
                row.requiredDecimal("price"), rate.id(), row.flag("trackLots", false), row.flag("trackExpiry", false),
                row.decimal("criticalStock"), row.decimal("weightKg"), row.decimal("lengthCm"), row.decimal("widthCm"),
                row.decimal("heightCm"), row.flag("active", true), null);
        Map<Item, BigDecimal> components = components(row);
        Item built;
        try {
            Category category = categoryId == null ? null : categories.find(categoryId);
            TaxRate taxRate = taxRates.find(rate.id());
            built = draft.newItem(category, taxRate, components);
        } catch (BusinessException e) {
            throw row.reject(e.getMessage());
        }
        accepted.put(code, row.number());
        pending(step).put(code, built);
        return built;
    }

    /** The codes of a block of rows that items already have, in one query. */
    private Set<String> codesTaken(List<SheetRow> rows) {
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> {
            if (r.text("code") != null) {
                codes.add(r.text("code"));
            }
        });
        return items.codesTaken(codes);
    }

    /** The items accepted in the chunk being built, not stored yet: a kit may name one of them. */
    @SuppressWarnings("unchecked")
    static Map<String, Item> pending(StepContext step) {
        if (!(step.getTransientUserData() instanceof Map)) {
            step.setTransientUserData(new HashMap<String, Item>());
        }
        return (Map<String, Item>) step.getTransientUserData();
    }

    private void loadReferences() {
        if (categoryIds != null) {
            return;
        }
        categoryIds = new HashMap<>();
        for (Category c : categories.list(false)) {
            categoryIds.put(c.getCode().toUpperCase(Locale.ROOT), c.getId());
            categoryIds.putIfAbsent(SearchText.fold(c.getName()), c.getId());
        }
        rates = taxRates.list(null).stream()
                .map(r -> new Rate(r.getId(), r.getName(), r.getPercent(), r.getAffectationCode(), r.isActive()))
                .toList();
    }

    private Long category(SheetRow row) throws RowRejected {
        String value = row.text("category");
        if (value == null) {
            return null;
        }
        Long id = categoryIds.get(value.toUpperCase(Locale.ROOT));
        if (id == null) {
            id = categoryIds.get(SearchText.fold(value));
        }
        if (id == null) {
            throw row.reject("category: there is no category \"" + value + "\" (by code or name); create it first.");
        }
        return id;
    }

    /**
     * By name ("IGV 18%"); else by affectation code and percent ("10" and 18); else the one taxed rate the
     * tenant has, when it has only one.
     */
    private Rate taxRate(SheetRow row) throws RowRejected {
        List<Rate> active = rates.stream().filter(Rate::active).toList();
        String name = row.text("taxRate");
        if (name != null) {
            String folded = SearchText.fold(name);
            return active.stream().filter(r -> SearchText.fold(r.name()).equals(folded)).findFirst()
                    .orElseThrow(() -> row.reject("taxRate: there is no active tax rate \"" + name + "\"; the rates are "
                            + String.join(", ", active.stream().map(Rate::name).toList()) + "."));
        }
        BigDecimal percent = row.decimal("taxPercent");
        String code = row.text("affectationCode");
        if (percent != null || code != null) {
            String wantedCode = code != null ? code : percent.signum() > 0 ? "10" : null;
            List<Rate> matching = active.stream()
                    .filter(r -> wantedCode == null || r.code().equals(wantedCode))
                    .filter(r -> percent == null || r.percent().compareTo(percent) == 0)
                    .toList();
            if (matching.size() == 1) {
                return matching.get(0);
            }
            String wanted = (wantedCode == null ? "" : "affectation code " + wantedCode)
                    + (wantedCode != null && percent != null ? " and " : "")
                    + (percent == null ? "" : percent.stripTrailingZeros().toPlainString() + "%");
            throw row.reject("taxRate: " + (matching.isEmpty() ? "no active tax rate has " : matching.size()
                    + " active tax rates have ") + wanted + "; name the rate in the taxRate column.");
        }
        List<Rate> taxed = active.stream().filter(r -> r.code().equals("10")).toList();
        if (taxed.size() == 1) {
            return taxed.get(0);
        }
        throw row.reject("taxRate: say which tax rate applies (" + String.join(", ", active.stream().map(Rate::name).toList())
                + ").");
    }

    /** "LAB-HEM x 1; LAB-GLU x 2" (also "LAB-HEM*2", or just the code for one); null when not a kit. */
    private Map<Item, BigDecimal> components(SheetRow row) throws RowRejected {
        String value = row.text("kitComponents");
        if (value == null) {
            return null;
        }
        Map<Item, BigDecimal> components = new LinkedHashMap<>();
        for (String part : value.split(";")) {
            if (part.isBlank()) {
                continue;
            }
            String[] codeAndQty = part.strip().split("\\s*[x×*]\\s*(?=[0-9.,]+\\s*$)", 2);
            String code = codeAndQty[0].strip();
            BigDecimal quantity;
            try {
                quantity = codeAndQty.length > 1 ? SheetRow.parseDecimal(codeAndQty[1]) : BigDecimal.ONE;
            } catch (NumberFormatException e) {
                throw row.reject("kitComponents: \"" + part.strip() + "\" is not CODE x QUANTITY.");
            }
            Item component = pending(step).get(code);
            if (component == null) {
                component = items.findByCode(code).orElseThrow(() ->
                        row.reject("kitComponents: there is no item " + code + " (list it on an earlier row or create it first)."));
            }
            if (components.put(component, quantity) != null) {
                throw row.reject("kitComponents: " + code + " is listed twice.");
            }
        }
        return components;
    }
}
