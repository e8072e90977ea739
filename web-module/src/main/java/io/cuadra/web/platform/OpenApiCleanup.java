package io.cuadra.web.platform;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps /openapi a valid OpenAPI 3 document. Payara 6.2025.10 adds a root field "endpoints" that
 * the specification does not allow (fixed upstream as FISH-12303, by renaming it "x-endpoints");
 * this filter empties it. Remove when Payara ships the fix.
 */
public class OpenApiCleanup implements OASFilter {

    private static final Logger LOG = Logger.getLogger(OpenApiCleanup.class.getName());

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        try {
            Method setter = openAPI.getClass().getMethod("setEndpoints", Map.class);
            setter.invoke(openAPI, (Object) null);
        } catch (NoSuchMethodException e) {
            // A Payara without the non-standard field: nothing to clean.
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not remove Payara's non-standard 'endpoints' field", e);
        }
    }
}
