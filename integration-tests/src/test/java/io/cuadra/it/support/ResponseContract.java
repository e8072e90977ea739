package io.cuadra.it.support;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Every JSON answer of the API that a test receives is checked, as it arrives, against the response schema
 * its operation declares in the document the server itself serves (fetched once per server, then kept): a
 * body that does not match, or a status the operation does not declare, fails the test that received it.
 * Off only with {@code -Dcuadra.it.validateResponses=false} (to look at a broken build, never in CI).
 */
public final class ResponseContract {

    static final boolean ON = !"false".equals(System.getProperty("cuadra.it.validateResponses"));
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ResponseContract() {
    }

    /**
     * Fails (AssertionError) when a JSON answer of {@code /api/...} does not match its operation's schema.
     *
     * @param uri the request's full address (its path is matched against the document's paths)
     */
    public static void check(String method, URI uri, int status, String contentType, String body) {
        String path = uri.getPath();
        if (!ON || path == null || !path.startsWith("/api/") || contentType == null || body == null || body.isEmpty()
                || !isJson(contentType)) {
            return;
        }
        String root = uri.getScheme() + "://" + uri.getAuthority() + "/";
        OpenApiInteractionValidator validator = VALIDATORS.computeIfAbsent(root, ResponseContract::validator);
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method.toUpperCase(Locale.ROOT)),
                SimpleResponse.Builder.status(status).withContentType(contentType).withBody(body).build());
        if (report.hasErrors()) {
            throw new AssertionError("The answer to " + method + " " + path + " (" + status + ") does not match the "
                    + "served OpenAPI document:\n" + report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  - " + m.getKey() + ": " + m.getMessage()).collect(Collectors.joining("\n"))
                    + "\nbody: " + (body.length() > 600 ? body.substring(0, 600) + "..." : body));
        }
    }

    static boolean isJson(String contentType) {
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        String bare = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        return bare.equals("application/json") || bare.endsWith("+json");
    }

    private static OpenApiInteractionValidator validator(String root) {
        return OpenApiInteractionValidator.createForInlineApiSpecification(document(root))
                .withBasePathOverride("/")
                // Only what the server answers is checked here; requests are the tests' own (some wrong on purpose),
                // and paths outside the document (webhooks of other systems) are not the contract's.
                .withLevelResolver(LevelResolver.create()
                        .withLevel("validation.request", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.path.missing", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.header", ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /** The served document; while the application starts it answers 503 with Retry-After. */
    private static String document(String root) {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        try {
            while (true) {
                HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create(root + "openapi?format=json"))
                        .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return r.body();
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no OpenAPI document at " + root + ": " + r.statusCode());
                }
                Thread.sleep(1000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
