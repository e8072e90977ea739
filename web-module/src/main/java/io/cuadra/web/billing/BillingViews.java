package io.cuadra.web.billing;

import io.cuadra.web.platform.Amount;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentLine;
import io.cuadra.billing.domain.DocumentEvent;
import io.cuadra.billing.domain.DocumentInstalment;
import io.cuadra.billing.domain.SunatResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of billing documents: summaries for lists, the full snapshot with its timeline. */
public final class BillingViews {

    private BillingViews() {
    }

    @Schema(name = "BillingDocumentSummary")
    public record DocumentSummary(long id, String kind, String typeCode, String number, String status,
                                  long locationId, Long orderId, Long customerId, String customerDocType,
                                  String customerDocNumber, String customerName, LocalDate issueDate,
                                  Instant issuedAt, String currency, @Amount BigDecimal total, @Amount BigDecimal creditedTotal,
                                  Long originalId, String originalNumber) implements java.io.Serializable {
        static DocumentSummary of(BillingDocument d) {
            BillingDocument o = d.getOriginal();
            return new DocumentSummary(d.getId(), d.getKind().name(), d.getTypeCode(), d.getDisplayNumber(),
                    d.getStatus().name(), d.getLocationId(), d.getOrderId(), d.getCustomerId(),
                    d.getCustomerDocType(), d.getCustomerDocNumber(), d.getCustomerName(), d.getIssueDate(),
                    d.getIssuedAt(), d.getCurrency(), d.getTotalAmount(), d.getCreditedTotal(),
                    o == null ? null : o.getId(), o == null ? null : o.getDisplayNumber());
        }
    }

    @Schema(name = "BillingDocumentPage")
    public record DocumentPage(
            @Schema(type = SchemaType.ARRAY, implementation = DocumentSummary.class) List<DocumentSummary> items,
            long total, int page, int size) {
    }

    @Schema(name = "BillingDocumentLine")
    public record LineView(int lineNo, Integer originalLineNo, Long itemId, String code, String description,
                           String unitCode, BigDecimal quantity, BigDecimal returnedQuantity, @Amount BigDecimal unitValue,
                           @Amount BigDecimal unitPrice, @Amount BigDecimal discount, @Amount BigDecimal value, String affectationCode,
                           BigDecimal taxPercent, @Amount BigDecimal tax, @Amount BigDecimal total) {
        static LineView of(BillingDocumentLine l) {
            return new LineView(l.getLineNo(), l.getOriginalLineNo(), l.getItemId(), l.getCode(), l.getDescription(),
                    l.getUnitCode(), l.getQuantity(), l.getReturnedQuantity(), l.getUnitValue(), l.getUnitPrice(),
                    l.getDiscountAmount(), l.getValueAmount(), l.getAffectationCode(), l.getTaxPercent(),
                    l.getTaxAmount(), l.getTotalAmount());
        }
    }

    @Schema(name = "BillingInstalment")
    public record InstalmentView(int instalment, @Amount BigDecimal amount, LocalDate dueDate) {
        static InstalmentView of(DocumentInstalment i) {
            return new InstalmentView(i.getInstalment(), i.getAmount(), i.getDueDate());
        }
    }

    @Schema(name = "BillingDocumentEvent")
    public record EventView(Instant at, String actor, String fromStatus, String toStatus, String notes) {
        static EventView of(DocumentEvent e) {
            return new EventView(e.getAt(), e.getActor(), e.getFromStatus(), e.getToStatus(), e.getNotes());
        }
    }

    @Schema(name = "SunatAnswer")
    public record ResponseView(Instant at, int attempt, String outcome, String code, String message, String notes,
                               boolean hasCdr) {
        static ResponseView of(SunatResponse r) {
            return new ResponseView(r.getAt(), r.getAttempt(), r.getOutcome(), r.getCode(), r.getMessage(),
                    r.getNotes(), r.getCdrXml() != null);
        }
    }

    @Schema(name = "BillingIssuer")
    public record IssuerView(String country, String taxId, String legalName, String tradeName, String establishment,
                             String address, String ubigeo) {
    }

    @Schema(name = "BillingTotals")
    public record TotalsView(@Amount BigDecimal igvBase, @Amount BigDecimal igvAmount, @Amount BigDecimal exoneratedBase,
                             @Amount BigDecimal unaffectedBase, @Amount BigDecimal value, @Amount BigDecimal tax, @Amount BigDecimal total) {
    }

    @Schema(name = "BillingDocument")
    public record DocumentView(DocumentSummary summary, IssuerView issuer, String customerAddress, TotalsView totals,
                               String amountInWords, String paymentTerms, LocalDate paymentDueDate,
                               @Schema(type = SchemaType.ARRAY, implementation = InstalmentView.class)
                               List<InstalmentView> instalments,
                               String reasonCode, String reasonText, String hash,
                               @Schema(type = SchemaType.ARRAY, implementation = LineView.class)
                               List<LineView> lines,
                               @Schema(type = SchemaType.ARRAY, implementation = DocumentSummary.class)
                               List<DocumentSummary> creditNotes,
                               @Schema(type = SchemaType.ARRAY, implementation = EventView.class)
                               List<EventView> timeline,
                               @Schema(type = SchemaType.ARRAY, implementation = ResponseView.class)
                               List<ResponseView> sunatAnswers,
                               long version) {
        static DocumentView of(io.cuadra.billing.application.BillingQueries.DocumentRead r) {
            return of(r.document(), r.creditNotes(), r.timeline(), r.responses());
        }

        static DocumentView of(BillingDocument d, List<BillingDocument> creditNotes, List<DocumentEvent> events,
                               List<SunatResponse> responses) {
            return new DocumentView(DocumentSummary.of(d),
                    new IssuerView(d.getIssuerCountry(), d.getIssuerTaxId(), d.getIssuerLegalName(),
                            d.getIssuerTradeName(), d.getIssuerEstablishment(), d.getIssuerAddress(),
                            d.getIssuerUbigeo()),
                    d.getCustomerAddress(),
                    new TotalsView(d.getIgvBase(), d.getIgvAmount(), d.getExoneratedBase(), d.getUnaffectedBase(),
                            d.getTotalValue(), d.getTotalTax(), d.getTotalAmount()),
                    d.getAmountInWords(), d.getPaymentTerms(), d.getPaymentDueDate(),
                    d.getInstalments().stream().map(InstalmentView::of).toList(), d.getReasonCode(),
                    d.getReasonText(), d.getHash(), d.getLines().stream().map(LineView::of).toList(),
                    creditNotes.stream().map(DocumentSummary::of).toList(),
                    events.stream().map(EventView::of).toList(),
                    responses.stream().map(ResponseView::of).toList(), d.getVersion());
        }
    }
}
