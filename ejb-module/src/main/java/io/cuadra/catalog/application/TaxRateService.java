package io.cuadra.catalog.application;

import io.cuadra.catalog.domain.TaxRate;
import io.cuadra.catalog.domain.TaxRateDefault;
import io.cuadra.identity.domain.TenantOpened;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The tax rates items can carry (IGV 18%, exonerado, inafecto; TVA 20/10/5,5/2,1 %). */
@Stateless
public class TaxRateService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** The API's and the pages' read of the list: records built here, in this one transaction. */
    public List<TaxRateView> views(String country) {
        return list(country).stream().map(TaxRateView::of).toList();
    }

    public TaxRateView view(long id) {
        return TaxRateView.of(find(id));
    }

    public TaxRateView createView(String country, String name, BigDecimal percent, String affectationCode) {
        return TaxRateView.of(create(country, name, percent, affectationCode));
    }

    public TaxRateView updateView(long id, long expectedVersion, String name, boolean active) {
        return TaxRateView.of(update(id, expectedVersion, name, active));
    }

    /** The country pack's default rates the tenant lacks, added; answers those added. */
    public List<TaxRateView> addDefaultViews(String country) {
        return addDefaults(country).stream().map(TaxRateView::of).toList();
    }

    public List<TaxRate> list(String country) {
        String order = " order by t.country, t.percent desc, t.affectationCode";
        if (country == null || country.isBlank()) {
            return em.createQuery("select t from TaxRate t" + order, TaxRate.class).getResultList();
        }
        return em.createQuery("select t from TaxRate t where t.country = :country" + order, TaxRate.class)
                .setParameter("country", country).getResultList();
    }

    public TaxRate find(long id) {
        TaxRate rate = em.find(TaxRate.class, id);
        if (rate == null) {
            throw new NotFound("No tax rate " + id + ".").withKey("catalog.taxRate2", id);
        }
        return rate;
    }

    public TaxRate create(String country, String name, BigDecimal percent, String affectationCode) {
        boolean taken = !em.createQuery("select t.id from TaxRate t where t.country = :c and t.name = :n", Long.class)
                .setParameter("c", country).setParameter("n", name).getResultList().isEmpty();
        if (taken) {
            throw new Conflict("There is already a tax rate " + name + " for " + country + ".").withKey("catalog.alreadyTaxRate", name, country);
        }
        TaxRate rate = new TaxRate(country, name, percent, affectationCode);
        em.persist(rate);
        em.flush();
        return rate;
    }

    /** A new tenant starts with its country's standard rates (none for a country without defaults). */
    public void seedNewTenant(@Observes TenantOpened opened) {
        addDefaults(opened.country());
    }

    /**
     * Adds the country's standard rates the tenant does not have yet (by name), e.g. for a tenant opened
     * before its country had defaults; answers the ones added.
     */
    public List<TaxRate> addDefaults(String country) {
        Set<String> present = list(country).stream().map(TaxRate::getName).collect(Collectors.toSet());
        List<TaxRate> added = new ArrayList<>();
        for (TaxRateDefault d : em.createQuery("select d from TaxRateDefault d where d.country = :c order by d.position",
                TaxRateDefault.class).setParameter("c", country).getResultList()) {
            if (!present.contains(d.getName())) {
                TaxRate rate = d.copy();
                em.persist(rate);
                added.add(rate);
            }
        }
        em.flush();
        return added;
    }

    public TaxRate update(long id, long expectedVersion, String name, boolean active) {
        TaxRate rate = find(id);
        Versions.expect(expectedVersion, rate.getVersion(), "Tax rate " + rate.getName());
        rate.rename(name, active);
        em.flush();
        return rate;
    }
}
