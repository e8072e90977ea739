package io.cuadra.web.catalog;

import io.cuadra.web.platform.Amount;
import io.cuadra.catalog.application.ItemDraft;
import io.cuadra.catalog.application.ItemFilter;
import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import io.cuadra.catalog.domain.ItemPrice;
import io.cuadra.catalog.domain.ItemType;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.domain.Money;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.web.catalog.CatalogViews.ItemView;
import io.cuadra.web.catalog.CatalogViews.PriceView;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.platform.ETags;
import io.cuadra.web.platform.TableExport;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Items of the catalog, their price history and repricing. */
@RequestScoped
@Path("catalog/items")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog: items")
@SecurityRequirement(name = "bearer")
public class ItemsResource {

    @EJB
    io.cuadra.identity.application.CompanyService company;

    @EJB
    ItemService items;

    @GET
    @Permitted(module = Module.CATALOG, action = Action.VIEW)
    @Operation(summary = "Items by name; search matches name (accents ignored), code prefix or barcode")
    public PageView<ItemView> listItems(@QueryParam("search") String search, @QueryParam("category") Long category,
                                   @QueryParam("type") ItemType type, @QueryParam("active") Boolean active,
                                   @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<ItemView> result = items.list(new ItemFilter(search, category, type, active), Page.number(page),
                Page.size(size, 50)).map(ItemView::of);
        return PageView.of(result);
    }

    @GET
    @Path("export")
    @Produces({"text/csv", TableExport.XLSX, MediaType.APPLICATION_JSON})
    @Permitted(module = Module.CATALOG, action = Action.EXPORT)
    @Operation(summary = "The whole catalog as CSV or XLSX (format=csv|xlsx)")
    public Response exportItems(@QueryParam("format") TableExport.TableFormat format) {
        // Prices at the currency's minor unit: 11900 pesos, not 11900.00.
        java.util.Currency currency = company.current().currency();
        return TableExport.download(format, "catalogo", List.of("id", "type", "code", "barcode", "name", "category",
                "unitCode", "price", "taxPercent", "affectationCode", "trackLots", "trackExpiry", "criticalStock",
                "kitComponents", "active"), (after, size) -> items.batchAfter(after, size).stream().map(i -> List.<Object>of(
                i.getId(), i.getType().name(), i.getCode(), i.getBarcode() == null ? "" : i.getBarcode(), i.getName(),
                i.getCategory() == null ? "" : i.getCategory().getName(), i.getUnitCode(), Money.round(i.getPrice(), currency),
                i.getTaxRate().getPercent(), i.getTaxRate().getAffectationCode(), i.isTrackLots(), i.isTrackExpiry(),
                i.getCriticalStock() == null ? "" : i.getCriticalStock(), i.getComponents().stream()
                        .map(c -> c.getComponent().getCode() + " x " + c.getQuantity().stripTrailingZeros().toPlainString())
                        .collect(java.util.stream.Collectors.joining("; ")), i.isActive())).toList());
    }

