package io.cuadra.web.tenants;

import io.cuadra.platform.application.CurrentOperator;
import io.cuadra.platform.application.OpenedTenant;
import io.cuadra.platform.application.Operator;
import io.cuadra.platform.application.PlatformOperators;
import io.cuadra.platform.application.TenantDirectory;
import io.cuadra.platform.application.TenantOpening;
import io.cuadra.platform.application.TenantView;
import io.cuadra.platform.domain.TenantCharter;
import io.cuadra.shared.country.CountryPack;
import io.cuadra.shared.country.CountryPacks;
import io.cuadra.shared.idempotency.RequestFingerprint;
import io.cuadra.web.platform.IdempotentResponses;
import io.cuadra.web.platform.JsonbConfiguration;
import io.cuadra.web.platform.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.json.bind.Jsonb;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.List;

/**
 * The platform operator's API: signing in, the country packs, and opening, suspending and reactivating
 * tenants. Only an operator gets past {@link CurrentOperator#require()}; a tenant's user gets 403.
 */
@RequestScoped
@Path("platform")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Platform")
public class PlatformResource {

    private static final String OPEN = "POST /api/platform/tenants";
    private static final Jsonb JSON = new JsonbConfiguration().getContext(Object.class);

    @EJB
    PlatformOperators operators;

    @EJB
    TenantOpening opening;

    @EJB
    TenantDirectory directory;

    @Context
    HttpServletRequest request;

