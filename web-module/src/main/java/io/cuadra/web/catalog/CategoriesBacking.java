package io.cuadra.web.catalog;

import io.cuadra.catalog.application.CategoryView;
import io.cuadra.catalog.application.CategoryService;
import io.cuadra.catalog.domain.Category;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Categories page: the list, and a dialog to create one or rename, describe and retire it. */
@Named
@ViewScoped
public class CategoriesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    CategoryService categories;

    private List<CategoryView> rows;
    private Long id;
    private long version;
    private String code;
    private String name;
    private String description;
    private boolean active = true;

    @PostConstruct
    void load() {
        rows = categories.views(false);
    }

    public void startNew() {
        id = null;
        version = 0;
        code = name = description = null;
        active = true;
    }

    public void edit(long categoryId) {
        Category c = FacesActions.attempt(() -> categories.find(categoryId));
        if (c != null) {
            id = c.getId();
            version = c.getVersion();
            code = c.getCode();
            name = c.getName();
            description = c.getDescription();
            active = c.isActive();
        }
    }

    @Permitted(module = Module.CATALOG, action = Action.CREATE)
    public void create() {
        if (FacesActions.succeeded(() -> categories.create(code == null ? null : code.strip(), name, description))) {
            FacesActions.info(Texts.get("catalog.category.saved", name));
            load();
        }
    }

    @Permitted(module = Module.CATALOG, action = Action.EDIT)
    public void update() {
        if (FacesActions.succeeded(() -> categories.update(id, version, name, description, active))) {
            FacesActions.info(Texts.get("catalog.category.saved", name));
            load();
        }
    }

    public boolean isNew() {
        return id == null;
    }

    public List<CategoryView> getRows() {
        return rows;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
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

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
