package io.cuadra.web.identity;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Module;
import io.cuadra.identity.domain.Tenant;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;

/** Company settings page. */
@Named
@ViewScoped
public class CompanyBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> OFFERED = List.of("es", "en", "fr");

    @EJB
    CompanyService company;

    private long version;
    private String country;
    private String taxId;
    private String legalName;
    private String tradeName;
    private String fiscalAddress;
    private String district;
    private String province;
    private String department;
    private String ubigeo;
    private String currency;
    private BigDecimal defaultTaxPercent;
    private boolean pricesIncludeTax;
    private String timeZone;
    /** The tenant's languages: those its people work in, and the one they start with before choosing. */
    private List<String> languages = List.of();
    private String defaultLanguage;
    private long tenantVersion;

    @PostConstruct
    void load() {
        Tenant t = company.tenant();
        tenantVersion = t.getVersion();
        languages = new ArrayList<>(t.languages());
        defaultLanguage = t.languages().get(0);
        Company c = company.current();
        version = c.getVersion();
        country = c.getCountry();
        taxId = c.getTaxId();
        legalName = c.getLegalName();
        tradeName = c.getTradeName();
        fiscalAddress = c.getFiscalAddress();
        district = c.getDistrict();
        province = c.getProvince();
        department = c.getDepartment();
        ubigeo = c.getUbigeo();
        currency = c.currency().getCurrencyCode();
        defaultTaxPercent = c.getDefaultTaxPercent();
        pricesIncludeTax = c.isPricesIncludeTax();
        timeZone = c.zone().getId();
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void save() {
        if (FacesActions.succeeded(() -> company.update(version, taxId, legalName, tradeName, fiscalAddress, district,
                province, department, ubigeo, Currency.getInstance(currency), defaultTaxPercent, pricesIncludeTax,
                ZoneId.of(timeZone)))) {
            FacesActions.info(Texts.get("company.saved"));
            load();
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void saveLanguages() {
        // The default first, then the others in the back office's own order.
        List<String> ordered = new ArrayList<>();
        if (defaultLanguage != null) {
            ordered.add(defaultLanguage);
        }
        languages.stream().filter(l -> !l.equals(defaultLanguage)).sorted(LANGUAGE_ORDER).forEach(ordered::add);
        if (FacesActions.succeeded(() -> company.changeLanguages(tenantVersion, ordered))) {
            FacesActions.info(Texts.get("company.languagesSaved"));
            load();
        }
    }

    private static final Comparator<String> LANGUAGE_ORDER = Comparator.comparingInt(OFFERED::indexOf);

    /** The languages the back office is written in, as the page offers them. */
    public List<String> getOfferedLanguages() {
        return OFFERED;
    }

    public List<String> getLanguages() {
        return languages;
    }

    public void setLanguages(List<String> languages) {
        this.languages = languages == null ? List.of() : new ArrayList<>(languages);
    }

    public String getDefaultLanguage() {
        return defaultLanguage;
    }

    public void setDefaultLanguage(String defaultLanguage) {
        this.defaultLanguage = defaultLanguage;
    }

    public String getCountry() {
        return country;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
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

    public String getFiscalAddress() {
        return fiscalAddress;
    }

    public void setFiscalAddress(String fiscalAddress) {
        this.fiscalAddress = fiscalAddress;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getProvince() {
        return province;
    }

    public void setProvince(String province) {
        this.province = province;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getUbigeo() {
        return ubigeo;
    }

    public void setUbigeo(String ubigeo) {
        this.ubigeo = ubigeo;
    }

    public String getCurrency() {
        return currency;
    }

    public void setCurrency(String currency) {
        this.currency = currency;
    }

    public BigDecimal getDefaultTaxPercent() {
        return defaultTaxPercent;
    }

    public void setDefaultTaxPercent(BigDecimal defaultTaxPercent) {
        this.defaultTaxPercent = defaultTaxPercent;
    }

    public boolean isPricesIncludeTax() {
        return pricesIncludeTax;
    }

    public void setPricesIncludeTax(boolean pricesIncludeTax) {
        this.pricesIncludeTax = pricesIncludeTax;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }
}
