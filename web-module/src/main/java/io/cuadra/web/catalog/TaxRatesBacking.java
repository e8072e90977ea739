package io.cuadra.web.catalog;

import io.cuadra.catalog.application.TaxRateView;
import io.cuadra.catalog.application.TaxRateService;
import io.cuadra.catalog.domain.TaxRate;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;

/**
 * Tax rates page: the tenant's rates, a dialog to add one (percent and affectation code are fixed once
 * created) or rename and retire it, and the standard rates of the company's country.
 */
@Named
@ViewScoped
public class TaxRatesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    TaxRateService taxRates;

    @EJB
    CompanyService company;

    private List<TaxRateView> rows;
    private String companyCountry;
    private Long id;
    private long version;
    private String country;
    private String name;
    private BigDecimal percent;
    private String affectationCode = "10";
    private boolean active = true;

    @PostConstruct
    void load() {
        rows = taxRates.views(null);
        companyCountry = company.current().getCountry();
    }

    public void startNew() {
        id = null;
        version = 0;
        country = companyCountry;
        name = null;
        percent = null;
        affectationCode = "10";
        active = true;
    }

    public void edit(long rateId) {
        TaxRate t = FacesActions.attempt(() -> taxRates.find(rateId));
        if (t != null) {
            id = t.getId();
            version = t.getVersion();
            country = t.getCountry();
            name = t.getName();
            percent = t.getPercent();
            affectationCode = t.getAffectationCode();
            active = t.isActive();
        }
    }

    @Permitted(module = Module.CATALOG, action = Action.CREATE)
    public void create() {
        if (FacesActions.succeeded(() -> taxRates.create(country, name, percent, affectationCode))) {
            FacesActions.info(Texts.get("catalog.taxRate.saved", name));
            load();
        }
    }

    @Permitted(module = Module.CATALOG, action = Action.EDIT)
    public void update() {
        if (FacesActions.succeeded(() -> taxRates.update(id, version, name, active))) {
            FacesActions.info(Texts.get("catalog.taxRate.saved", name));
            load();
        }
    }

    /** Adds the standard rates of the company's country that the tenant lacks. */
    @Permitted(module = Module.CATALOG, action = Action.CREATE)
    public void addDefaults() {
        List<TaxRate> added = FacesActions.attempt(() -> taxRates.addDefaults(companyCountry));
        if (added != null) {
            FacesActions.info(Texts.get("catalog.taxRate.defaultsAdded", added.size(), companyCountry));
            load();
        }
    }

    public boolean isNew() {
        return id == null;
    }

    public List<TaxRateView> getRows() {
        return rows;
    }

    public String getCompanyCountry() {
        return companyCountry;
    }

    public List<String> getAffectationCodes() {
        return List.of("10", "17", "20", "30", "40");
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public BigDecimal getPercent() {
        return percent;
    }

    public void setPercent(BigDecimal percent) {
        this.percent = percent;
    }

    public String getAffectationCode() {
        return affectationCode;
    }

    public void setAffectationCode(String affectationCode) {
        this.affectationCode = affectationCode;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