    @GET
    @Path("{id}")
    @Permitted(module = Module.CATALOG, action = Action.VIEW)
    @Operation(summary = "Read an item (ETag = version)")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ItemView.class)))
    public Response getItem(@PathParam("id") long id) {
        Item i = items.find(id);
        return Response.ok(ItemView.of(i)).tag(ETags.of(i.getVersion())).build();
    }

    @POST
    @Permitted(module = Module.CATALOG, action = Action.CREATE)
    @Operation(summary = "Create an item; its price starts the price history")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = ItemView.class)))
    public Response createItem(@Valid ItemBody body, @Context UriInfo uri) {
        if (body.price == null) {
            throw new RuleViolation("price: a new item needs a price.");
        }
        Item i = items.create(body.draft());
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(i.getId())).build())
                .tag(ETags.of(i.getVersion())).entity(ItemView.of(i)).build();
    }

    @PUT
    @Path("{id}")
    @Permitted(module = Module.CATALOG, action = Action.EDIT)
    @Operation(summary = "Edit an item; needs If-Match. The price changes only through POST .../prices")
    @APIResponse(responseCode = "200", description = "OK",
            content = @Content(schema = @Schema(implementation = ItemView.class)))
    public Response updateItem(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch,
                           @Valid ItemBody body) {
        Item i = items.update(id, ETags.requireVersion(ifMatch), body.draft());
        return Response.ok(ItemView.of(i)).tag(ETags.of(i.getVersion())).build();
    }

    @GET
    @Path("{id}/prices")
    @Permitted(module = Module.CATALOG, action = Action.VIEW)
    @Operation(summary = "Price history of an item, newest first")
    public List<PriceView> priceHistory(@PathParam("id") long id) {
        return items.priceHistory(id).stream().map(PriceView::of).toList();
    }

    @POST
    @Path("{id}/prices")
    @Permitted(module = Module.CATALOG, action = Action.EDIT)
    @Operation(summary = "Change the price of an item, saying why")
    @APIResponse(responseCode = "201", description = "Repriced; the history row", content = @Content(schema = @Schema(implementation = PriceView.class)))
    public Response repriceItem(@PathParam("id") long id, @Valid RepriceBody body, @Context UriInfo uri) {
        ItemPrice change = items.reprice(id, body.price, body.reason);
        return Response.created(uri.getAbsolutePath()).entity(PriceView.of(change)).build();
    }

    @Schema(name = "ItemBody")
    public static final class ItemBody {
        @Schema(example = "SERVICE")
        @NotNull @Pattern(regexp = "PRODUCT|SERVICE")
        public String type;
        @Schema(example = "LAB-HEM")
        @NotBlank @Size(max = 40)
        public String code;
        @Size(max = 40)
        public String barcode;
        @NotBlank @Size(max = 200)
        public String name;
        @Size(max = 2000)
        public String description;
        public Long categoryId;
        @Schema(description = "SUNAT catalog 03", example = "ZZ")
        @NotBlank @Pattern(regexp = "[A-Z0-9]{2,3}", message = "must be a SUNAT catalog 03 code such as NIU or ZZ")
        public String unitCode;
        @Schema(description = "Only read on creation", example = "35.00")
        @DecimalMin("0") @Digits(integer = 10, fraction = 2)
        @Amount
        public BigDecimal price;
        @NotNull
        public Long taxRateId;
        public boolean trackLots;
        public boolean trackExpiry;
        @DecimalMin("0") @Digits(integer = 9, fraction = 3)
        public BigDecimal criticalStock;
        @Digits(integer = 9, fraction = 3)
        public BigDecimal weightKg;
        @Digits(integer = 10, fraction = 2)
        public BigDecimal lengthCm;
        @Digits(integer = 10, fraction = 2)
        public BigDecimal widthCm;
        @Digits(integer = 10, fraction = 2)
        public BigDecimal heightCm;
        public boolean active = true;
        @Schema(type = SchemaType.ARRAY, implementation = ComponentBody.class,
                description = "Kit components; leave out to keep them as they are, [] for none")
        @Valid
        public List<ComponentBody> components;

        ItemDraft draft() {
            Map<Long, BigDecimal> parts = null;
            if (components != null) {
                parts = new LinkedHashMap<>();
                for (ComponentBody c : components) {
                    if (parts.put(c.itemId, c.quantity) != null) {
                        throw new RuleViolation("components: item " + c.itemId + " is listed twice.");
                    }
                }
            }
            return new ItemDraft(ItemType.valueOf(type), code.strip(), barcode, name.strip(), description, categoryId,
                    unitCode, price, taxRateId, trackLots, trackExpiry, criticalStock, weightKg, lengthCm, widthCm,
                    heightCm, active, parts);
        }
    }

    @Schema(name = "BundleComponentBody")
    public static final class ComponentBody {
        @NotNull
        public Long itemId;
        @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 9, fraction = 3)
        public BigDecimal quantity;
    }

    @Schema(name = "RepriceBody")
    public static final class RepriceBody {
        @Schema(example = "39.90")
        @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2)
        @Amount
        public BigDecimal price;
        @Schema(example = "Nueva lista de precios 2027")
        @NotBlank @Size(max = 300)
        public String reason;
    }
}
