package io.cuadra.platform.application;

import io.cuadra.billing.application.BillingProfileService;
import io.cuadra.billing.domain.FiscalRegime;
import io.cuadra.identity.application.Invitations;
import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.application.RoleTemplates;
import io.cuadra.identity.application.Secrets;
import io.cuadra.identity.application.TenantProvisioning;
import io.cuadra.identity.application.UserService;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.DefaultRoles;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Tenant;
import io.cuadra.identity.domain.User;
import io.cuadra.orders.application.PaymentMethodService;
import io.cuadra.orders.domain.PaymentMethod;
import io.cuadra.platform.domain.TenantCharter;
import io.cuadra.shared.country.CountryPack;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Set;

/**
 * Opens a tenant in one transaction: the tenant and its company (identity's provisioning, which seeds the
 * default roles and, through TenantOpened, the country's tax rates), the platform settings, the country
 * pack's payment methods, a first location with its series, and the first administrator, invited by
 * e-mail. With an Idempotency-Key the opening happens once: the same key and request answer the same
 * tenant again; the key with another request is refused.
 */
@Stateless
public class TenantOpening {

    private static final String OPERATION = "POST /api/platform/tenants";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    TenantProvisioning provisioning;

    @EJB
    LocationService locations;

    @EJB
    UserService users;

    @EJB
    PaymentMethodService paymentMethods;

    @EJB
    Invitations invitations;

    @EJB
    TenantDirectory directory;

    @EJB
    BillingProfileService billingProfiles;

    @EJB
    RoleTemplates roleTemplates;

    /**
     * @param key         the Idempotency-Key, or null
     * @param fingerprint the request's fingerprint (operation and canonical body), compared on a replay
     */
    public OpenedTenant open(String key, String fingerprint, TenantCharter.Request request, Operator operator,
                             String ip, String userAgent) {
        if (key != null && (key.isBlank() || key.length() > 255)) {
            throw new RuleViolation("Idempotency-Key: 1 to 255 characters.").withKey("platform.characters");
        }
        if (key != null) {
            @SuppressWarnings("unchecked")
            List<Object[]> done = CrossTenantSql.query(em,
                            "select request_hash, tenant_id from platform_requests where idempotency_key = ?1")
                    .setParameter(1, key).getResultList();
            if (!done.isEmpty()) {
                if (!fingerprint.equals(done.get(0)[0])) {
                    throw new RuleViolation("This Idempotency-Key was used for a different request; use a new key"
                            + " for a new request.").withKey("shared.idempotencyKeyUsed");
                }
                return new OpenedTenant(directory.find(((Number) done.get(0)[1]).longValue()), true);
            }
        }
        TenantCharter charter = TenantCharter.of(request);
        if (provisioning.exists(charter.slug())) {
            throw new Conflict("slug: a tenant '" + charter.slug() + "' already exists.").withKey("identity.tenantAlreadyExists", charter.slug());
        }
        String byWhom = "operator:" + operator.email();
        CountryPack pack = charter.pack();
        Company company = new Company(pack.country(), charter.taxId(), charter.legalName(), charter.address(),
                charter.currency(), pack.defaultTaxPercent(), charter.timeZone());
        company.describe(charter.taxId(), charter.legalName(), charter.tradeName(), charter.address(), null, null,
                null, null);
        company.useDefaults(charter.currency(), pack.defaultTaxPercent(), pack.pricesIncludeTax(), charter.timeZone());
        long tenantId = provisioning.open(charter.slug(), charter.displayName(), company, byWhom);
        if (charter.roleTemplate() != null) {
            // The seed business's roles by their own names, beside the defaults (the administrator keeps ADMIN).
            roleTemplates.apply(tenantId, charter.roleTemplate(), byWhom);
        }
        TenantContext.runAs(new Actor(tenantId, null, byWhom, ip, userAgent), () -> {
            em.find(Tenant.class, tenantId).configure(charter.languages(), pack.version());
            furnish(tenantId, charter);
            em.flush();
        });
        if (key != null) {
            CrossTenantSql.query(em, """
                            insert into platform_requests (idempotency_key, operator_id, request_hash, operation, tenant_id)
                            values (?1, ?2, ?3, ?4, ?5)""")
                    .setParameter(1, key).setParameter(2, operator.id()).setParameter(3, fingerprint)
                    .setParameter(4, OPERATION).setParameter(5, tenantId).executeUpdate();
        }
        return new OpenedTenant(directory.find(tenantId), false);
    }

    /** What the new tenant starts with besides its company and roles; runs with the tenant in context. */
    private void furnish(long tenantId, TenantCharter charter) {
        em.setProperty(TenantContext.TENANT_PROPERTY, tenantId);
        CountryPack pack = charter.pack();
        // The regime is billing's setting (its profile): one home, changed later in billing's settings.
        billingProfiles.issueUnder(FiscalRegime.valueOf(charter.fiscalRegime()));
        int position = 1;
        for (CountryPack.PaymentMethodDefault m : pack.paymentMethods()) {
            paymentMethods.create(m.code(), PaymentMethod.valueOf(m.kind()), m.name(), m.requiresReference(),
                    m.feeProvider(), true, position++);
        }
        CountryPack.Series s = pack.series();
        Location first = locations.create(charter.locationCode(), charter.locationName(), charter.address(), null, null,
                charter.timeZone(), s.establishment(), s.invoice(), s.receipt(), s.invoiceCredit(), s.receiptCredit());
        // Nobody knows this password: the administrator chooses one through the invitation link.
        User admin = users.create(charter.adminEmail(), charter.adminUsername(), charter.adminFirstName(),
                charter.adminLastName(), null, Secrets.newToken(), Set.of(DefaultRoles.ADMIN.name()), Set.of(first.getId()));
        invitations.invite(admin, charter.displayName(), charter.adminUsername() == null ? charter.adminEmail()
                : charter.adminUsername() + "@" + charter.slug());
    }
}
