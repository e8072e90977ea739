package io.cuadra.web.orders;

import io.cuadra.web.platform.Amount;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.orders.application.CardFeeRuleService;
import io.cuadra.orders.domain.CardFeeRule;
import io.cuadra.orders.domain.TenantCardFeeRule;
import io.cuadra.web.orders.OrderViews.CardFeeRuleView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Card providers' fee terms. At most one rule is in force per provider and currency on a day: to
 * change terms, close the old rule (effectiveTo) the day before the new one starts.
 */
@RequestScoped
@Path("card-fee-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Card fee rules")
@SecurityRequirement(name = "bearer")
public class CardFeeRulesResource {

    @EJB
    CardFeeRuleService rules;

    @GET
    @Permitted(module = Module.PAYMENTS, action = Action.VIEW)
    @Operation(summary = "Card fee rules by provider, currency and start")
    @APIResponse(responseCode = "200", description = "Every rule, past ones included",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CardFeeRuleView.class)))
    public List<CardFeeRuleView> listCardFeeRules() {
        return rules.list().stream().map(CardFeeRuleView::of).toList();
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.PAYMENTS, action = Action.VIEW)
    @Operation(summary = "Read a card fee rule (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CardFeeRuleView.class)))
    public Response getCardFeeRule(@PathParam("id") long id) {
        TenantCardFeeRule r = rules.find(id);
        return Response.ok(CardFeeRuleView.of(r)).tag(ETags.of(r.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Add a card fee rule")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CardFeeRuleBody.class),
            examples = @ExampleObject(name = "Niubiz 2027", value = """
                    {"provider": "Niubiz", "percent": 3.44, "fixedAmount": 0.00, "currency": "PEN",
                     "effectiveFrom": "2027-01-01"}""")))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CardFeeRuleView.class)))
    public Response createCardFeeRule(@Valid CardFeeRuleBody body, @Context UriInfo uri) {
        TenantCardFeeRule r = rules.create(body.rule());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(r.getId())).build())
                .tag(ETags.of(r.getVersion())).entity(CardFeeRuleView.of(r)).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Change a card fee rule, e.g. close it (If-Match required)",
            description = "Payments already taken keep the fee they were charged.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = CardFeeRuleView.class)))
    public Response updateCardFeeRule(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                                      @Valid CardFeeRuleBody body) {
        TenantCardFeeRule r = rules.update(id, ETags.requireVersion(ifMatch), body.rule());
        return Response.ok(CardFeeRuleView.of(r)).tag(ETags.of(r.getVersion())).build();
    }

    @Schema(name = "CardFeeRuleRequest")
    public static final class CardFeeRuleBody {
        @Schema(example = "Niubiz")
        @NotBlank @Size(max = 60)
        public String provider;
        @Schema(example = "3.99")
        @NotNull @PositiveOrZero @Digits(integer = 2, fraction = 2)
        public BigDecimal percent;
        @Schema(example = "0.50")
        @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2)
        @Amount
        public BigDecimal fixedAmount;
        @Schema(example = "PEN")
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as PEN")
        public String currency;
        @Schema(type = SchemaType.STRING, format = "date", example = "2026-01-01")
        @NotNull
        public LocalDate effectiveFrom;
        @Schema(type = SchemaType.STRING, format = "date", description = "Last day in force (inclusive); "
                + "leave out while it has no end")
        public LocalDate effectiveTo;

        CardFeeRule rule() {
            return TenantCardFeeRule.rule(provider, percent, fixedAmount, currency, effectiveFrom, effectiveTo);
        }
    }
}
