package io.cuadra.web.billing;

import io.cuadra.billing.application.BillingIssuer;
import io.cuadra.billing.application.BillingPrintouts;
import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentLine;
import io.cuadra.billing.domain.CreditNoteReason;
import io.cuadra.billing.domain.DocumentEvent;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.billing.domain.SunatResponse;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/** One document: its snapshot, timeline, SUNAT answers, downloads, resend and the credit-note dialog. */
@Named
@ViewScoped
public class DocumentBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    BillingQueries queries;

    @EJB
    BillingPrintouts printouts;

    @EJB
    BillingIssuer issuer;

    private Long id;
    private String reasonCode = "07";
    private String description;
    private List<CreditLine> creditLines = new ArrayList<>();

    /** One editable row of the credit-note dialog. */
    public static final class CreditLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private final int lineNo;
        private final String description;
        private final BigDecimal sold;
        private BigDecimal quantity;
        private BigDecimal amount;

        CreditLine(int lineNo, String description, BigDecimal sold) {
            this.lineNo = lineNo;
            this.description = description;
            this.sold = sold;
        }

        public int getLineNo() {
            return lineNo;
        }

        public String getDescription() {
            return description;
        }

        public BigDecimal getSold() {
            return sold;
        }

        public BigDecimal getQuantity() {
            return quantity;
        }

        public void setQuantity(BigDecimal quantity) {
            this.quantity = quantity;
        }

        public BigDecimal getAmount() {
            return amount;
        }

        public void setAmount(BigDecimal amount) {
            this.amount = amount;
        }
    }

    public BillingDocument getDocument() {
        return id == null ? null : FacesActions.attempt(() -> queries.find(id));
    }

    public List<BillingDocumentLine> getLines() {
        BillingDocument d = getDocument();
        return d == null ? List.of() : d.getLines();
    }

    public List<DocumentEvent> getTimeline() {
        BillingDocument d = getDocument();
        return d == null ? List.of() : queries.timeline(d);
    }

    public List<SunatResponse> getAnswers() {
        BillingDocument d = getDocument();
        return d == null ? List.of() : queries.responses(d);
    }

    public List<BillingDocument> getCreditNotes() {
        BillingDocument d = getDocument();
        return d == null || d.getKind().isCreditNote() ? List.of() : queries.creditNotesOf(d);
    }

    public StreamedContent getPdfA4() {
        return pdf(BillingPrintouts.Format.A4);
    }

    public StreamedContent getPdfTicket() {
        return pdf(BillingPrintouts.Format.TICKET);
    }

    private StreamedContent pdf(BillingPrintouts.Format format) {
        BillingDocument d = getDocument();
        byte[] bytes = FacesActions.attempt(() -> printouts.pdf(d, format));
        return stream(bytes, "application/pdf", d.getDisplayNumber()
                + (format == BillingPrintouts.Format.TICKET ? "-ticket" : "") + ".pdf");
    }

    public StreamedContent getXml() {
        BillingDocument d = getDocument();
        return stream(d.getXml(), "application/xml", d.getIssuerTaxId() + "-" + d.getTypeCode() + "-"
                + d.getDisplayNumber() + ".xml");
    }

    public StreamedContent getCdr() {
        BillingDocument d = getDocument();
        String cdr = queries.lastCdr(d).map(SunatResponse::getCdrXml).orElse(null);
        return stream(cdr == null ? null : cdr.getBytes(StandardCharsets.UTF_8), "application/xml",
                "R-" + d.getIssuerTaxId() + "-" + d.getTypeCode() + "-" + d.getDisplayNumber() + ".xml");
    }

    public boolean isHasCdr() {
        BillingDocument d = getDocument();
        return d != null && queries.lastCdr(d).isPresent();
    }

    private static StreamedContent stream(byte[] bytes, String type, String name) {
        if (bytes == null) {
            return null;
        }
        return DefaultStreamedContent.builder().name(name).contentType(type)
                .stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    @Permitted(module = Module.BILLING, action = Action.CREATE)
    public void resend() {
        if (FacesActions.succeeded(() -> queries.resend(id))) {
            FacesActions.info(Texts.get("billing.resent"));
        }
    }

    /** A rejected invoice of an order that has no valid one yet: a replacement can be issued. */
    public boolean isReissuable() {
        BillingDocument d = getDocument();
        return d != null && d.getStatus() == DocumentStatus.REJECTED && !d.getKind().isCreditNote()
                && d.getOrderId() != null && issuer.invoiceOf(d.getOrderId()).isEmpty();
    }

    /** Issues the replacement of this rejected invoice and opens it. */
    @Permitted(module = Module.BILLING, action = Action.CREATE)
    public String reissue() {
        BillingDocument d = getDocument();
        if (d == null) {
            return null;
        }
        BillingDocument next = FacesActions.attempt(() -> issuer.reissue(d.getOrderId()));
        return next == null ? null : "/billing/document?faces-redirect=true&id=" + next.getId();
    }

    public void startCreditNote() {
        creditLines = new ArrayList<>();
        for (BillingDocumentLine l : getLines()) {
            creditLines.add(new CreditLine(l.getLineNo(), l.getDescription(), l.getQuantity()));
        }
        description = null;
    }

    @Permitted(module = Module.BILLING, action = Action.CANCEL)
    public void issueCreditNote() {
        List<BillingIssuer.CreditRequest> requests = new ArrayList<>();
        for (CreditLine l : creditLines) {
            if (l.getQuantity() != null && l.getQuantity().signum() > 0) {
                requests.add(new BillingIssuer.CreditRequest(l.getLineNo(), l.getQuantity(), null));
            } else if (l.getAmount() != null && l.getAmount().signum() > 0) {
                requests.add(new BillingIssuer.CreditRequest(l.getLineNo(), null, l.getAmount()));
            }
        }
        CreditNoteReason reason = CreditNoteReason.bySunatCode(reasonCode).orElse(CreditNoteReason.OTHER);
        BillingDocument note = FacesActions.attempt(() -> issuer.creditNote(id, reason, description, requests));
        if (note != null) {
            FacesActions.info(Texts.get("billing.creditNote.issued", note.getDisplayNumber()));
        }
    }

    public List<CreditNoteReason> getReasons() {
        return List.of(CreditNoteReason.values()).stream()
                .filter(r -> r != CreditNoteReason.PAYMENT_ADJUSTMENT).toList();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getReasonCode() {
        return reasonCode;
    }

    public void setReasonCode(String reasonCode) {
        this.reasonCode = reasonCode;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public List<CreditLine> getCreditLines() {
        return creditLines;
    }
}
