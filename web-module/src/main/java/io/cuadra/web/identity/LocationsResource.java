package io.cuadra.web.identity;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.web.identity.IdentityViews.LocationView;
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

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** Locations (sedes). Users assigned to some locations see and reach only those. */
@RequestScoped
@Path("locations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Locations")
@SecurityRequirement(name = "bearer")
public class LocationsResource {

    @EJB
    LocationService locations;

    @GET
    @Operation(summary = "Locations the caller works at")
    public List<LocationView> listLocations() {
        return locations.listVisible().stream().map(LocationView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a location (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = LocationView.class)))
    public Response getLocation(@PathParam("id") long id) {
        Location l = locations.find(id);
        return Response.ok(LocationView.of(l)).tag(ETags.of(l.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.SETTINGS, action = Action.CREATE)
    @Operation(summary = "Open a location")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = LocationView.class)))
    public Response createLocation(@Valid LocationBody body, @Context UriInfo uri) {
        Location l = locations.create(body.code, body.name, body.address, body.phone, body.email, zone(body.timeZone),
                body.sunatEstablishment, body.invoiceSeries, body.receiptSeries, body.invoiceCreditSeries,
                body.receiptCreditSeries);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(l.getId())).build())
                .tag(ETags.of(l.getVersion())).entity(LocationView.of(l)).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    @Operation(summary = "Edit a location; needs If-Match")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = LocationView.class)))
    public Response updateLocation(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @Valid LocationBody body) {
        Location l = locations.update(id, ETags.requireVersion(ifMatch), body.name, body.address, body.phone,
                body.email, zone(body.timeZone), body.sunatEstablishment, body.invoiceSeries, body.receiptSeries,
                body.invoiceCreditSeries, body.receiptCreditSeries, body.active);
        return Response.ok(LocationView.of(l)).tag(ETags.of(l.getVersion())).build();
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new RuleViolation("timeZone: " + id + " is not a time zone (e.g. America/Lima).");
        }
    }

    @Schema(name = "LocationBody")
    public static final class LocationBody {
        @Schema(example = "LIM01")
        @NotBlank @Pattern(regexp = "[A-Z0-9]{2,10}")
        public String code;
        @NotBlank @Size(max = 120)
        public String name;
        @Size(max = 300)
        public String address;
        @Size(max = 20)
        public String phone;
        @Email @Size(max = 200)
        public String email;
        @Schema(example = "America/Lima")
        @NotBlank
        public String timeZone;
        @Schema(example = "0000")
        @NotBlank @Pattern(regexp = "\\d{4}")
        public String sunatEstablishment = "0000";
        @Pattern(regexp = "F[A-Z0-9]{3}")
        public String invoiceSeries;
        @Pattern(regexp = "B[A-Z0-9]{3}")
        public String receiptSeries;
        @Pattern(regexp = "F[A-Z0-9]{3}")
        public String invoiceCreditSeries;
        @Pattern(regexp = "B[A-Z0-9]{3}")
        public String receiptCreditSeries;
        public boolean active = true;
    }
}
