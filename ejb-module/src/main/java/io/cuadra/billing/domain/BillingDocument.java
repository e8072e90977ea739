package io.cuadra.billing.domain;

import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.audit.domain.NotAudited;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Basic;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * An issued billing document as it was issued: factura, boleta or credit note for SUNAT, facture or
 * avoir in France. Everything printed or sent is copied here at issue time (issuer, customer, lines,
 * totals per tax scheme, amount in words, payment terms) so later edits to the company, the customer
 * or the catalog never change it. Only its status, the credited total and (once) the signed XML move.
 */
@Entity
@Table(name = "billing_documents")
public class BillingDocument extends TenantEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private BillingDocumentKind kind;
    @Column(name = "type_code", nullable = false, updatable = false)
    private String typeCode;
    @Column(name = "location_id", nullable = false, updatable = false)
    private long locationId;
    @Column(name = "order_id", updatable = false)
    private Long orderId;
    @Column(name = "customer_id")
    private Long customerId;
    @Column(nullable = false, updatable = false)
    private String series;
    @Column(nullable = false, updatable = false)
    private long number;
    @Column(name = "display_number", nullable = false, updatable = false)
    private String displayNumber;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentStatus status;
    @Column(name = "issue_date", nullable = false, updatable = false)
    private LocalDate issueDate;
    @Column(name = "issued_at", nullable = false, updatable = false)
    private Instant issuedAt;
    @Column(name = "time_zone", nullable = false, updatable = false)
    private String timeZone;
    @Column(nullable = false, updatable = false)
    private String currency;

    @Column(name = "issuer_country", nullable = false, updatable = false)
    private String issuerCountry;
    @Column(name = "issuer_tax_id", nullable = false, updatable = false)
    private String issuerTaxId;
    @Column(name = "issuer_legal_name", nullable = false, updatable = false)
    private String issuerLegalName;
    @Column(name = "issuer_trade_name", updatable = false)
    private String issuerTradeName;
    @Column(name = "issuer_establishment", updatable = false)
    private String issuerEstablishment;
    @Column(name = "issuer_address", nullable = false, updatable = false)
    private String issuerAddress;
    @Column(name = "issuer_ubigeo", updatable = false)
    private String issuerUbigeo;
    @Column(name = "issuer_district", updatable = false)
    private String issuerDistrict;
    @Column(name = "issuer_province", updatable = false)
    private String issuerProvince;
    @Column(name = "issuer_department", updatable = false)
    private String issuerDepartment;
    @Column(name = "issuer_legal_form", updatable = false)
    private String issuerLegalForm;
    @Column(name = "issuer_share_capital", updatable = false)
    private BigDecimal issuerShareCapital;
    @Column(name = "issuer_siret", updatable = false)
    private String issuerSiret;
    @Column(name = "issuer_rcs_city", updatable = false)
    private String issuerRcsCity;
    @Column(name = "issuer_vat_number", updatable = false)
    private String issuerVatNumber;

    @Column(name = "customer_doc_type", nullable = false, updatable = false)
    private String customerDocType;
    @Column(name = "customer_doc_number", nullable = false, updatable = false)
    private String customerDocNumber;
    @Column(name = "customer_name", nullable = false, updatable = false)
    private String customerName;
    @Column(name = "customer_address", updatable = false)
    private String customerAddress;
    @Column(name = "customer_business", nullable = false, updatable = false)
    private boolean customerBusiness;

    @Column(name = "igv_base", nullable = false, updatable = false)
    private BigDecimal igvBase = BigDecimal.ZERO;
    @Column(name = "igv_amount", nullable = false, updatable = false)
    private BigDecimal igvAmount = BigDecimal.ZERO;
    @Column(name = "exonerated_base", nullable = false, updatable = false)
    private BigDecimal exoneratedBase = BigDecimal.ZERO;
    @Column(name = "unaffected_base", nullable = false, updatable = false)
    private BigDecimal unaffectedBase = BigDecimal.ZERO;
    @Column(name = "total_value", nullable = false, updatable = false)
    private BigDecimal totalValue;
    @Column(name = "total_tax", nullable = false, updatable = false)
    private BigDecimal totalTax;
    @Column(name = "total_amount", nullable = false, updatable = false)
    private BigDecimal totalAmount;
    @Column(name = "amount_in_words", updatable = false)
    private String amountInWords;
    @Column(name = "payment_terms", updatable = false)
    private String paymentTerms;
    @Column(name = "payment_due_date", updatable = false)
    private LocalDate paymentDueDate;
    @Column(name = "payment_terms_text", updatable = false)
    private String paymentTermsText;
    @Column(name = "vat_exemption_mention", updatable = false)
    private String vatExemptionMention;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "original_id", updatable = false)
    private BillingDocument original;
    @Column(name = "reason_code", updatable = false)
    private String reasonCode;
    @Column(name = "reason_text", updatable = false)
    private String reasonText;
    @Column(name = "credited_total", nullable = false)
    private BigDecimal creditedTotal = BigDecimal.ZERO;

    @NotAudited
    @Basic(fetch = FetchType.LAZY)
    private byte[] xml;
    private String hash;

    @OneToMany(mappedBy = "document", cascade = CascadeType.PERSIST)
    @OrderBy("lineNo")
    private List<BillingDocumentLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "document", cascade = CascadeType.PERSIST)
    @OrderBy("instalment")
    private List<DocumentInstalment> instalments = new ArrayList<>();

    protected BillingDocument() {
    }

    /** A new document with its number: SUNAT kinds start PENDING (to be sent), French ones ISSUED. */
    public BillingDocument(BillingDocumentKind kind, long locationId, String series, long number, Instant issuedAt,
                           ZoneId zone, Currency currency) {
        this.kind = kind;
        this.typeCode = kind.typeCode();
        this.locationId = locationId;
        this.series = series;
        this.number = number;
        this.displayNumber = kind.isSunat() ? series + "-" + number : String.format("%s-%06d", series, number);
        this.status = kind.isSunat() ? DocumentStatus.PENDING : DocumentStatus.ISSUED;
        this.issuedAt = issuedAt;
        this.issueDate = issuedAt.atZone(zone).toLocalDate();
        this.timeZone = zone.getId();
        this.currency = currency.getCurrencyCode();
    }

    public void forOrder(Long orderId, Long customerId) {
        this.orderId = orderId;
        this.customerId = customerId;
    }

    public void issuedBy(String country, String taxId, String legalName, String tradeName, String establishment,
                         String address, String ubigeo, String district, String province, String department) {
        this.issuerCountry = country;
        this.issuerTaxId = taxId;
        this.issuerLegalName = legalName;
        this.issuerTradeName = tradeName;
        this.issuerEstablishment = establishment;
        this.issuerAddress = address;
        this.issuerUbigeo = ubigeo;
        this.issuerDistrict = district;
        this.issuerProvince = province;
        this.issuerDepartment = department;
    }

    /** The mentions a French company invoice carries about its seller. */
    public void frenchSeller(String legalForm, BigDecimal shareCapital, String siret, String rcsCity,
                             String vatNumber) {
        this.issuerLegalForm = legalForm;
        this.issuerShareCapital = shareCapital;
        this.issuerSiret = siret;
        this.issuerRcsCity = rcsCity;
        this.issuerVatNumber = vatNumber;
    }

    public void issuedTo(DocumentType type, String number, String name, String address, boolean business) {
        this.customerDocType = type.sunatCode();
        this.customerDocNumber = number;
        this.customerName = name;
        this.customerAddress = address;
        this.customerBusiness = business;
    }

    public void totals(DocumentTotals totals, String amountInWords) {
        for (TaxSubtotal s : totals.subtotals()) {
            switch (s.scheme()) {
                case IGV -> {
                    igvBase = s.taxableAmount().amount();
                    igvAmount = s.taxAmount().amount();
                }
                case EXONERATED -> exoneratedBase = s.taxableAmount().amount();
                case UNAFFECTED -> unaffectedBase = s.taxableAmount().amount();
            }
        }
        totals(totals.lineExtensionAmount(), totals.totalTax(), totals.payableAmount(), amountInWords);
    }

    public void totals(Money value, Money tax, Money total, String amountInWords) {
        this.totalValue = value.amount();
        this.totalTax = tax.amount();
        this.totalAmount = total.amount();
        this.amountInWords = amountInWords;
    }

    public BillingDocumentLine addLine(BillingDocumentLine line) {
        line.attachTo(this);
        lines.add(line);
        return line;
    }

    public void payable(PaymentTerms terms, LocalDate dueDate, String termsText) {
        if (terms instanceof PaymentTerms.Credit credit) {
            this.paymentTerms = "CREDIT";
            int n = 1;
            for (PaymentTerms.Instalment i : credit.instalments()) {
                DocumentInstalment row = new DocumentInstalment(this, n++, i.amount().amount(), i.dueDate());
                instalments.add(row);
            }
        } else if (terms != null) {
            this.paymentTerms = "CASH";
        }
        this.paymentDueDate = dueDate;
        this.paymentTermsText = termsText;
    }

    public void vatExemption(String mention) {
        this.vatExemptionMention = mention;
    }

    /** This document is a credit note of {@code original} for the catalog 09 reason given. */
    public void corrects(BillingDocument original, String reasonCode, String reasonText) {
        this.original = original;
        this.reasonCode = reasonCode;
        this.reasonText = reasonText;
    }

    /** The signed XML and its digest, once, at issue time. */
    public void signed(byte[] signedXml, String digest) {
        if (this.xml != null) {
            throw new IllegalStateException(displayNumber + " is already signed.");
        }
        this.xml = signedXml.clone();
        this.hash = digest;
    }

    /**
     * Moves to {@code next}, refusing transitions the status machine does not allow. Returns the previous
     * status so the caller can write the timeline row.
     */
    public DocumentStatus moveTo(DocumentStatus next) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException(displayNumber + " cannot go from " + status + " to " + next + ".");
        }
        DocumentStatus previous = status;
        status = next;
        return previous;
    }

    /** Counts a credit note against this document. */
    public void credit(Money amount) {
        BigDecimal after = creditedTotal.add(amount.amount());
        if (after.compareTo(totalAmount) > 0) {
            throw new IllegalStateException("Credit notes of " + displayNumber + " would add up to "
                    + after.toPlainString() + ", more than its total " + totalAmount.toPlainString() + ".");
        }
        creditedTotal = after;
    }

    public boolean fullyCredited() {
        return creditedTotal.compareTo(totalAmount) == 0;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public Currency currencyUnit() {
        return Currency.getInstance(currency);
    }

    public Money money(BigDecimal amount) {
        return Money.of(amount, currencyUnit());
    }

    public BillingDocumentKind getKind() {
        return kind;
    }

    public String getTypeCode() {
        return typeCode;
    }

    public long getLocationId() {
        return locationId;
    }

    public Long getOrderId() {
        return orderId;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getSeries() {
        return series;
    }

    public long getNumber() {
        return number;
    }

    public String getDisplayNumber() {
        return displayNumber;
    }

    public DocumentStatus getStatus() {
        return status;
    }

    public LocalDate getIssueDate() {
        return issueDate;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public String getCurrency() {
        return currency;
    }

    public String getIssuerCountry() {
        return issuerCountry;
    }

    public String getIssuerTaxId() {
        return issuerTaxId;
    }

    public String getIssuerLegalName() {
        return issuerLegalName;
    }

    public String getIssuerTradeName() {
        return issuerTradeName;
    }

    public String getIssuerEstablishment() {
        return issuerEstablishment;
    }

    public String getIssuerAddress() {
        return issuerAddress;
    }

    public String getIssuerUbigeo() {
        return issuerUbigeo;
    }

    public String getIssuerDistrict() {
        return issuerDistrict;
    }

    public String getIssuerProvince() {
        return issuerProvince;
    }

    public String getIssuerDepartment() {
        return issuerDepartment;
    }

    public String getIssuerLegalForm() {
        return issuerLegalForm;
    }

    public BigDecimal getIssuerShareCapital() {
        return issuerShareCapital;
    }

    public String getIssuerSiret() {
        return issuerSiret;
    }

    public String getIssuerRcsCity() {
        return issuerRcsCity;
    }

    public String getIssuerVatNumber() {
        return issuerVatNumber;
    }

    public String getCustomerDocType() {
        return customerDocType;
    }

    public String getCustomerDocNumber() {
        return customerDocNumber;
    }

    public String getCustomerName() {
        return customerName;
    }

    public String getCustomerAddress() {
        return customerAddress;
    }

    public boolean isCustomerBusiness() {
        return customerBusiness;
    }

    public BigDecimal getIgvBase() {
        return igvBase;
    }

    public BigDecimal getIgvAmount() {
        return igvAmount;
    }

    public BigDecimal getExoneratedBase() {
        return exoneratedBase;
    }

    public BigDecimal getUnaffectedBase() {
        return unaffectedBase;
    }

    public BigDecimal getTotalValue() {
        return totalValue;
    }

    public BigDecimal getTotalTax() {
        return totalTax;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }

    public String getAmountInWords() {
        return amountInWords;
    }

    public String getPaymentTerms() {
        return paymentTerms;
    }

    public LocalDate getPaymentDueDate() {
        return paymentDueDate;
    }

    public String getPaymentTermsText() {
        return paymentTermsText;
    }

    public String getVatExemptionMention() {
        return vatExemptionMention;
    }

    public BillingDocument getOriginal() {
        return original;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public String getReasonText() {
        return reasonText;
    }

    public BigDecimal getCreditedTotal() {
        return creditedTotal;
    }

    public byte[] getXml() {
        return xml == null ? null : xml.clone();
    }

    public String getHash() {
        return hash;
    }

    public List<BillingDocumentLine> getLines() {
        return List.copyOf(lines);
    }

    public List<DocumentInstalment> getInstalments() {
        return List.copyOf(instalments);
    }
}
