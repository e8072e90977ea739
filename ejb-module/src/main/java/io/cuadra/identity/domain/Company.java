package io.cuadra.identity.domain;


import io.cuadra.audit.domain.NotAudited;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Currency;

/** The legal entity behind a tenant: what invoices name as issuer, and the tenant's defaults. */
@Entity
@Table(name = "companies")
public class Company extends TenantEntity {

    @Column(nullable = false, length = 2)
    private String country;
    @Column(name = "tax_id", nullable = false)
    private String taxId;
    @Column(name = "legal_name", nullable = false)
    private String legalName;
    @Column(name = "trade_name")
    private String tradeName;
    @Column(name = "fiscal_address", nullable = false)
    private String fiscalAddress;
    private String district;
    private String province;
    private String department;
    private String ubigeo;
    @Column(nullable = false, length = 3)
    private String currency;
    @Column(name = "default_tax_percent", nullable = false)
    private BigDecimal defaultTaxPercent;
    @Column(name = "prices_include_tax", nullable = false)
    private boolean pricesIncludeTax = true;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @NotAudited
    @Basic(fetch = FetchType.LAZY)
    private byte[] logo;
    @Column(name = "logo_content_type")
    private String logoContentType;

    protected Company() {
    }

    public Company(String country, String taxId, String legalName, String fiscalAddress, Currency currency,
                   BigDecimal defaultTaxPercent, ZoneId zone) {
        this.country = country;
        this.taxId = taxId;
        this.legalName = legalName;
        this.fiscalAddress = fiscalAddress;
        this.currency = currency.getCurrencyCode();
        this.defaultTaxPercent = defaultTaxPercent;
        this.timeZone = zone.getId();
    }

    public void describe(String taxId, String legalName, String tradeName, String fiscalAddress, String district,
                         String province, String department, String ubigeo) {
        this.taxId = taxId;
        this.legalName = legalName;
        this.tradeName = tradeName;
        this.fiscalAddress = fiscalAddress;
        this.district = district;
        this.province = province;
        this.department = department;
        this.ubigeo = ubigeo;
    }

    public void useDefaults(Currency currency, BigDecimal taxPercent, boolean pricesIncludeTax, ZoneId zone) {
        this.currency = currency.getCurrencyCode();
        this.defaultTaxPercent = taxPercent;
        this.pricesIncludeTax = pricesIncludeTax;
        this.timeZone = zone.getId();
    }

    public void useLogo(byte[] image, String contentType) {
        this.logo = image;
        this.logoContentType = contentType;
    }

    public boolean isPeruvian() {
        return "PE".equals(country);
    }

    public String getCountry() {
        return country;
    }

    public String getTaxId() {
        return taxId;
    }

    public String getLegalName() {
        return legalName;
    }

    public String getTradeName() {
        return tradeName;
    }

    public String getFiscalAddress() {
        return fiscalAddress;
    }

    public String getDistrict() {
        return district;
    }

    public String getProvince() {
        return province;
    }

    public String getDepartment() {
        return department;
    }

    public String getUbigeo() {
        return ubigeo;
    }

    public Currency currency() {
        return Currency.getInstance(currency);
    }

    public BigDecimal getDefaultTaxPercent() {
        return defaultTaxPercent;
    }

    public boolean isPricesIncludeTax() {
        return pricesIncludeTax;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public byte[] getLogo() {
        return logo;
    }

    public String getLogoContentType() {
        return logoContentType;
    }
}
