package io.cuadra.billing.domain;

import io.cuadra.shared.country.CountryPacks;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/**
 * What a tenant's invoices need beyond its company record: the French legal mentions (legal form,
 * share capital, SIRET of the establishment, RCS city, VAT number), the payment terms text and the VAT
 * exemption ground printed when a line carries no VAT; and the fiscal regime billing issues under.
 */
@Entity
@Table(name = "billing_profiles")
public class BillingProfile extends TenantEntity {

    @Column(name = "legal_form")
    private String legalForm;
    @Column(name = "share_capital")
    private BigDecimal shareCapital;
    private String siret;
    @Column(name = "rcs_city")
    private String rcsCity;
    @Column(name = "vat_number")
    private String vatNumber;
    @Column(name = "payment_terms_text")
    private String paymentTermsText;
    @Column(name = "vat_exemption_mention")
    private String vatExemptionMention;
    /** Null: the regime of the company's country. */
    @Enumerated(EnumType.STRING)
    @Column(name = "fiscal_regime")
    private FiscalRegime fiscalRegime;

    public BillingProfile() {
    }

    public void describe(String legalForm, BigDecimal shareCapital, String siret, String rcsCity, String vatNumber,
                         String paymentTermsText, String vatExemptionMention) {
        this.legalForm = legalForm;
        this.shareCapital = shareCapital;
        this.siret = siret;
        this.rcsCity = rcsCity;
        this.vatNumber = vatNumber;
        this.paymentTermsText = paymentTermsText;
        this.vatExemptionMention = vatExemptionMention;
    }

    /** The regime a tenant in {@code country} issues under unless it chose another: its country pack's, else receipts. */
    public static FiscalRegime defaultRegime(String country) {
        return CountryPacks.find(country).map(p -> FiscalRegime.valueOf(p.fiscalRegime()))
                .orElse(FiscalRegime.INTERNAL_RECEIPT);
    }

    /** The regime billing issues under for a company in {@code country}. */
    public FiscalRegime regimeFor(String country) {
        return fiscalRegime != null ? fiscalRegime : defaultRegime(country);
    }

    public void issueUnder(FiscalRegime regime) {
        this.fiscalRegime = regime;
    }

    public FiscalRegime getFiscalRegime() {
        return fiscalRegime;
    }

    public String getLegalForm() {
        return legalForm;
    }

    public BigDecimal getShareCapital() {
        return shareCapital;
    }

    public String getSiret() {
        return siret;
    }

    public String getRcsCity() {
        return rcsCity;
    }

    public String getVatNumber() {
        return vatNumber;
    }

    public String getPaymentTermsText() {
        return paymentTermsText;
    }

    public String getVatExemptionMention() {
        return vatExemptionMention;
    }
}
