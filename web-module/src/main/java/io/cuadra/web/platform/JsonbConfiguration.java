package io.cuadra.web.platform;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One JSON-B configuration for the whole API: a request carrying a property the API does not know
 * is refused (a typo such as "quantitiy" must not silently become a default), nulls are omitted.
 */
@Provider
public class JsonbConfiguration implements ContextResolver<Jsonb> {

    /** Yasson's switch (Jakarta JSON Binding 3.0 has no standard one). */
    static final String FAIL_ON_UNKNOWN_PROPERTIES = "jsonb.fail-on-unknown-properties";

    private final Jsonb jsonb = JsonbBuilder.create(new JsonbConfig()
            .withNullValues(false)
            .setProperty(FAIL_ON_UNKNOWN_PROPERTIES, true));

    @Override
    public Jsonb getContext(Class<?> type) {
        return jsonb;
    }
}
