package io.cuadra.web.customers;

import io.cuadra.customers.application.DocumentTypes;
import io.cuadra.shared.identitydocuments.DocumentCheck;
import io.cuadra.shared.identitydocuments.DocumentType;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Identity documents of SUNAT catalog 06: the list, and a check a form can call while the user types. */
@RequestScoped
@Path("customers/document-checks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Customers: identity documents")
public class DocumentChecksResource {

    /** SUNAT catalog 06 codes, and the other countries' documents by name. */
    static final String CODES = "[01467]|RUT|RFC|CURP|SIREN|SIRET|VAT";
    static final String CODES_MESSAGE = "must be one of 0, 1, 4, 6, 7 (SUNAT catalog 06), RUT, RFC, CURP, SIREN, SIRET or VAT";

    @EJB
    DocumentTypes documentTypes;

    @GET
    @Path("types")
    @Permitted(module = Module.CUSTOMERS, action = Action.VIEW)
    @Operation(summary = "Identity document types of the tenant's country (its country pack)")
    public List<DocumentTypeView> types() {
        return documentTypes.offered().stream()
                .map(t -> new DocumentTypeView(t.sunatCode(), t.name(), t.label()))
                .toList();
    }

    @POST
    @Permitted(module = Module.CUSTOMERS, action = Action.VIEW)
    @Operation(summary = "Check an identity document number",
            description = "Normalises the number and says whether it is valid for its type (RUC check digit, DNI "
                    + "length...). An invalid number is a 200 answer with valid=false and the reason.")
    @APIResponse(responseCode = "200", description = "The verdict",
            content = @Content(schema = @Schema(implementation = DocumentCheckView.class)))
    public DocumentCheckView check(@Valid CheckRequest request) {
        DocumentType type = DocumentType.bySunatCode(request.type).orElseThrow();
        DocumentCheck check = type.check(request.number);
        return new DocumentCheckView(type.sunatCode(), type.label(), check.number(), check.valid(), check.problem());
    }

    /**
     * A request body is a class with validated fields, not a record: Payara 6.2025.10's OpenAPI
     * scanner fails on constraint annotations that sit on parameters, and record components put
     * them on the canonical constructor's parameters too (README, "Platform pitfalls").
     */
    @Schema(name = "DocumentCheckRequest")
    public static final class CheckRequest {
        @Schema(description = "SUNAT catalog 06 code, or RUT, RFC, CURP, SIREN, SIRET, VAT", example = "6", required = true)
        @NotBlank
        @Pattern(regexp = CODES, message = CODES_MESSAGE)
        public String type;

        @Schema(example = "20100070970", required = true)
        @NotNull
        @Size(max = 20)
        public String number;
    }

    @Schema(name = "DocumentCheck")
    public record DocumentCheckView(String type, String typeName, String number, boolean valid, String problem) {
    }

    @Schema(name = "DocumentType")
    public record DocumentTypeView(String code, String name, String label) {
    }
}
