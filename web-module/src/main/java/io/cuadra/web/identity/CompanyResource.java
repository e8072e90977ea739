package io.cuadra.web.identity;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.web.identity.IdentityViews.CompanyView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;

/** The tenant's company settings: issuer data for invoices and the tenant's defaults. */
@RequestScoped
@Path("company")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Company")
@SecurityRequirement(name = "bearer")
public class CompanyResource {

    @EJB
    CompanyService company;

    @GET
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(summary = "Read the company settings (ETag = version)")
    public Response getCompany() {
        Company c = company.current();
        return Response.ok(CompanyView.of(c)).tag(ETags.of(c.getVersion())).build();
    }

    @PUT
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Change the company settings; needs If-Match. A Peruvian tax id must be a valid RUC.")
    public Response updateCompany(@HeaderParam("If-Match") String ifMatch, @Valid CompanyBody body) {
        Currency currency;
        ZoneId zone;
        try {
            currency = Currency.getInstance(body.currency);
            zone = ZoneId.of(body.timeZone);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new RuleViolation("currency/timeZone: " + e.getMessage());
        }
        Company c = company.update(ETags.requireVersion(ifMatch), body.taxId, body.legalName, body.tradeName,
                body.fiscalAddress, body.district, body.province, body.department, body.ubigeo, currency,
                body.defaultTaxPercent, body.pricesIncludeTax, zone);
        return Response.ok(CompanyView.of(c)).tag(ETags.of(c.getVersion())).build();
    }

    @Schema(name = "CompanyBody")
    public static final class CompanyBody {
        @NotBlank @Size(max = 20)
        public String taxId;
        @NotBlank @Size(max = 200)
        public String legalName;
        @Size(max = 200)
        public String tradeName;
        @NotBlank @Size(max = 300)
        public String fiscalAddress;
        @Size(max = 100)
        public String district;
        @Size(max = 100)
        public String province;
        @Size(max = 100)
        public String department;
        @Pattern(regexp = "\\d{6}")
        public String ubigeo;
        @NotBlank @Pattern(regexp = "[A-Z]{3}")
        public String currency;
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
        public BigDecimal defaultTaxPercent;
        public boolean pricesIncludeTax = true;
        @NotBlank
        public String timeZone;
    }
}
