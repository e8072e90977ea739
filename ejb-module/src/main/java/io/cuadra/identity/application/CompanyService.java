package io.cuadra.identity.application;

import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.LogoImage;
import io.cuadra.identity.domain.Tenant;
import io.cuadra.identity.infrastructure.logo.LogoPrinting;
import io.cuadra.shared.country.CountryPacks;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.Versions;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

/** The tenant's company settings: the issuer on every invoice and the tenant's defaults. */
@Stateless
public class CompanyService {

    /** Transaction resource: the id of the company this transaction already read. */
    private static final Object CURRENT = CompanyService.class.getName() + ".current";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /**
     * The company, read once per transaction: a sale asks for it in orders, billing and the fiscal-regime check; the
     * later asks find it in the transaction's persistence context by id (no statement).
     */
    public Company current() {
        Object held = transaction.getTransactionKey() == null ? null : transaction.getResource(CURRENT);
        if (held instanceof Long id) {
            Company company = em.find(Company.class, id);
            if (company != null) {
                return company;
            }
        }
        Company company = em.createQuery("select c from Company c", Company.class).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("The company settings are missing.").withKey("identity.companySettingsMissing"));
        if (transaction.getTransactionKey() != null) {
            transaction.putResource(CURRENT, company.getId());
        }
        return company;
    }

    public Company update(long expectedVersion, String taxId, String legalName, String tradeName,
                          String fiscalAddress, String district, String province, String department, String ubigeo,
                          Currency currency, BigDecimal defaultTaxPercent, boolean pricesIncludeTax, ZoneId zone) {
        Company company = current();
        Versions.expect(expectedVersion, company.getVersion(), "The company settings");
        var pack = CountryPacks.find(company.getCountry());
        if (pack.isPresent()) {
            // The country's rule: RUC in Peru, RUT in Chile, RFC in Mexico, SIRET/SIREN/VAT in France.
            List<String> types = pack.get().companyTaxIdTypes();
            var check = DocumentType.firstValid(types, taxId);
            if (check.isEmpty()) {
                DocumentCheck refused = DocumentType.valueOf(types.get(0)).check(taxId);
                throw new RuleViolation("taxId: " + refused.problem())
                        .withKey(refused.problemKey(), refused.problemArgs().toArray());
            }
            taxId = check.get().number();
        }
        company.describe(taxId, legalName, tradeName, fiscalAddress, district, province, department, ubigeo);
        company.useDefaults(currency, defaultTaxPercent, pricesIncludeTax, zone);
        em.flush();
        return company;
    }

    /** The caller's tenant: its languages and their version (the company row has its own). */
    /** The tenant's currency (what its amounts are counted in), for components that must not read the company entity. */
    public java.util.Currency currency() {
        return current().currency();
    }

    public Tenant tenant() {
        Tenant tenant = em.find(Tenant.class, CurrentCaller.require().tenantId());
        if (tenant == null) {
            throw new NotFound("The tenant is missing.").withKey("identity.companySettingsMissing");
        }
        return tenant;
    }

    /** The languages the tenant's people work in, the first their default (audited as a change of the tenant). */
    public Tenant changeLanguages(long expectedVersion, List<String> languages) {
        Tenant tenant = tenant();
        Versions.expect(expectedVersion, tenant.getVersion(), "The tenant's languages");
        tenant.speak(languages, CurrentCaller.require().email(), Instant.now());
        em.flush();
        return tenant;
    }

    /**
     * A new logo for the printouts, checked by content ({@link LogoImage}); an SVG is stored as the PNG it
     * draws. {@code null} removes the logo.
     */
    public Company changeLogo(long expectedVersion, byte[] upload) {
        Company company = current();
        Versions.expect(expectedVersion, company.getVersion(), "The company settings");
        if (upload == null) {
            company.useLogo(null, null);
        } else {
            LogoPrinting.Printable printable = LogoPrinting.of(LogoImage.of(upload));
            company.useLogo(printable.bytes(), printable.contentType());
        }
        em.flush();
        return company;
    }
}
