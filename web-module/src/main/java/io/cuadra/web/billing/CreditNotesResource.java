package io.cuadra.web.billing;

import io.cuadra.billing.application.BillingIssuer;
import io.cuadra.billing.application.BillingPrintouts;
import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.application.DocumentFilter;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.CreditNoteReason;
import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.web.billing.BillingViews.DocumentPage;
import io.cuadra.web.billing.BillingViews.DocumentSummary;
import io.cuadra.web.billing.BillingViews.DocumentView;
import io.cuadra.web.platform.Amount;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Credit notes: the full one follows the cancellation of an invoiced order by itself; partial ones (item
 * returns, discounts) are created here with a SUNAT catalog 09 reason, never beyond what remains of the
 * original.
 */
@RequestScoped
@Path("billing/credit-notes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Credit notes")
@SecurityRequirement(name = "bearer")
public class CreditNotesResource {

    @EJB
    BillingQueries queries;

    @EJB
    BillingIssuer issuer;

    @EJB
    BillingPrintouts printouts;

    @GET
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "List credit notes, newest first",
            description = "Same filters as the invoice list (location, status, from, to, customer).")
    @APIResponse(responseCode = "200", description = "One page of credit notes")
    public DocumentPage listCreditNotes(@QueryParam("location") Long location,
                                        @QueryParam("status") DocumentStatus status,
                                        @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                        @QueryParam("customer") Long customer, @QueryParam("page") Integer page,
                                        @QueryParam("size") Integer size) {
        Page<BillingDocument> p = queries.list(new DocumentFilter(location, null, status, from, to, customer),
                true, Page.number(page), Page.size(size, 50));
        return new DocumentPage(p.items().stream().map(DocumentSummary::of).toList(), p.total(), p.page(), p.size());
    }

    @POST
    @Permitted(module = Module.BILLING, action = Action.CANCEL)
    @Operation(summary = "Issue a credit note of an invoice",
            description = "Reasons 01, 02 and 06 credit everything that remains; 07 returns quantities of lines; "
                    + "04, 05, 09 and the others discount amounts (with tax) of lines. Never more than what "
                    + "remains of the original; crediting all of it cancels the invoice.")
    @APIResponse(responseCode = "201", description = "Issued (PENDING until SUNAT answers)",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    public Response createCreditNote(@Valid CreditNoteBody body, @Context UriInfo uri) {
        BillingDocument original = queries.findInvoice(body.invoiceId);
        CreditNoteReason reason = CreditNoteReason.bySunatCode(body.reasonCode)
                .orElseThrow(() -> new RuleViolation("Unknown catalog 09 reason " + body.reasonCode + "."));
        List<BillingIssuer.CreditRequest> lines = new ArrayList<>();
        if (body.lines != null) {
            for (CreditLineBody l : body.lines) {
                lines.add(new BillingIssuer.CreditRequest(l.lineNumber, l.quantity, l.amount));
            }
        }
        BillingDocument note = issuer.creditNote(original.getId(), reason, body.description, lines);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(note.getId())).build())
                .tag(ETags.of(note.getVersion())).entity(view(note)).build();
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "Read a credit note")
    @APIResponse(responseCode = "200", description = "The credit note",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    public Response getCreditNote(@PathParam("id") long id) {
        return InvoicesResource.ok(queries.readCreditNote(id));
    }

    @GET
    @Path("{id}/pdf")
    @Produces({BillingDownloads.PDF, MediaType.APPLICATION_JSON})
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "The printed credit note: format=a4 (default) or ticket")
    @APIResponse(responseCode = "200", description = "PDF")
    public Response getCreditNotePdf(@PathParam("id") long id,
                                     @QueryParam("format") BillingPrintouts.Format format) {
        return BillingDownloads.pdf(printouts, queries.findCreditNote(id), format);
    }

    @GET
    @Path("{id}/xml")
    @Produces({BillingDownloads.XML, MediaType.APPLICATION_JSON})
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "The signed UBL 2.1 CreditNote sent to SUNAT")
    @APIResponse(responseCode = "200", description = "Signed XML")
    public Response getCreditNoteXml(@PathParam("id") long id) {
        return BillingDownloads.xml(queries.findCreditNote(id));
    }

    @GET
    @Path("{id}/cdr")
    @Produces({BillingDownloads.XML, MediaType.APPLICATION_JSON})
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "SUNAT's last CDR for the credit note")
    @APIResponse(responseCode = "200", description = "CDR XML")
    public Response getCreditNoteCdr(@PathParam("id") long id) {
        return BillingDownloads.cdr(queries, queries.findCreditNote(id));
    }

    @POST
    @Path("{id}/resend")
    @Permitted(module = Module.BILLING, action = Action.CREATE)
    @Operation(summary = "Send the credit note to SUNAT again now (only while PENDING or SENT)")
    @APIResponse(responseCode = "202", description = "Queued")
    public Response resendCreditNote(@PathParam("id") long id) {
        queries.findCreditNote(id);
        return Response.accepted(DocumentSummary.of(queries.resend(id))).build();
    }

    /** A document just written, read again as committed. */
    private DocumentView view(BillingDocument d) {
        return DocumentView.of(queries.read(d.getId()));
    }

    @Schema(name = "CreditNoteBody")
    public static final class CreditNoteBody {
        @Schema(description = "The factura, boleta or facture to credit")
        @NotNull
        public Long invoiceId;
        @Schema(description = "SUNAT catalog 09 reason", example = "07")
        @NotBlank @Pattern(regexp = "0[1-9]|1[0-3]", message = "must be a catalog 09 code, 01 to 13")
        public String reasonCode;
        @Schema(example = "Devolución de un producto")
        @NotBlank @Size(max = 500)
        public String description;
        @Schema(type = SchemaType.ARRAY, implementation = CreditLineBody.class,
                description = "Not needed for 01, 02 and 06")
        @Valid
        public List<CreditLineBody> lines;
    }

    @Schema(name = "CreditNoteLineBody")
    public static final class CreditLineBody {
        @Schema(description = "Line number of the original invoice")
        @NotNull @Min(1)
        public Integer lineNumber;
        @Schema(description = "Units returned (for 07)")
        @DecimalMin(value = "0.001") @Digits(integer = 9, fraction = 3)
        public BigDecimal quantity;
        @Schema(description = "Amount with tax discounted (for 04, 05, 09...)")
        @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2)
        @Amount
        public BigDecimal amount;
    }
}
