package io.cuadra.web.billing;

import io.cuadra.billing.application.BillingIssuer;
import io.cuadra.billing.application.BillingPrintouts;
import io.cuadra.billing.application.BillingQueries;
import io.cuadra.billing.application.DocumentFilter;
import io.cuadra.billing.domain.BillingDocument;
import io.cuadra.billing.domain.BillingDocumentKind;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Invoices (facturas, boletas, French factures): issued by the payment of an order, read, printed,
 * downloaded as SUNAT XML and CDR, and sent again while SUNAT has not decided.
 */
@RequestScoped
@Path("billing/invoices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Invoices")
@SecurityRequirement(name = "bearer")
public class InvoicesResource {

    @EJB
    BillingQueries queries;

    @EJB
    BillingPrintouts printouts;

    @EJB
    BillingIssuer issuer;

    @GET
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "List invoices, newest first",
            description = "Filters: location id, type (01, 03, FACTURA, BOLETA, FACTURE), status (PENDING, SENT, "
                    + "ACCEPTED, ACCEPTED_WITH_OBSERVATIONS, REJECTED, CANCELLED, ISSUED), issue dates from/to "
                    + "(YYYY-MM-DD, inclusive), customer id. Only the caller's locations.")
    @APIResponse(responseCode = "200", description = "One page of invoices")
    public DocumentPage listInvoices(@QueryParam("location") Long location,
                                     @QueryParam("type") BillingDocumentKind type,
                                     @QueryParam("status") DocumentStatus status, @QueryParam("from") LocalDate from,
                                     @QueryParam("to") LocalDate to, @QueryParam("customer") Long customer,
                                     @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<BillingDocument> p = queries.list(new DocumentFilter(location, type, status, from, to, customer),
                false, Page.number(page), Page.size(size, 50));
        return new DocumentPage(p.items().stream().map(DocumentSummary::of).toList(), p.total(), p.page(), p.size());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Permitted(module = Module.BILLING, action = Action.CREATE)
    @Operation(summary = "Invoice a sale on credit (FormaPago Credito with instalments) before it is paid",
            description = "For an accountant: the order's factura or boleta with its instalments (each due after "
                    + "today, adding up to at most the total). Paying the order later issues nothing more.")
    @APIResponse(responseCode = "201", description = "Issued (PENDING until SUNAT answers)",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    public Response issueCreditSaleInvoice(@Valid CreditSaleBody body, @Context UriInfo uri) {
        List<BillingIssuer.Due> dues = new ArrayList<>();
        for (InstalmentBody i : body.instalments) {
            dues.add(new BillingIssuer.Due(i.amount, i.dueDate()));
        }
        BillingDocument d = issuer.issueOnCredit(body.orderId, dues);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(d.getId())).build())
                .tag(ETags.of(d.getVersion())).entity(view(d)).build();
    }

    @Schema(name = "CreditSaleInvoiceBody")
    public static final class CreditSaleBody {
        @Schema(description = "The order sold on credit, not yet paid")
        @NotNull
        public Long orderId;
        @Schema(type = SchemaType.ARRAY, implementation = InstalmentBody.class)
        @NotEmpty @Size(max = 24) @Valid
        public List<InstalmentBody> instalments;
    }

    @Schema(name = "CreditSaleInstalment")
    public static final class InstalmentBody {
        @Schema(example = "250.00")
        @NotNull @DecimalMin(value = "0.01") @Digits(integer = 10, fraction = 2)
        @Amount
        public BigDecimal amount;
        @Schema(example = "2026-12-21", description = "YYYY-MM-DD")
        @NotNull @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be a date such as 2026-12-21")
        public String due;

        LocalDate dueDate() {
            try {
                return LocalDate.parse(due);
            } catch (DateTimeParseException e) {
                throw new RuleViolation("Instalment due date " + due + " is not a date.");
            }
        }
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "Read an invoice with its lines, credit notes, timeline and SUNAT answers")
    @APIResponse(responseCode = "200", description = "The invoice",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    public Response getInvoice(@PathParam("id") long id) {
        return ok(queries.readInvoice(id));
    }

    @GET
    @Path("by-order/{orderId}")
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "The invoice of an order (the valid one; a rejected one is listed by the invoice list)")
    @APIResponse(responseCode = "200", description = "The order's latest invoice",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    public Response getInvoiceByOrder(@PathParam("orderId") long orderId) {
        return ok(queries.readInvoiceOfOrder(orderId));
    }

    @POST
    @Path("by-order/{orderId}/reissue")
    @Permitted(module = Module.BILLING, action = Action.CREATE)
    @Operation(summary = "Issue a new invoice for a paid order whose invoice SUNAT rejected",
            description = "A rejected document keeps its number forever; the replacement takes the next number of "
                    + "the series, built from the order as it stands (fix the customer first if that was the cause). "
                    + "Only when every document of the order is REJECTED.")
    @APIResponse(responseCode = "201", description = "The replacement, PENDING until SUNAT answers",
            content = @Content(schema = @Schema(implementation = DocumentView.class)))
    public Response reissueInvoiceOfOrder(@PathParam("orderId") long orderId, @Context UriInfo uri) {
        BillingDocument d = issuer.reissue(orderId);
        return Response.created(uri.getBaseUriBuilder().path("billing/invoices").path(Long.toString(d.getId())).build())
                .tag(ETags.of(d.getVersion())).entity(view(d)).build();
    }

    @GET
    @Path("{id}/pdf")
    @Produces({BillingDownloads.PDF, MediaType.APPLICATION_JSON})
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "The printed invoice: format=a4 (default) or ticket (80 mm roll)")
    @APIResponse(responseCode = "200", description = "PDF")
    public Response getInvoicePdf(@PathParam("id") long id,
                                  @QueryParam("format") BillingPrintouts.Format format) {
        return BillingDownloads.pdf(printouts, queries.findInvoice(id), format);
    }

    @GET
    @Path("{id}/xml")
    @Produces({BillingDownloads.XML, MediaType.APPLICATION_JSON})
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "The signed UBL 2.1 XML sent to SUNAT")
    @APIResponse(responseCode = "200", description = "Signed XML")
    public Response getInvoiceXml(@PathParam("id") long id) {
        return BillingDownloads.xml(queries.findInvoice(id));
    }

    @GET
    @Path("{id}/cdr")
    @Produces({BillingDownloads.XML, MediaType.APPLICATION_JSON})
    @Permitted(module = Module.BILLING, action = Action.VIEW)
    @Operation(summary = "SUNAT's last CDR (ApplicationResponse) for the invoice")
    @APIResponse(responseCode = "200", description = "CDR XML")
    public Response getInvoiceCdr(@PathParam("id") long id) {
        return BillingDownloads.cdr(queries, queries.findInvoice(id));
    }

    @POST
    @Path("{id}/resend")
    @Permitted(module = Module.BILLING, action = Action.CREATE)
    @Operation(summary = "Send the invoice to SUNAT again now (only while PENDING or SENT)")
    @APIResponse(responseCode = "202", description = "Queued; the outbox sends it within seconds")
    public Response resendInvoice(@PathParam("id") long id) {
        queries.findInvoice(id);
        BillingDocument d = queries.resend(id);
        return Response.accepted(BillingViews.DocumentSummary.of(d)).build();
    }

    /** A document just written, read again as committed. */
    private DocumentView view(BillingDocument d) {
        return DocumentView.of(queries.read(d.getId()));
    }

    static Response ok(BillingQueries.DocumentRead read) {
        return Response.ok(DocumentView.of(read)).tag(ETags.of(read.document().getVersion())).build();
    }
}
