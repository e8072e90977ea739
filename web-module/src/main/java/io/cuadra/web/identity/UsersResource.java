package io.cuadra.web.identity;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.application.UserService;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.domain.Module;
import io.cuadra.identity.domain.Permission;
import io.cuadra.identity.domain.User;
import io.cuadra.web.identity.IdentityViews.UserView;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

import java.util.List;
import java.util.Set;

/** Users of the tenant: list, read, create, edit (If-Match), deactivate, send a reset link. */
@RequestScoped
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@SecurityRequirement(name = "bearer")
public class UsersResource {

    @EJB
    UserService users;

    @Context
    HttpServletRequest request;

    @GET
    @Path("me")
    @Operation(summary = "The signed-in user, with effective permissions")
    public Me me() {
        Caller caller = CurrentCaller.require();
        return new Me(caller.userId(), caller.tenantId(), caller.email(), caller.roles(),
                caller.permissions().stream().map(Permission::toString).sorted().toList(), caller.allLocations(),
                caller.locationIds());
    }

    @GET
    @Permitted(module = Module.USERS, action = Action.VIEW)
    @Operation(summary = "List users")
    public List<UserView> listUsers() {
        return users.list().stream().map(UserView::of).toList();
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.USERS, action = Action.VIEW)
    @Operation(summary = "Read a user (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response getUser(@PathParam("id") long id) {
        User user = users.find(id);
        return Response.ok(UserView.of(user)).tag(ETags.of(user.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.USERS, action = Action.CREATE)
    @Operation(summary = "Create a user")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response createUser(@Valid NewUser body, @Context UriInfo uri) {
        User user = users.create(body.email, body.username, body.firstName, body.lastName, body.phone, body.password,
                body.roles, body.locationIds);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(user.getId())).build())
                .tag(ETags.of(user.getVersion())).entity(UserView.of(user)).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.USERS, action = Action.EDIT)
    @Operation(summary = "Edit a user (names, active, roles, locations); needs If-Match")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = UserView.class)))
    public Response updateUser(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                               @Valid UserChanges body) {
        User user = users.update(id, ETags.requireVersion(ifMatch), body.firstName, body.lastName, body.phone,
                body.active, body.roles, body.locationIds);
        return Response.ok(UserView.of(user)).tag(ETags.of(user.getVersion())).build();
    }

    @POST
    @Path("{id}/password-reset")
    @Permitted(module = Module.USERS, action = Action.EDIT)
    @Operation(summary = "Mail the user a password reset link")
    @APIResponse(responseCode = "202", description = "Sent")
    public Response sendReset(@PathParam("id") long id) {
        users.sendPasswordReset(id, CuadraAuthentication.clientOf(request));
        return Response.accepted().build();
    }

    @PUT
    @Path("{id}/password")
    @Permitted(module = Module.USERS, action = Action.EDIT)
    @Operation(summary = "Set a user's password (administrators; the way back in for users without e-mail)",
            description = "Every session of the user ends.")
    @APIResponse(responseCode = "204", description = "Set")
    public Response setPassword(@PathParam("id") long id, @Valid NewPassword body) {
        users.setPassword(id, body.password);
        return Response.noContent().build();
    }

    @Schema(name = "NewPassword")
    public static final class NewPassword {
        @NotBlank @Size(max = 128)
        public String password;
    }

    @Schema(name = "Me")
    public record Me(long userId, long tenantId, String email, Set<String> roles, List<String> permissions,
                     boolean allLocations, Set<Long> locationIds) {
    }

    @Schema(name = "NewUser")
    public static final class NewUser {
        @Schema(description = "Optional when a username is given (then the password is reset by an administrator)")
        @Email @Size(max = 200)
        public String email;
        @Schema(description = "Unique in the company; signs in as username@company-slug", example = "jperez")
        @Size(max = 40)
        public String username;
        @NotBlank @Size(max = 80)
        public String firstName;
        @NotBlank @Size(max = 80)
        public String lastName;
        @Size(max = 20)
        public String phone;
        @NotBlank @Size(max = 128)
        public String password;
        @NotEmpty
        public Set<String> roles;
        public Set<Long> locationIds;
    }

    @Schema(name = "UserChanges")
    public static final class UserChanges {
        @NotBlank @Size(max = 80)
        public String firstName;
        @NotBlank @Size(max = 80)
        public String lastName;
        @Size(max = 20)
        public String phone;
        public boolean active = true;
        @NotEmpty
        public Set<String> roles;
        public Set<Long> locationIds;
    }
}
