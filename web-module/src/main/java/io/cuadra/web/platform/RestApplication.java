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
        info = @Info(title = "Cuadra API", version = "1.0",
                description = "Back office of a multi-location business: catalog, customers, orders and payments, "
                        + "electronic invoices, stock by lot, daily cash closure. Errors are RFC 9457 problem+json; "
                        + "money is a decimal string with two places plus an ISO 4217 currency; instants are ISO-8601 "
                        + "with offset.",
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
