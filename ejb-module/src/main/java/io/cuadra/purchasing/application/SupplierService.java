package io.cuadra.purchasing.application;

import io.cuadra.purchasing.domain.Supplier;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.SearchText;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.Locale;

/** Suppliers of the tenant. */
@Stateless
public class SupplierService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public record SupplierDraft(String name, String country, String taxId, String contactName, String email,
                                String phone, String address, String notes, boolean active) {
    }

    /** The API's and the pages' read of a page: records built here, in this one transaction. */
    public Page<SupplierView> views(String search, Boolean active, int page, int size) {
        return list(search, active, page, size).map(SupplierView::of);
    }

    public SupplierView view(long id) {
        return SupplierView.of(find(id));
    }

    public SupplierView createView(SupplierDraft draft) {
        return SupplierView.of(create(draft));
    }

    public SupplierView updateView(long id, long expectedVersion, SupplierDraft draft) {
        return SupplierView.of(update(id, expectedVersion, draft));
    }

    public Page<Supplier> list(String search, Boolean active, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        boolean searching = search != null && !search.isBlank();
        if (searching) {
            where.append(" and (lower(s.name) like :name escape '\\' or s.taxId like :tax escape '\\')");
        }
        if (active != null) {
            where.append(" and s.active = :active");
        }
        TypedQuery<Supplier> q = em.createQuery("select s from Supplier s" + where + " order by s.name, s.id",
                Supplier.class);
        TypedQuery<Long> count = em.createQuery("select count(s) from Supplier s" + where, Long.class);
        if (searching) {
            String name = "%" + SearchText.escapeLike(search.strip().toLowerCase(Locale.ROOT)) + "%";
            String tax = SearchText.escapeLike(search.strip().toUpperCase(Locale.ROOT)) + "%";
            q.setParameter("name", name).setParameter("tax", tax);
            count.setParameter("name", name).setParameter("tax", tax);
        }
        if (active != null) {
            q.setParameter("active", active);
            count.setParameter("active", active);
        }
        return new Page<>(q.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult(),
                page, size);
    }

    public Supplier find(long id) {
        Supplier s = em.find(Supplier.class, id);
        if (s == null) {
            throw new NotFound("No supplier " + id + ".").withKey("purchasing.supplier2", id);
        }
        return s;
    }

    public Supplier create(SupplierDraft draft) {
        refuseDuplicate(draft.country(), Supplier.checkedTaxId(draft.country(), draft.taxId()), null);
        Supplier s = new Supplier(draft.country(), draft.taxId(), draft.name());
        apply(s, draft);
        em.persist(s);
        em.flush();
        return s;
    }

    public Supplier update(long id, long expectedVersion, SupplierDraft draft) {
        Supplier s = find(id);
        Versions.expect(expectedVersion, s.getVersion(), "Supplier " + s.getName());
        refuseDuplicate(draft.country(), Supplier.checkedTaxId(draft.country(), draft.taxId()), id);
        s.identify(draft.country(), draft.taxId());
        s.rename(draft.name());
        apply(s, draft);
        em.flush();
        return s;
    }

    private static void apply(Supplier s, SupplierDraft draft) {
        s.reachAt(draft.contactName(), draft.email(), draft.phone(), draft.address());
        s.annotate(draft.notes(), draft.active());
    }

    private void refuseDuplicate(String country, String taxId, Long self) {
        if (taxId == null) {
            return; // suppliers without a tax id cannot be told apart by it
        }
        em.createQuery("select s from Supplier s where s.country = :c and s.taxId = :t", Supplier.class)
                .setParameter("c", country).setParameter("t", taxId).getResultStream()
                .filter(other -> !other.getId().equals(self)).findFirst().ifPresent(other -> {
                    throw new Conflict("Supplier " + other.getId() + " (" + other.getName() + ") already has tax id "
                            + taxId + ".").withKey("purchasing.supplierAlreadyTax", other.getId(), other.getName(), taxId);
                });
    }
}
