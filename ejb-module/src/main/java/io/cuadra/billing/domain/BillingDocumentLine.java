package io.cuadra.billing.domain;

import io.cuadra.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One line of an issued document, immutable: written with the document and never changed. */
@Entity
@Table(name = "billing_document_lines")
public class BillingDocumentLine extends TenantScoped {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id", updatable = false)
    private BillingDocument document;
    @Column(name = "line_no", nullable = false, updatable = false)
    private int lineNo;
    @Column(name = "original_line_no", updatable = false)
    private Integer originalLineNo;
    @Column(name = "item_id", updatable = false)
    private Long itemId;
    @Column(updatable = false)
    private String code;
    @Column(nullable = false, updatable = false)
    private String description;
    @Column(name = "unit_code", nullable = false, updatable = false)
    private String unitCode;
    @Column(nullable = false, updatable = false)
    private BigDecimal quantity;
    @Column(name = "returned_quantity", nullable = false, updatable = false)
    private BigDecimal returnedQuantity = BigDecimal.ZERO;
    @Column(name = "unit_value", nullable = false, updatable = false)
    private BigDecimal unitValue;
    @Column(name = "unit_price", nullable = false, updatable = false)
    private BigDecimal unitPrice;
    @Column(name = "value_amount", nullable = false, updatable = false)
    private BigDecimal valueAmount;
    @Column(name = "discount_amount", nullable = false, updatable = false)
    private BigDecimal discountAmount = BigDecimal.ZERO;
    @Column(name = "affectation_code", nullable = false, updatable = false)
    private String affectationCode;
    @Column(name = "tax_percent", nullable = false, updatable = false)
    private BigDecimal taxPercent;
    @Column(name = "tax_amount", nullable = false, updatable = false)
    private BigDecimal taxAmount;
    @Column(name = "total_amount", nullable = false, updatable = false)
    private BigDecimal totalAmount;

    protected BillingDocumentLine() {
    }

    public BillingDocumentLine(int lineNo, Long itemId, DocumentLine line) {
        this.lineNo = lineNo;
        this.itemId = itemId;
        this.code = line.code();
        this.description = line.description();
        this.unitCode = line.unitCode();
        this.quantity = line.quantity();
        this.unitValue = line.unitValue();
        this.unitPrice = line.unitPrice();
        this.valueAmount = line.lineExtensionAmount().amount();
        this.discountAmount = line.discount().amount();
        this.affectationCode = line.affectation().sunatCode();
        this.taxPercent = line.taxPercent();
        this.taxAmount = line.taxAmount().amount();
        this.totalAmount = line.totalWithTax().amount();
    }

    /** A credit-note line: which original line it credits and how much of it comes back. */
    public BillingDocumentLine crediting(int originalLineNo, BigDecimal returnedQuantity) {
        this.originalLineNo = originalLineNo;
        this.returnedQuantity = returnedQuantity;
        return this;
    }

    void attachTo(BillingDocument document) {
        this.document = document;
    }

    public DocumentLine toDocumentLine(java.util.Currency currency) {
        IgvAffectation affectation = IgvAffectation.bySunatCode(affectationCode).orElseThrow();
        return new DocumentLine(code, description, unitCode, quantity, unitValue, unitPrice,
                io.cuadra.shared.domain.Money.of(valueAmount, currency), affectation, taxPercent,
                io.cuadra.shared.domain.Money.of(taxAmount, currency),
                io.cuadra.shared.domain.Money.of(discountAmount, currency));
    }

    public BillingDocument getDocument() {
        return document;
    }

    public int getLineNo() {
        return lineNo;
    }

    public Integer getOriginalLineNo() {
        return originalLineNo;
    }

    public Long getItemId() {
        return itemId;
    }

    public String getCode() {
        return code;
    }

    public String getDescription() {
        return description;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public BigDecimal getQuantity() {
        return quantity;
    }

    public BigDecimal getReturnedQuantity() {
        return returnedQuantity;
    }

    public BigDecimal getUnitValue() {
        return unitValue;
    }

    public BigDecimal getUnitPrice() {
        return unitPrice;
    }

    public BigDecimal getValueAmount() {
        return valueAmount;
    }

    public BigDecimal getDiscountAmount() {
        return discountAmount;
    }

    public String getAffectationCode() {
        return affectationCode;
    }

    public BigDecimal getTaxPercent() {
        return taxPercent;
    }

    public BigDecimal getTaxAmount() {
        return taxAmount;
    }

    public BigDecimal getTotalAmount() {
        return totalAmount;
    }
}
