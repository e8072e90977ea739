package io.cuadra.web.tenants;

import io.cuadra.identity.domain.RoleTemplateSet;
import io.cuadra.platform.application.CurrentOperator;
import io.cuadra.platform.application.OpenedTenant;
import io.cuadra.platform.application.TenantDirectory;
import io.cuadra.platform.application.TenantOpening;
import io.cuadra.platform.application.TenantView;
import io.cuadra.platform.domain.TenantCharter;
import io.cuadra.shared.country.CountryPack;
import io.cuadra.shared.country.CountryPacks;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The operator's tenants page: the list, suspending and reactivating, and the opening form. */
@Named
@RequestScoped
public class TenantsBacking {

    @EJB
    TenantDirectory directory;

    @EJB
    TenantOpening opening;

    private final Map<Long, String> reasons = new HashMap<>();
    private List<TenantView> rows;

    private String country = "PE";
    private String slug;
    private String legalName;
    private String tradeName;
    private String taxId;
    private String address;
    private String currency;
    private String timeZone;
    private String languages;
    private String locationCode;
    private String adminEmail;
    private String adminFirstName;
    private String adminLastName;
    private String adminUsername;
    private String roleTemplate;

    public List<TenantView> getRows() {
        if (rows == null) {
            rows = directory.list();
        }
        return rows;
    }

    public List<CountryPack> getPacks() {
        return CountryPacks.all();
    }

    public String getOperator() {
        return CurrentOperator.require().email();
    }

    public void open() {
        List<String> langs = languages == null || languages.isBlank() ? List.of()
                : Arrays.stream(languages.split("[,\\s]+")).filter(l -> !l.isBlank()).toList();
        OpenedTenant opened = FacesActions.attempt(() -> opening.open(null, null, new TenantCharter.Request(slug,
                legalName, tradeName, taxId, address, country, currency, timeZone, langs, null, locationCode, null,
                adminEmail, adminFirstName, adminLastName, adminUsername, roleTemplate), CurrentOperator.require(), request().getRemoteAddr(),
                request().getHeader("User-Agent")));
        if (opened != null) {
            FacesActions.info(Texts.get("tenants.opened") + " " + opened.tenant().slug() + " · " + adminEmail);
            rows = null;
            slug = legalName = tradeName = taxId = address = currency = timeZone = languages = locationCode = null;
            adminEmail = adminFirstName = adminLastName = adminUsername = roleTemplate = null;
        }
    }

    public void suspend(long id) {
        if (FacesActions.succeeded(() -> directory.suspend(id, reasons.get(id), CurrentOperator.require(),
                request().getRemoteAddr(), request().getHeader("User-Agent")))) {
            FacesActions.info(Texts.get("tenants.suspended"));
            rows = null;
        }
    }

    public void reactivate(long id) {
        if (FacesActions.succeeded(() -> directory.reactivate(id, CurrentOperator.require(),
                request().getRemoteAddr(), request().getHeader("User-Agent")))) {
            FacesActions.info(Texts.get("tenants.reactivated"));
            rows = null;
        }
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    /** The seed businesses whose roles a tenant can start with (RoleTemplateSet). */
    public List<RoleTemplateSet> getRoleTemplates() {
        return List.of(RoleTemplateSet.values());
    }

    public String getAdminUsername() {
        return adminUsername;
    }

    public void setAdminUsername(String adminUsername) {
        this.adminUsername = adminUsername;
    }

    public String getRoleTemplate() {
        return roleTemplate;
    }

    public void setRoleTemplate(String roleTemplate) {
        this.roleTemplate = roleTemplate;
    }

    public Map<Long, String> getReasons() {
        return reasons;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getSlug() {
        return slug;
    }

    public void setSlug(String slug) {
        this.slug = slug;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getTradeName() {
        return tradeName;
    }

    public void setTradeName(String tradeName) {
        this.tradeName = tradeName;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getLanguages() {
        return languages;
    }

    public void setLanguages(String languages) {
        this.languages = languages;
    }

    public String getLocationCode() {
        return locationCode;
    }

    public void setLocationCode(String locationCode) {
        this.locationCode = locationCode;
    }

    public String getAdminEmail() {
        return adminEmail;
    }

    public void setAdminEmail(String adminEmail) {
        this.adminEmail = adminEmail;
    }

    public String getAdminFirstName() {
        return adminFirstName;
    }

    public void setAdminFirstName(String adminFirstName) {
        this.adminFirstName = adminFirstName;
    }

    public String getAdminLastName() {
        return adminLastName;
    }

    public void setAdminLastName(String adminLastName) {
        this.adminLastName = adminLastName;
    }
}
