package io.cuadra.catalog.application;

import io.cuadra.catalog.domain.Category;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/** The tenant's catalog categories. */
@Stateless
public class CategoryService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** The API's and the pages' read of the list: records built here, in this one transaction. */
    public List<CategoryView> views(boolean activeOnly) {
        return list(activeOnly).stream().map(CategoryView::of).toList();
    }

    public CategoryView view(long id) {
        return CategoryView.of(find(id));
    }

    public CategoryView createView(String code, String name, String description) {
        return CategoryView.of(create(code, name, description));
    }

    public CategoryView updateView(long id, long expectedVersion, String name, String description, boolean active) {
        return CategoryView.of(update(id, expectedVersion, name, description, active));
    }

    public List<Category> list(boolean activeOnly) {
        return em.createQuery("select c from Category c where c.active = true or :all = true order by c.name",
                Category.class).setParameter("all", !activeOnly).getResultList();
    }

    public Category find(long id) {
        Category category = em.find(Category.class, id);
        if (category == null) {
            throw new NotFound("No category " + id + ".").withKey("catalog.category", id);
        }
        return category;
    }

    public Category create(String code, String name, String description) {
        refuseDuplicate(null, code, name);
        Category category = new Category(code, name, description);
        em.persist(category);
        em.flush();
        return category;
    }

    public Category update(long id, long expectedVersion, String name, String description, boolean active) {
        Category category = find(id);
        Versions.expect(expectedVersion, category.getVersion(), "Category " + category.getCode());
        refuseDuplicate(id, null, name);
        category.describe(name, description, active);
        em.flush();
        return category;
    }

    private void refuseDuplicate(Long self, String code, String name) {
        List<Category> same = em.createQuery("select c from Category c where c.code = :code or c.name = :name",
                Category.class).setParameter("code", code == null ? "" : code).setParameter("name", name)
                .getResultList();
        for (Category c : same) {
            if (!c.getId().equals(self)) {
                throw c.getCode().equals(code)
                        ? new Conflict("There is already a category " + code + ".").withKey("catalog.categoryCodeTaken", code)
                        : new Conflict("There is already a category named " + name + " (" + c.getCode() + ").")
                                .withKey("catalog.categoryNameTaken", name, c.getCode());
            }
        }
    }
}