    @POST
    @Path("auth/login")
    @Operation(summary = "Sign in as a platform operator", description = "An access token valid 30 minutes; no refresh token.")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = OperatorToken.class)))
    @APIResponse(responseCode = "401", description = "Wrong e-mail or password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response operatorLogin(@Valid Credentials body) {
        return operators.signIn(body.email, body.password, true)
                .map(s -> Response.ok(new OperatorToken(s.accessToken(), s.expiresInSeconds()))
                        .header("Cache-Control", "no-store").build())
                .orElseGet(() -> Problem.of("unauthorized", "Unauthorized", Response.Status.UNAUTHORIZED,
                        "The e-mail or the password is not right.").toResponse());
    }

    @POST
    @Path("auth/password")
    @Operation(summary = "Choose the operator's password with the first-run setup link's token")
    @APIResponse(responseCode = "204", description = "Password set; sign in with it")
    public Response chooseOperatorPassword(@Valid PasswordChoice body) {
        operators.choosePassword(body.token, body.password);
        return Response.noContent().build();
    }

    @POST
    @Path("auth/password/change")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "changeOperatorPassword", summary = "The operator changes their own password",
            description = "Needs the current password; every session and token of the operator ends.")
    @APIResponse(responseCode = "204", description = "Changed; sign in again with the new password")
    public Response changeOperatorPassword(@Valid PasswordChange body) {
        operators.changePassword(CurrentOperator.require(), body.currentPassword, body.newPassword);
        return Response.noContent().build();
    }

    @GET
    @Path("country-packs")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The country packs a tenant can be opened with")
    public List<PackView> listCountryPacks() {
        CurrentOperator.require();
        return CountryPacks.all().stream().map(PackView::of).toList();
    }

    @GET
    @Path("tenants")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Every tenant: platform settings and company identity, no business data")
    public List<TenantView> listTenants() {
        CurrentOperator.require();
        return directory.list();
    }

    @GET
    @Path("tenants/{id}")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One tenant")
    public TenantView getTenant(@PathParam("id") long id) {
        CurrentOperator.require();
        return directory.find(id);
    }

    @POST
    @Path("tenants")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Open a tenant", description = "Applies the country pack (tax rates, payment methods, "
            + "first location and its series), creates the default roles and invites the first administrator by "
            + "e-mail (a single-use link, 72 hours). With Idempotency-Key the opening happens once; a retry answers "
            + "the same tenant with Idempotent-Replayed: true.")
    @APIResponse(responseCode = "201", description = "Opened", content = @Content(schema = @Schema(implementation = TenantView.class)))
    public Response openTenant(@HeaderParam(IdempotentResponses.HEADER) String key, @Valid OpeningBody body,
                         @Context UriInfo uri) {
        Operator operator = CurrentOperator.require();
        String fingerprint = RequestFingerprint.of(OPEN, JSON.toJson(body));
        OpenedTenant opened = opening.open(key, fingerprint, body.toRequest(), operator, request.getRemoteAddr(),
                request.getHeader("User-Agent"));
        Response.ResponseBuilder created = Response.created(uri.getAbsolutePathBuilder()
                .path(Long.toString(opened.tenant().id())).build()).entity(opened.tenant());
        if (opened.replayed()) {
            created.header(IdempotentResponses.REPLAYED, "true");
        }
        return created.build();
    }

    @POST
    @Path("tenants/{id}/suspension")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Suspend a tenant", description = "Every session of its users ends at once; until "
            + "reactivated its users cannot sign in and its API answers 403 (tenant-suspended).")
    @APIResponse(responseCode = "200", description = "Suspended", content = @Content(schema = @Schema(implementation = TenantView.class)))
    public TenantView suspendTenant(@PathParam("id") long id, @Valid Suspension body) {
        return directory.suspend(id, body.reason, CurrentOperator.require(), request.getRemoteAddr(),
                request.getHeader("User-Agent"));
    }

    @DELETE
    @Path("tenants/{id}/suspension")
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Reactivate a suspended tenant", description = "Its users sign in again (sessions of "
            + "before the suspension stay ended).")
    @APIResponse(responseCode = "200", description = "Reactivated", content = @Content(schema = @Schema(implementation = TenantView.class)))
    public TenantView reactivateTenant(@PathParam("id") long id) {
        return directory.reactivate(id, CurrentOperator.require(), request.getRemoteAddr(),
                request.getHeader("User-Agent"));
    }

    @PUT
    @Path("tenants/{id}/maintenance")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "beginTenantMaintenance", summary = "Hold a tenant's API for maintenance",
            description = "For the given minutes (a restore, a large import): every API call of its users answers "
                    + "503 with Retry-After, the seconds left; sessions stay. Ends by itself, or with DELETE.")
    @APIResponse(responseCode = "200", description = "Under maintenance until maintenanceUntil",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    public TenantView beginTenantMaintenance(@PathParam("id") long id, @Valid @NotNull Maintenance body) {
        return directory.beginMaintenance(id, body.minutes, CurrentOperator.require(), request.getRemoteAddr(),
                request.getHeader("User-Agent"));
    }

    @DELETE
    @Path("tenants/{id}/maintenance")
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "endTenantMaintenance", summary = "End a tenant's maintenance now")
    @APIResponse(responseCode = "200", description = "Open again",
            content = @Content(schema = @Schema(implementation = TenantView.class)))
    public TenantView endTenantMaintenance(@PathParam("id") long id) {
        return directory.endMaintenance(id, CurrentOperator.require(), request.getRemoteAddr(),
                request.getHeader("User-Agent"));
    }

    public static final class Maintenance {
        @Schema(example = "30", description = "How long, from now: 1 to 1440 minutes")
        @NotNull @Min(1) @Max(1440)
        public Integer minutes;
    }

    public static final class Credentials {
        @NotBlank @Size(max = 200)
        public String email;
        @NotBlank @Size(max = 200)
        public String password;
    }

    public static final class PasswordChoice {
        @NotBlank @Size(max = 200)
        public String token;
        @NotBlank @Size(max = 200)
        public String password;
    }

    public static final class PasswordChange {
        @NotBlank @Size(max = 200)
        public String currentPassword;
        @NotBlank @Size(max = 200)
        public String newPassword;
    }

    public static final class Suspension {
        @Schema(example = "Unpaid invoices since September")
        @NotBlank @Size(max = 300)
        public String reason;
    }

    /** What opening a tenant takes; blank optional fields take the country pack's defaults. */
    @Schema(name = "TenantOpening")
    public static final class OpeningBody {
        @Schema(example = "sipud")
        @NotBlank @Size(max = 40)
        public String slug;
        @Schema(example = "SIPUD Distribución SpA")
        @NotBlank @Size(max = 200)
        public String legalName;
        @Size(max = 200)
        public String tradeName;
        @Schema(example = "76.086.428-5", description = "Validated by the country's rule (RUC, RUT, RFC, SIRET/SIREN/VAT)")
        @NotBlank @Size(max = 20)
        public String taxId;
        @NotBlank @Size(max = 300)
        public String address;
        @Schema(example = "CL")
        @NotBlank @Size(min = 2, max = 2)
        public String country;
        @Schema(description = "Default: the country pack's (CLP for CL)")
        @Size(max = 3)
        public String currency;
        @Schema(description = "Default: the country pack's (America/Santiago for CL)")
        @Size(max = 60)
        public String timeZone;
        @Schema(type = SchemaType.ARRAY, implementation = String.class, description = "es, en, fr; default: the country pack's")
        public List<String> languages;
        @Schema(description = "SUNAT, FRENCH or INTERNAL_RECEIPT; default: the country pack's")
        @Size(max = 20)
        public String fiscalRegime;
        @Schema(example = "STGO01", description = "Default SEDE01")
        @Size(max = 10)
        public String locationCode;
        @Size(max = 120)
        public String locationName;
        @Schema(description = "LAB, CLINIC or DISTRIBUTOR: the seed business's roles by their names, besides the"
                + " default roles; none by default")
        @Size(max = 20)
        public String roleTemplate;
        @NotNull @Valid
        public Admin admin;

        TenantCharter.Request toRequest() {
            return new TenantCharter.Request(slug, legalName, tradeName, taxId, address, country, currency, timeZone,
                    languages, fiscalRegime, locationCode, locationName, admin.email, admin.firstName, admin.lastName,
                    admin.username, roleTemplate);
        }
    }

    /** The first administrator, invited by e-mail. */
    public static final class Admin {
        @NotBlank @Size(max = 200)
        public String email;
        @NotBlank @Size(max = 80)
        public String firstName;
        @NotBlank @Size(max = 80)
        public String lastName;
        @Schema(example = "crojas", description = "Optional: then the administrator also signs in as username@slug")
        @Size(max = 40)
        public String username;
    }

    public record OperatorToken(String accessToken, long expiresIn) {
    }

    /** A country pack as the opening form and clients read it. */
    public record PackView(String country, int version, String name, String currency, int currencyDigits,
                           String locale, String datePattern, String timeZone, List<String> languages,
                           String fiscalRegime, BigDecimal defaultTaxPercent, List<String> companyTaxIdTypes,
                           List<String> documentTypes, String phoneExample) {
        static PackView of(CountryPack p) {
            return new PackView(p.country(), p.version(), p.name(), p.currency().getCurrencyCode(), p.currencyDigits(),
                    p.locale().toLanguageTag(), p.datePattern(), p.timeZone().getId(), p.languages(), p.fiscalRegime(),
                    p.defaultTaxPercent(), p.companyTaxIdTypes(), p.documentTypes(), p.phoneExample());
        }
    }
}
