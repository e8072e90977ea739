package io.cuadra.web.settings;

import io.cuadra.billing.application.BillingProfileService;
import io.cuadra.billing.domain.BillingProfile;
import io.cuadra.billing.domain.FiscalRegime;
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

/** Settings page for the legal mentions printed about the seller (REST: /api/billing/profile). */
@Named
@ViewScoped
public class BillingProfileBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BillingProfileService profiles;

    private long version;
    private String legalForm;
    private BigDecimal shareCapital;
    private String siret;
    private String rcsCity;
    private String vatNumber;
    private String paymentTermsText;
    private String vatExemptionMention;
    private FiscalRegime regime;

    @PostConstruct
    void load() {
        BillingProfile p = profiles.current();
        version = p.getVersion();
        legalForm = p.getLegalForm();
        shareCapital = p.getShareCapital();
        siret = p.getSiret();
        rcsCity = p.getRcsCity();
        vatNumber = p.getVatNumber();
        paymentTermsText = p.getPaymentTermsText();
        vatExemptionMention = p.getVatExemptionMention();
        regime = profiles.regime();
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void save() {
        // Not stored yet, the service creates the profile and ignores the version.
        if (FacesActions.succeeded(() -> profiles.update(version, blankToNull(legalForm), shareCapital,
                blankToNull(siret), blankToNull(rcsCity), blankToNull(vatNumber), blankToNull(paymentTermsText),
                blankToNull(vatExemptionMention), regime))) {
            FacesActions.info(Texts.get("people.settings.saved"));
            load();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public FiscalRegime getRegime() {
        return regime;
    }

    public void setRegime(FiscalRegime regime) {
        this.regime = regime;
    }

    public FiscalRegime[] getRegimes() {
        return FiscalRegime.values();
    }

    public String getLegalForm() {
        return legalForm;
    }

    public void setLegalForm(String legalForm) {
        this.legalForm = legalForm;
    }

    public BigDecimal getShareCapital() {
        return shareCapital;
    }

    public void setShareCapital(BigDecimal shareCapital) {
        this.shareCapital = shareCapital;
    }

    public String getSiret() {
        return siret;
    }

    public void setSiret(String siret) {
        this.siret = siret;
    }

    public String getRcsCity() {
        return rcsCity;
    }

    public void setRcsCity(String rcsCity) {
        this.rcsCity = rcsCity;
    }

    public String getVatNumber() {
        return vatNumber;
    }

    public void setVatNumber(String vatNumber) {
        this.vatNumber = vatNumber;
    }

    public String getPaymentTermsText() {
        return paymentTermsText;
    }

    public void setPaymentTermsText(String paymentTermsText) {
        this.paymentTermsText = paymentTermsText;
    }

    public String getVatExemptionMention() {
        return vatExemptionMention;
    }

    public void setVatExemptionMention(String vatExemptionMention) {
        this.vatExemptionMention = vatExemptionMention;
    }
}
