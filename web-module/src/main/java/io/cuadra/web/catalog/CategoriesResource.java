package io.cuadra.web.catalog;

import io.cuadra.catalog.application.CategoryView;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.cuadra.catalog.application.CategoryService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.web.platform.ETags;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Catalog categories. */
@RequestScoped
@Path("catalog/categories")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog: categories")
@SecurityRequirement(name = "bearer")
public class CategoriesResource {

    @EJB
    CategoryService categories;

    @GET
    @Permitted(module = Module.CATALOG, action = Action.VIEW)
    @Operation(summary = "Categories, active ones unless all=true")
    public List<CategoryView> listCategories(@QueryParam("all") boolean all) {
        return categories.views(!all);
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.CATALOG, action = Action.VIEW)
    @Operation(summary = "Read a category (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CategoryView.class)))
    public Response getCategory(@PathParam("id") long id) {
        CategoryView c = categories.view(id);
        return Response.ok(c).tag(ETags.of(c.version())).build();
    }

    @POST
    @Permitted(module = Module.CATALOG, action = Action.CREATE)
    @Operation(summary = "Create a category")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = CategoryView.class)))
    public Response createCategory(@Valid CategoryBody body, @Context UriInfo uri) {
        CategoryView c = categories.createView(body.code, body.name, body.description);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(c.id())).build())
                .tag(ETags.of(c.version())).entity(c).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.CATALOG, action = Action.EDIT)
    @Operation(summary = "Edit a category; needs If-Match (the code stays)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = CategoryView.class)))
    public Response updateCategory(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @Valid CategoryBody body) {
        CategoryView c = categories.updateView(id, ETags.requireVersion(ifMatch), body.name, body.description,
                body.active);
        return Response.ok(c).tag(ETags.of(c.version())).build();
    }

    @Schema(name = "CategoryBody")
    public static final class CategoryBody {
        @Schema(example = "LAB")
        @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9_-]{0,19}", message = "use 1 to 20 capital letters, digits, - or _")
        public String code;
        @NotBlank @Size(max = 120)
        public String name;
        @Size(max = 500)
        public String description;
        public boolean active = true;
    }
}
