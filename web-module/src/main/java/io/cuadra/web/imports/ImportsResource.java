package io.cuadra.web.imports;

import io.cuadra.imports.application.ImportService;
import io.cuadra.imports.application.ImportStatus;
import io.cuadra.imports.domain.ImportKind;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.web.platform.PageView;
import io.cuadra.web.platform.TableExport;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Bulk imports of catalog items and customers: the file is the raw request body (CSV or XLSX), stored
 * and imported by a batch job that this resource starts and follows. Uploading or following an import
 * needs the "create" permission of what it imports (checked by {@link ImportService}, since it depends
 * on the import's kind); another tenant's import is a 404.
 */
@RequestScoped
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Imports", description = "Items and customers from CSV or XLSX files, by batch jobs")
@SecurityRequirement(name = "bearer")
public class ImportsResource {

    private static final String FILE_DESCRIPTION = "The file itself as the body: CSV (UTF-8 or Windows-1252; "
            + "comma, semicolon or tab) or XLSX (first sheet). Row 1 names the columns; see the README for them.";

    @EJB
    ImportService imports;

    @POST
    @Consumes({"text/csv", TableExport.XLSX, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a CSV or XLSX file and start its import",
            description = "kind=customers needs customers:create, kind=items catalog:create. Stores the file, checks "
                    + "its header and starts the customers-import or items-import job. Each row is checked like a "
                    + "customer or item created by hand (document check digit, unique document or code, category "
                    + "and tax rate exist, kits without cycles...); good rows are written, bad ones reported in the "
                    + "rejected-rows report. fileName gives the format (.csv or .xlsx; else the Content-Type does); "
                    + "itemCount the rows per chunk, each one transaction and one checkpoint.")
    @RequestBody(description = FILE_DESCRIPTION, required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = TableExport.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
            @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "202", description = "Stored and started; follow it at the Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    public Response uploadImport(@QueryParam("kind") ImportKind kind, @QueryParam("fileName") String fileName,
                                 @QueryParam("itemCount") Integer itemCount, @Context HttpHeaders headers,
                                 InputStream body, @Context UriInfo uri) throws IOException {
        String contentType = headers.getMediaType() == null ? null : headers.getMediaType().toString();
        ImportStatus status = imports.upload(kind(kind), fileName(fileName, contentType), read(body), itemCount);
        return Response.accepted(ImportView.of(status))
                .location(uri.getBaseUriBuilder().path("imports").path(Long.toString(status.upload().getId())).build())
                .build();
    }

    @GET
    @Operation(summary = "Imports the caller may follow, newest first",
            description = "Those of the kinds whose create permission the caller has (catalog:create for items, "
                    + "customers:create for customers).")
    public PageView<ImportView> listImports(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        Page<ImportView> result = imports.list(null, Page.number(page), Page.size(size, 20)).map(ImportView::of);
        return PageView.of(result);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Follow an import: status, read/written/skipped counts, start and end")
    @APIResponse(responseCode = "200", description = "The import",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    public ImportView getImport(@PathParam("id") long id) {
        return ImportView.of(imports.follow(id));
    }

    @POST
    @Path("{id}/restart")
    @Operation(summary = "Restart a failed or stopped import from its last checkpoint",
            description = "Rows written or rejected before the failure are not done again.")
    @APIResponse(responseCode = "202", description = "Restarted",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportView.class)))
    public Response restartImport(@PathParam("id") long id) {
        return Response.accepted(ImportView.of(imports.restart(id))).build();
    }

    @GET
    @Path("{id}/rejected-rows")
    @Produces({"text/csv", TableExport.XLSX, MediaType.APPLICATION_JSON})
    @Operation(summary = "The rejected-rows report as CSV or XLSX (format=csv|xlsx)",
            description = "One line per rejected row: its row number in the file (the header is row 1), the reason, "
                    + "then the row's cells under the file's own header, so the file can be fixed and imported again.")
    @APIResponse(responseCode = "200", description = "The report (only the header while no row was rejected)")
    public Response downloadRejectedRows(@PathParam("id") long id,
                                         @QueryParam("format") TableExport.TableFormat format) {
        return RejectedRowsReport.download(imports, id, format);
    }

    /** Required: an unknown kind is a 400 from the parameter rule, a missing one is refused here. */
    private static ImportKind kind(ImportKind kind) {
        if (kind == null) {
            throw new RuleViolation("kind: say what the file imports: kind=customers or kind=items.");
        }
        return kind;
    }

    /** The name given, else one made from the content type (the format is read from the name). */
    private static String fileName(String fileName, String contentType) {
        if (fileName != null && !fileName.isBlank()) {
            return fileName.strip();
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv")) {
            return "import.csv";
        }
        if (type.startsWith(TableExport.XLSX)) {
            return "import.xlsx";
        }
        throw new RuleViolation("fileName: name the file (clientes.csv, catalogo.xlsx) so its format is known.");
    }

    /** The body, refused beyond the size an import takes without reading the rest into memory. */
    private static byte[] read(InputStream body) throws IOException {
        byte[] content = body.readNBytes(ImportService.MAX_BYTES + 1);
        if (content.length > ImportService.MAX_BYTES) {
            throw new RuleViolation("file: the file is larger than " + ImportService.MAX_BYTES / (1024 * 1024)
                    + " MB; split it.");
        }
        return content;
    }
}
