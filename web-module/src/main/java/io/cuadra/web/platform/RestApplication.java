package io.cuadra.web.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

import java.util.Map;

/** The REST API lives under /api; the JSF back office has the rest of the context root. */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Cuadra API", version = OpenApiContract.VERSION,
                description = "Back office of a multi-location business: catalog, customers, orders and payments, "
                        + "electronic invoices, stock by lot, daily cash closure. Errors are RFC 9457 problem+json "
                        + "(asking for application/json or application/problem+json both get them). Money is the Money "
                        + "schema: a decimal string with exactly the currency's digits (\"47.70\" PEN, \"11900\" CLP) "
                        + "in the currency of the object it belongs to (its `currency` field, ISO 4217, else the "
                        + "tenant's); a JSON number where money is expected is a 400. Ids are 64-bit integers; instants are ISO-8601 "
                        + "with offset, dates YYYY-MM-DD. Lists are pages (items, total, page from 0, size) with RFC "
                        + "8288 Link headers. Every answer carries RateLimit and RateLimit-Policy headers; past the "
                        + "limit, 429 with Retry-After.",
                contact = @Contact(name = "Cuadra")))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Access token from POST /api/auth/login")
public class RestApplication extends Application {

    /** No WADL: the API is described by /openapi, and /api/application.wadl would list it to anyone. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
