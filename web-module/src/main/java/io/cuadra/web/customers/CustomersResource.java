package io.cuadra.web.customers;

import io.cuadra.customers.application.CustomerDraft;
import io.cuadra.customers.application.CustomerMerger;
import io.cuadra.customers.application.CustomerSearch;
import io.cuadra.customers.application.CustomerService;
import io.cuadra.customers.domain.ContactChannel;
import io.cuadra.customers.domain.Customer;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.platform.ETags;
import io.cuadra.web.platform.TableExport;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;

/** Customers: search, create, edit with optimistic locking, delete (hide) and merge duplicates. */
@RequestScoped
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
@SecurityRequirement(name = "bearer")
public class CustomersResource {

    @EJB
    CustomerService customers;

    @EJB
    CustomerSearch search;

    @EJB
    CustomerMerger merger;

    @GET
    @Permitted(module = Module.CUSTOMERS, action = Action.VIEW)
    @Operation(summary = "Search customers",
            description = "q matches the document (exact or beginning first), the name without accents in any "
                    + "word order and with small typos, the phone digits or the start of the e-mail. Without q, "
                    + "customers by name. Merged and deleted customers are left out. With q, total counts at most "
                    + CustomerSearch.MAX_MATCHES + " matches.")
    public PageView<CustomerView> listCustomers(@QueryParam("q") String q, @QueryParam("page") Integer page,
                                       @QueryParam("size") Integer size) {
        Page<CustomerView> result = search.search(q, Page.number(page), Page.size(size, 50)).map(CustomerView::of);
        return PageView.of(result);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", TableExport.XLSX, MediaType.APPLICATION_JSON})
    @Permitted(module = Module.CUSTOMERS, action = Action.EXPORT)
    @Operation(summary = "All usable customers as CSV or XLSX (format=csv|xlsx)")
    public Response exportCustomers(@QueryParam("format") TableExport.TableFormat format) {
        return TableExport.download(format, "clientes", List.of("id", "documentType", "documentNumber", "name",
                "firstName", "lastName", "businessName", "email", "phone", "address", "district", "city", "region",
                "country", "preferredLanguage", "preferredChannel", "contactOptOut", "visitCount", "recurrent",
                "active"), (after, size) -> customers.batchAfter(after, size).stream().map(c -> List.<Object>of(
                c.getId(), c.getDocumentType().sunatCode(), c.getDocumentNumber(), c.displayName(),
                nz(c.getFirstName()), nz(c.getLastName()), nz(c.getBusinessName()), nz(c.getEmail()),
                nz(c.getPhone()), nz(c.getAddress()), nz(c.getDistrict()), nz(c.getCity()), nz(c.getRegion()),
                c.getCountry(), c.getPreferredLanguage(), c.getPreferredChannel().name(), c.isContactOptOut(),
                c.getVisitCount(), c.isRecurrent(), c.isActive())).toList());
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.CUSTOMERS, action = Action.VIEW)
    @Operation(summary = "Read a customer (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    public Response getCustomer(@PathParam("id") long id) {
        Customer c = customers.find(id);
        return Response.ok(CustomerView.of(c)).tag(ETags.of(c.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.CUSTOMERS, action = Action.CREATE)
    @Operation(summary = "Register a customer")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    public Response createCustomer(@Valid CustomerBody body, @Context UriInfo uri) {
        Customer c = customers.create(body.draft());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(c.getId())).build())
                .tag(ETags.of(c.getVersion())).entity(CustomerView.of(c)).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.CUSTOMERS, action = Action.EDIT)
    @Operation(summary = "Edit a customer; needs If-Match (428 without, 412 when stale)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    public Response updateCustomer(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @Valid CustomerBody body) {
        Customer c = customers.update(id, ETags.requireVersion(ifMatch), body.draft());
        return Response.ok(CustomerView.of(c)).tag(ETags.of(c.getVersion())).build();
    }

    @DELETE
    @Path("{id}")
    @Permitted(module = Module.CUSTOMERS, action = Action.DELETE)
    @Operation(summary = "Delete a customer: it is hidden, its orders and invoices keep it")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteCustomer(@PathParam("id") long id) {
        customers.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/merge")
    @Permitted(module = Module.CUSTOMERS, action = Action.EDIT)
    @Operation(summary = "Merge a duplicate into this customer",
            description = "Everything that points at the duplicate moves to this customer, its visits add up, "
                    + "and the duplicate is marked merged (with the reason) and can no longer be used. One transaction.")
    public MergeView mergeCustomer(@PathParam("id") long id, @Valid MergeBody body) {
        int moved = merger.merge(id, body.duplicateId, body.reason);
        return new MergeView(CustomerView.of(customers.find(id)), body.duplicateId, moved);
    }

    @Schema(name = "CustomerMerge")
    public record MergeView(CustomerView customer, long mergedCustomerId, int movedReferences) {
    }

    @Schema(name = "CustomerMergeBody")
    public static final class MergeBody {
        @Schema(description = "The duplicate that disappears into this customer")
        @NotNull
        public Long duplicateId;
        @Schema(example = "Same person registered twice with a typo in the name")
        @NotBlank @Size(max = 300)
        public String reason;
    }

    @Schema(name = "CustomerBody")
    public static final class CustomerBody {
        @Schema(description = "SUNAT catalog 06 code", example = "1")
        @NotBlank @Pattern(regexp = DocumentChecksResource.CODES, message = DocumentChecksResource.CODES_MESSAGE)
        public String documentType;
        @Schema(example = "45871236")
        @NotNull @Size(max = 20)
        public String documentNumber;
        @Size(max = 100)
        public String firstName;
        @Size(max = 100)
        public String lastName;
        @Size(max = 200)
        public String businessName;
        @Email @Size(max = 200)
        public String email;
        @Schema(description = "Any usual writing; stored in E.164", example = "987 654 321")
        @Size(max = 30)
        public String phone;
        @Size(max = 300)
        public String address;
        @Size(max = 100)
        public String district;
        @Size(max = 100)
        public String city;
        @Size(max = 100)
        public String region;
        @Pattern(regexp = "[A-Z]{2}", message = "use the two-letter ISO country code")
        public String country = "PE";
        @Pattern(regexp = "[a-z]{2}", message = "use a two-letter language code such as es or en")
        public String preferredLanguage = "es";
        @Pattern(regexp = "EMAIL|SMS|WHATSAPP|PHONE|NONE")
        public String preferredChannel = "EMAIL";
        public boolean contactOptOut;
        @Size(max = 2000)
        public String notes;
        public boolean active = true;
        @Schema(description = "Optional; the laboratory receives it (HL7 PID-7). A past day after 1900",
                example = "1990-05-12")
        public LocalDate birthDate;
        @Schema(description = "Optional; the laboratory receives it (HL7 PID-8): F, M, O (other) or U (unknown)")
        @Pattern(regexp = "[FMOU]", message = "use F, M, O (other) or U (unknown)")
        public String sex;

        CustomerDraft draft() {
            return new CustomerDraft(DocumentType.bySunatCode(documentType).orElseThrow(), documentNumber, firstName,
                    lastName, businessName, email, phone, address, district, city, region, country, preferredLanguage,
                    preferredChannel == null ? null : ContactChannel.valueOf(preferredChannel), contactOptOut, notes,
                    active, new CustomerDraft.Person(birthDate, sex));
        }
    }
}
