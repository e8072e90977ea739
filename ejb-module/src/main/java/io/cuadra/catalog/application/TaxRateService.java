package io.cuadra.catalog.application;

import io.cuadra.catalog.domain.TaxRate;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.math.BigDecimal;
import java.util.List;

/** The tax rates items can carry (IGV 18%, exonerado, inafecto; TVA 20/10/5,5/2,1 %). */
@Stateless
public class TaxRateService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

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
            throw new NotFound("No tax rate " + id + ".");
        }
        return rate;
    }

    public TaxRate create(String country, String name, BigDecimal percent, String affectationCode) {
        boolean taken = !em.createQuery("select t.id from TaxRate t where t.country = :c and t.name = :n", Long.class)
                .setParameter("c", country).setParameter("n", name).getResultList().isEmpty();
        if (taken) {
            throw new Conflict("There is already a tax rate " + name + " for " + country + ".");
        }
        TaxRate rate = new TaxRate(country, name, percent, affectationCode);
        em.persist(rate);
        em.flush();
        return rate;
    }

    public TaxRate update(long id, long expectedVersion, String name, boolean active) {
        TaxRate rate = find(id);
        Versions.expect(expectedVersion, rate.getVersion(), "Tax rate " + rate.getName());
        rate.rename(name, active);
        em.flush();
        return rate;
    }
}
