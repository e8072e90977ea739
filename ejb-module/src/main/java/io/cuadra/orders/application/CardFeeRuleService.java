package io.cuadra.orders.application;

import io.cuadra.orders.domain.CardFeeRule;
import io.cuadra.orders.domain.CardFeeSchedule;
import io.cuadra.orders.domain.TenantCardFeeRule;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's card fee rules. Adding or changing one checks the whole schedule, so two rules are
 * never in force on the same day for a provider and currency.
 */
@Stateless
public class CardFeeRuleService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public List<TenantCardFeeRule> list() {
        return em.createQuery("select r from TenantCardFeeRule r order by r.provider, r.currency, r.effectiveFrom",
                TenantCardFeeRule.class).getResultList();
    }

    public TenantCardFeeRule find(long id) {
        TenantCardFeeRule rule = em.find(TenantCardFeeRule.class, id);
        if (rule == null) {
            throw new NotFound("No card fee rule " + id + ".").withKey("orders.cardFeeRule", id);
        }
        return rule;
    }

    /** Every rule of the tenant, as the payment rules use them. */
    public CardFeeSchedule schedule() {
        return new CardFeeSchedule(list().stream().map(TenantCardFeeRule::toRule).toList());
    }

    public TenantCardFeeRule create(CardFeeRule rule) {
        List<CardFeeRule> all = new ArrayList<>(list().stream().map(TenantCardFeeRule::toRule).toList());
        all.add(rule);
        new CardFeeSchedule(all); // refuses an overlap (422)
        TenantCardFeeRule row = new TenantCardFeeRule(rule);
        em.persist(row);
        em.flush();
        return row;
    }

    /** Typically closes a rule (an end date) the day before the provider's new terms start. */
    public TenantCardFeeRule update(long id, long expectedVersion, CardFeeRule rule) {
        TenantCardFeeRule row = find(id);
        Versions.expect(expectedVersion, row.getVersion(), "Card fee rule " + id);
        List<CardFeeRule> all = new ArrayList<>(list().stream().filter(r -> !r.getId().equals(row.getId()))
                .map(TenantCardFeeRule::toRule).toList());
        all.add(rule);
        new CardFeeSchedule(all);
        row.use(rule);
        em.flush();
        return row;
    }
}
