package io.cuadra.web.identity;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.application.RoleService;
import io.cuadra.identity.application.RoleTemplates;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.identity.domain.Permission;
import io.cuadra.identity.domain.Role;
import io.cuadra.identity.domain.RoleTemplateSet;
import io.cuadra.identity.domain.RoleTemplateSet.RoleTemplate;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.web.identity.IdentityViews.RoleView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The role matrix (module x action) and the roles themselves. Reading needs users:view, changing a row
 * users:edit, creating or cloning a role or applying a template users:create, deleting users:delete.
 */
@RequestScoped
@Path("roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Roles")
@SecurityRequirement(name = "bearer")
public class RolesResource {

    @EJB
    RoleService roles;

    @EJB
    RoleTemplates templates;

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
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = RoleView.class)))
    public Response getRole(@PathParam("id") long id) {
        Role role = roles.find(id);
        return Response.ok(RoleView.of(role)).tag(ETags.of(role.getVersion())).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.USERS, action = Action.EDIT)
    @Operation(summary = "Replace a role's row of the matrix; needs If-Match",
            description = "Permissions are written module:action, e.g. orders:approve.")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = RoleView.class)))
    public Response updateRole(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @Valid RoleChanges body) {
        Role role = roles.changePermissions(id, ETags.requireVersion(ifMatch), body.name, body.allLocations,
                parse(body.permissions));
        return Response.ok(RoleView.of(role)).tag(ETags.of(role.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.USERS, action = Action.CREATE)
    @Operation(summary = "Create a role with its row of the matrix", description = "Its name must be new in the tenant.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = RoleView.class)))
    public Response createRole(@Valid RoleChanges body, @Context UriInfo uri) {
        return created(roles.create(body.name, body.allLocations, parse(body.permissions)), uri);
    }

    @POST
    @Path("{id}/clone")
    @Permitted(module = Module.USERS, action = Action.CREATE)
    @Operation(summary = "Clone a role (e.g. a default one) under a new name: same matrix, same span")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = RoleView.class)))
    public Response cloneRole(@PathParam("id") long id, @Valid CloneRequest body, @Context UriInfo uri) {
        return created(roles.cloneRole(id, body.name), uri);
    }

    @DELETE
    @Path("{id}")
    @Permitted(module = Module.USERS, action = Action.DELETE)
    @Operation(summary = "Delete a role nobody holds; needs If-Match")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response deleteRole(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        roles.delete(id, ETags.requireVersion(ifMatch));
        return Response.noContent().build();
    }

    @GET
    @Path("templates")
    @Permitted(module = Module.USERS, action = Action.VIEW)
    @Operation(summary = "The role template sets of the seed businesses (LAB, CLINIC, DISTRIBUTOR) and their roles")
    public List<TemplateSetView> listTemplates() {
        return Arrays.stream(RoleTemplateSet.values())
                .map(t -> new TemplateSetView(t.name(), t.roles().stream().map(RoleTemplate::name).toList())).toList();
    }

    @POST
    @Path("templates/{set}")
    @Permitted(module = Module.USERS, action = Action.CREATE)
    @Operation(summary = "Give the tenant the roles of a template set",
            description = "Roles whose name the tenant already has are left as they are; answers the names created.")
    public List<String> applyTemplate(@PathParam("set") String set) {
        RoleTemplateSet templateSet = Arrays.stream(RoleTemplateSet.values()).filter(t -> t.name().equals(set))
                .findFirst().orElseThrow(() -> new NotFound("No role template set " + set + "."));
        return templates.apply(templateSet);
    }

    private static Response created(Role role, UriInfo uri) {
        return Response.created(uri.getBaseUriBuilder().path("roles").path(Long.toString(role.getId())).build())
                .tag(ETags.of(role.getVersion())).entity(RoleView.of(role)).build();
    }

    private static Set<Permission> parse(List<String> cells) {
        Set<Permission> permissions = new HashSet<>();
        for (String p : cells) {
            try {
                permissions.add(Permission.parse(p));
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new RuleViolation("permissions: " + p + " is not module:action of the matrix.");
            }
        }
        return permissions;
    }

    @Schema(name = "RoleCloneRequest")
    public static final class CloneRequest {
        @NotBlank @Size(max = 80)
        public String name;
    }

    @Schema(name = "RoleTemplateSet")
    public record TemplateSetView(String set, List<String> roles) {
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
