package io.cuadra.web.identity;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.application.RoleService;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.identity.domain.Permission;
import io.cuadra.identity.domain.Role;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.web.identity.IdentityViews.RoleView;
import io.cuadra.web.platform.ETags;
import io.cuadra.web.platform.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The role matrix (module x action). Reading needs users:view, changing it users:edit. */
@RequestScoped
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
@SecurityRequirement(name = "bearer")
public class RolesResource {

    @EJB
    RoleService roles;

    @GET
    @Permitted(module = Module.USERS, action = Action.VIEW)
    @Operation(summary = "List roles with their permissions")
    public List<RoleView> listRoles() {
        return roles.list().stream().map(RoleView::of).toList();
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.USERS, action = Action.VIEW)
    @Operation(summary = "Read a role (ETag = version)")
    @APIResponse(responseCode = "404", description = "No such role in your tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response getRole(@PathParam("id") long id) {
        Role role = roles.find(id);
        return Response.ok(RoleView.of(role)).tag(ETags.of(role.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.USERS, action = Action.EDIT)
    @Operation(summary = "Replace a role's row of the matrix; needs If-Match",
            description = "Permissions are written module:action, e.g. orders:approve.")
    @APIResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response updateRole(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @Valid RoleChanges body) {
        Set<Permission> permissions = new HashSet<>();
        for (String p : body.permissions) {
            try {
                permissions.add(Permission.parse(p));
            } catch (IllegalArgumentException e) {
                throw new RuleViolation("permissions: " + p + " is not module:action of the matrix.");
            }
        }
        Role role = roles.changePermissions(id, ETags.requireVersion(ifMatch), body.name, body.allLocations,
                permissions);
        return Response.ok(RoleView.of(role)).tag(ETags.of(role.getVersion())).build();
    }

    @Schema(name = "RoleChanges")
    public static final class RoleChanges {
        @NotBlank @Size(max = 80)
        public String name;
        public boolean allLocations;
        @NotNull
        public List<String> permissions;
    }
}
