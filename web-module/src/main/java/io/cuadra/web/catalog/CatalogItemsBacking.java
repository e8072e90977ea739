package io.cuadra.web.catalog;

import io.cuadra.catalog.application.CategoryView;
import io.cuadra.catalog.application.CategoryService;
import io.cuadra.catalog.application.ItemFilter;
import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.ItemType;
import io.cuadra.web.catalog.CatalogViews.ItemView;
import io.cuadra.web.shell.PagedModel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.util.List;

/** Catalog page: items by name with lazy paging, filtered by search text, category, type and active. */
@Named
@ViewScoped
public class CatalogItemsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    ItemService items;

    @EJB
    CategoryService categories;

    private String search;
    private Long categoryId;
    private ItemType type;
    private Boolean active = Boolean.TRUE;
    private List<CategoryView> categoryOptions;

    private final LazyDataModel<ItemView> rows = PagedModel.of(
            (n, s) -> items.list(filter(), n, s).map(ItemView::of), row -> Long.toString(row.id()));

    @PostConstruct
    void load() {
        categoryOptions = categories.views(false);
    }

    private ItemFilter filter() {
        return new ItemFilter(search, categoryId, type, active);
    }

    public LazyDataModel<ItemView> getRows() {
        return rows;
    }

    public List<CategoryView> getCategoryOptions() {
        return categoryOptions;
    }

    public List<ItemType> getTypes() {
        return List.of(ItemType.values());
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public ItemType getType() {
        return type;
    }

    public void setType(ItemType type) {
        this.type = type;
    }

    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }
}
