package io.cuadra.billing.application;

import io.cuadra.billing.domain.BillingProfile;
import io.cuadra.billing.domain.FiscalRegime;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;

/**
 * The tenant's billing profile (French legal mentions, payment terms text, fiscal regime); created on
 * first save.
 */
@Stateless
public class BillingProfileService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    CompanyService companies;

    /** The regime the tenant issues under: its choice, else its company's country's. */
    public FiscalRegime regime() {
        return current().regimeFor(companies.current().getCountry());
    }

    /** The profile and the regime it issues under in the tenant's country, read in one transaction. */
    public record ProfileRead(BillingProfile profile, FiscalRegime regime) {
    }

    public ProfileRead read() {
        return new ProfileRead(current(), regime());
    }

    public BillingProfile current() {
        return em.createQuery("select p from BillingProfile p", BillingProfile.class).getResultStream().findFirst()
                .orElseGet(BillingProfile::new);
    }

    /** Issue under {@code regime} from now on (the operator's choice when opening the tenant). */
    public void issueUnder(FiscalRegime regime) {
        BillingProfile profile = current();
        if (profile.getId() == null) {
            em.persist(profile);
        }
        profile.issueUnder(regime);
        em.flush();
    }

    public BillingProfile update(Long expectedVersion, String legalForm, BigDecimal shareCapital, String siret,
                                 String rcsCity, String vatNumber, String paymentTermsText,
                                 String vatExemptionMention, FiscalRegime regime) {
        BillingProfile profile = current();
        if (profile.getId() != null) {
            Versions.expect(expectedVersion == null ? -1 : expectedVersion, profile.getVersion(), "The billing profile");
        } else {
            em.persist(profile);
        }
        profile.describe(legalForm, shareCapital, siret, rcsCity, vatNumber, paymentTermsText, vatExemptionMention);
        if (regime != null) {
            profile.issueUnder(regime);
        }
        em.flush();
        return profile;
    }
}
