package io.cuadra.web.billing;

import io.cuadra.web.platform.Amount;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import io.cuadra.billing.application.BillingProfileService;
import io.cuadra.billing.domain.BillingProfile;
import io.cuadra.billing.domain.FiscalRegime;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The tenant's billing profile: the legal mentions French invoices print about the seller. */
@RequestScoped
@Path("billing/profile")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Billing profile")
@SecurityRequirement(name = "bearer")
public class BillingProfileResource {

    @EJB
    BillingProfileService profiles;

    @GET
    @Permitted(module = Module.SETTINGS, action = Action.VIEW)
    @Operation(summary = "Read the billing profile (ETag = version; none yet = version 0, empty fields)")
    @APIResponse(responseCode = "200", description = "The profile",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    public Response getBillingProfile() {
        BillingProfileService.ProfileRead read = profiles.read();
        return Response.ok(ProfileView.of(read.profile(), read.regime())).tag(ETags.of(read.profile().getVersion()))
                .build();
    }

    @PUT
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Save the billing profile; needs If-Match once it exists")
    @APIResponse(responseCode = "200", description = "Saved",
            content = @Content(schema = @Schema(implementation = ProfileView.class)))
    public Response updateBillingProfile(@HeaderParam("If-Match") String ifMatch, @Valid ProfileBody body) {
        Long expected = ifMatch == null || ifMatch.isBlank() ? null : ETags.requireVersion(ifMatch);
        BillingProfile p = profiles.update(expected, body.legalForm, body.shareCapital, body.siret, body.rcsCity,
                body.vatNumber, body.paymentTermsText, body.vatExemptionMention, body.fiscalRegime);
        return Response.ok(ProfileView.of(p, profiles.regime())).tag(ETags.of(p.getVersion())).build();
    }

    @Schema(name = "BillingProfile")
    public record ProfileView(String legalForm, @Amount BigDecimal shareCapital, String siret, String rcsCity,
                              String vatNumber, String paymentTermsText, String vatExemptionMention,
                              FiscalRegime fiscalRegime, long version) {
        static ProfileView of(BillingProfile p, FiscalRegime regime) {
            return new ProfileView(p.getLegalForm(), p.getShareCapital(), p.getSiret(), p.getRcsCity(),
                    p.getVatNumber(), p.getPaymentTermsText(), p.getVatExemptionMention(), regime, p.getVersion());
        }
    }

    @Schema(name = "BillingProfileBody")
    public static final class ProfileBody {
        @Schema(example = "SAS")
        @Size(max = 60)
        public String legalForm;
        @Schema(example = "10000.00")
        @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
        @Amount
        public BigDecimal shareCapital;
        @Schema(example = "73282932000074")
        @Pattern(regexp = "\\d{14}", message = "a SIRET has 14 digits")
        public String siret;
        @Schema(example = "Paris")
        @Size(max = 60)
        public String rcsCity;
        @Schema(example = "FR44732829320")
        @Size(max = 20)
        public String vatNumber;
        @Size(max = 300)
        public String paymentTermsText;
        @Size(max = 200)
        public String vatExemptionMention;
        /** SUNAT, FRENCH or INTERNAL_RECEIPT; absent keeps the current one (by default the country's). */
        @Schema(example = "INTERNAL_RECEIPT")
        public FiscalRegime fiscalRegime;
    }
}
