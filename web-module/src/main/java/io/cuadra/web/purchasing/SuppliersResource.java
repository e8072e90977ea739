package io.cuadra.web.purchasing;

import io.cuadra.purchasing.application.SupplierView;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.purchasing.application.SupplierService;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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

/** Suppliers: a Peruvian one by its RUC (check digit verified), others by their tax id. */
@RequestScoped
@Path("purchasing/suppliers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Purchasing: suppliers")
@SecurityRequirement(name = "bearer")
public class SuppliersResource {

    @EJB
    SupplierService suppliers;

    @GET
    @Permitted(module = Module.PURCHASING, action = Action.VIEW)
    @Operation(summary = "Suppliers by name; q matches part of the name or the start of the tax id")
    public PageView<SupplierView> listSuppliers(@QueryParam("q") String q, @QueryParam("active") Boolean active,
                                                @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return PageView.of(suppliers.views(q, active, Page.number(page), Page.size(size, 50)));
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.PURCHASING, action = Action.VIEW)
    @Operation(summary = "Read a supplier (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SupplierView.class)))
    public Response getSupplier(@PathParam("id") long id) {
        SupplierView s = suppliers.view(id);
        return Response.ok(s).tag(ETags.of(s.version())).build();
    }

    @POST
    @Permitted(module = Module.PURCHASING, action = Action.CREATE)
    @Operation(summary = "Register a supplier")
    @APIResponse(responseCode = "201", description = "Registered",
            content = @Content(schema = @Schema(implementation = SupplierView.class)))
    public Response createSupplier(@Valid SupplierBody body, @Context UriInfo uri) {
        SupplierView s = suppliers.createView(body.draft());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(s.id())).build())
                .tag(ETags.of(s.version())).entity(s).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.PURCHASING, action = Action.EDIT)
    @Operation(summary = "Edit a supplier; needs If-Match")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = SupplierView.class)))
    public Response updateSupplier(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                   @Valid SupplierBody body) {
        SupplierView s = suppliers.updateView(id, ETags.requireVersion(ifMatch), body.draft());
        return Response.ok(s).tag(ETags.of(s.version())).build();
    }

    @Schema(name = "SupplierBody")
    public static final class SupplierBody {
        @Schema(example = "Distribuidora Médica del Sur S.A.C.")
        @NotBlank @Size(max = 200)
        public String name;
        @Schema(example = "PE")
        @Pattern(regexp = "[A-Z]{2}", message = "use the two-letter ISO country code")
        public String country = "PE";
        @Schema(description = "RUC for Peru; optional (small suppliers have none), validated when given",
                example = "20100070970")
        @Size(max = 20)
        public String taxId;
        @Size(max = 120)
        public String contactName;
        @Email @Size(max = 200)
        public String email;
        @Size(max = 30)
        public String phone;
        @Size(max = 300)
        public String address;
        @Size(max = 2000)
        public String notes;
        public boolean active = true;

        SupplierService.SupplierDraft draft() {
            return new SupplierService.SupplierDraft(name, country, taxId, contactName, email, phone, address, notes,
                    active);
        }
    }
}
