package io.cuadra.web.identity;

import io.cuadra.identity.application.CompanyService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Company;
import io.cuadra.identity.domain.LogoImage;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.identity.domain.Module;
import io.cuadra.identity.domain.Tenant;
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
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.cuadra.web.platform.Problem;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;

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
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    public Response getCompany() {
        Company c = company.current();
        return Response.ok(CompanyView.of(c)).tag(ETags.of(c.getVersion())).build();
    }

    @PUT
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Change the company settings; needs If-Match. A Peruvian tax id must be a valid RUC.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
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

    @PUT
    @Path("logo")
    @Consumes({"image/png", "image/jpeg", "image/svg+xml", MediaType.APPLICATION_OCTET_STREAM})
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Upload the company logo printed on invoices and receipts; needs If-Match",
            description = "PNG, JPEG or SVG up to 512 KB, judged by content: a declared type that the content "
                    + "contradicts is refused, and so is an SVG with script, event handlers or outside links. "
                    + "An SVG is stored as the PNG it draws.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    public Response uploadLogo(@HeaderParam("If-Match") String ifMatch, @HeaderParam("Content-Type") String declared,
                               java.io.InputStream upload) throws java.io.IOException {
        long version = ETags.requireVersion(ifMatch);
        // Keep no more than one byte past the limit: the size rule refuses it without holding a huge body.
        byte[] body = upload.readNBytes(LogoImage.MAX_BYTES + 1);
        if (body.length > LogoImage.MAX_BYTES) {
            drain(upload); // answering while the client still sends would break its connection, not refuse it
        }
        LogoImage logo = LogoImage.of(body);
        String type = declared == null ? "" : declared.split(";")[0].strip().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("image/") && !type.equals(logo.kind().contentType)) {
            throw new RuleViolation("logo: sent as " + type + " but the content is " + logo.kind() + ".");
        }
        Company c = company.changeLogo(version, body);
        return Response.ok(CompanyView.of(c)).tag(ETags.of(c.getVersion())).build();
    }

    /** Reads and drops the rest of an oversized upload, up to 16 MB (beyond that the connection may break). */
    private static void drain(java.io.InputStream upload) throws java.io.IOException {
        byte[] sink = new byte[64 * 1024];
        long read = 0;
        int n;
        while (read < 16L * 1024 * 1024 && (n = upload.read(sink)) > 0) {
            read += n;
        }
    }

    @GET
    @Path("logo")
    @Produces({"image/png", "image/jpeg"})
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(summary = "The logo as printed (an uploaded SVG comes back as its PNG)")
    @APIResponse(responseCode = "404", description = "No logo",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getLogo() {
        Company c = company.current();
        if (c.getLogo() == null) {
            throw new NotFound("The company has no logo.");
        }
        return Response.ok(c.getLogo(), c.getLogoContentType()).header("X-Content-Type-Options", "nosniff").build();
    }

    @DELETE
    @Path("logo")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Print without a logo from now on; needs If-Match")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CompanyView.class)))
    public Response removeLogo(@HeaderParam("If-Match") String ifMatch) {
        Company c = company.changeLogo(ETags.requireVersion(ifMatch), null);
        return Response.ok(CompanyView.of(c)).tag(ETags.of(c.getVersion())).build();
    }

    @GET
    @Path("languages")
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(operationId = "getTenantLanguages",
            summary = "The languages the tenant's people work in, the first their default (ETag = the tenant's version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = LanguagesView.class)))
    public Response getLanguages() {
        Tenant t = company.tenant();
        return Response.ok(LanguagesView.of(t)).tag(ETags.of(t.getVersion())).build();
    }

    @PUT
    @Path("languages")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(operationId = "putTenantLanguages",
            summary = "Change the tenant's languages (es, en, fr; the first is the default before each user chooses); "
                    + "needs If-Match")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = LanguagesView.class)))
    public Response changeLanguages(@HeaderParam("If-Match") String ifMatch, @Valid LanguagesBody body) {
        Tenant t = company.changeLanguages(ETags.requireVersion(ifMatch), body.languages);
        return Response.ok(LanguagesView.of(t)).tag(ETags.of(t.getVersion())).build();
    }

    /** The tenant's languages as the settings read them. */
    @Schema(name = "TenantLanguages")
    public record LanguagesView(@Schema(type = SchemaType.ARRAY, implementation = String.class)
                                List<String> languages, @Schema(example = "fr") String defaultLanguage, long version) {
        static LanguagesView of(Tenant t) {
            return new LanguagesView(t.languages(), t.languages().get(0), t.getVersion());
        }
    }

    @Schema(name = "TenantLanguagesBody")
    public static final class LanguagesBody {
        @Schema(type = SchemaType.ARRAY, implementation = String.class, description = "es, en, fr; the first is the default")
        @NotNull @Size(min = 1, max = 3)
        public List<String> languages;
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
