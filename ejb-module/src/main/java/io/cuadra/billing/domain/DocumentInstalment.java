package io.cuadra.billing.domain;

import io.cuadra.shared.tenancy.TenantScoped;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One "Cuota" of a credit sale's payment terms, immutable like its document. */
@Entity
@Table(name = "billing_document_instalments")
public class DocumentInstalment extends TenantScoped {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "document_id", updatable = false)
    private BillingDocument document;
    @Column(nullable = false, updatable = false)
    private int instalment;
    @Column(nullable = false, updatable = false)
    private BigDecimal amount;
    @Column(name = "due_date", nullable = false, updatable = false)
    private LocalDate dueDate;

    protected DocumentInstalment() {
    }

    DocumentInstalment(BillingDocument document, int instalment, BigDecimal amount, LocalDate dueDate) {
        this.document = document;
        this.instalment = instalment;
        this.amount = amount;
        this.dueDate = dueDate;
    }

    public int getInstalment() {
        return instalment;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }
}
