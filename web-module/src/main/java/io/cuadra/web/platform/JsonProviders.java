package io.cuadra.web.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once: {@code Json.createObjectBuilder()} and its siblings look it up on every
 * call (a ServiceLoader scan through Payara's class loaders), which was an eighth of the sale's sampled CPU in
 * the request filters that read, check and rewrite bodies, and a quarter of a busy notification drain's (the request
 * log and the log formatter). Use this one wherever the web layer builds JSON.
 */
final class JsonProviders {

    static final JsonProvider JSON = JsonProvider.provider();

    private JsonProviders() {
    }
}
