package io.cuadra.web.catalog;

import io.cuadra.catalog.application.TaxRateView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.cuadra.catalog.application.TaxRateService;
import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;

/** The tenant's tax rates; percent and affectation code are fixed once created (a new law is a new rate). */
@RequestScoped
@Path("catalog/tax-rates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog: tax rates")
@SecurityRequirement(name = "bearer")
public class TaxRatesResource {

    @EJB
    TaxRateService taxRates;

    @EJB
    CompanyService company;

    @GET
    @Permitted(module = Module.CATALOG, action = Action.VIEW)
    @Operation(summary = "Tax rates, optionally of one country")
    public List<TaxRateView> listTaxRates(@QueryParam("country") String country) {
        return taxRates.views(country);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.CATALOG, action = Action.VIEW)
    @Operation(summary = "Read a tax rate (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = TaxRateView.class)))
    public Response getTaxRate(@PathParam("id") long id) {
        TaxRateView t = taxRates.view(id);
        return Response.ok(t).tag(ETags.of(t.version())).build();
    }

    @POST
    @Permitted(module = Module.CATALOG, action = Action.CREATE)
    @Operation(summary = "Create a tax rate")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = TaxRateView.class)))
    public Response createTaxRate(@Valid TaxRateBody body, @Context UriInfo uri) {
        TaxRateView t = taxRates.createView(body.country, body.name, body.percent, body.affectationCode);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(t.id())).build())
                .tag(ETags.of(t.version())).entity(t).build();
    }

    @POST
    @Path("defaults")
    @Permitted(module = Module.CATALOG, action = Action.CREATE)
    @Operation(summary = "Add the standard rates of the company's country that the tenant lacks",
            description = "A tenant gets them when it is opened (Peru: IGV 18%, exonerado, inafecto; France: TVA 20, "
                    + "10, 5.5 and 2.1 %); this adds any missing since, by name. Answers the rates added.")
    public List<TaxRateView> addDefaultTaxRates() {
        return taxRates.addDefaultViews(company.current().getCountry());
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.CATALOG, action = Action.EDIT)
    @Operation(summary = "Rename or retire a tax rate; needs If-Match")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = TaxRateView.class)))
    public Response updateTaxRate(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @Valid TaxRateBody body) {
        TaxRateView t = taxRates.updateView(id, ETags.requireVersion(ifMatch), body.name, body.active);
        return Response.ok(t).tag(ETags.of(t.version())).build();
    }

    @Schema(name = "TaxRateBody")
    public static final class TaxRateBody {
        @Schema(example = "PE")
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "use the two-letter ISO country code")
        public String country;
        @Schema(example = "IGV 18%")
        @NotBlank @Size(max = 80)
        public String name;
        @Schema(example = "18.00")
        @NotNull @DecimalMin("0") @Digits(integer = 2, fraction = 2)
        public BigDecimal percent;
        @Schema(description = "SUNAT catalog 07", example = "10")
        @NotBlank @Pattern(regexp = "10|17|20|30|40", message = "must be 10, 17, 20, 30 or 40 (SUNAT catalog 07)")
        public String affectationCode;
        public boolean active = true;
    }
}
