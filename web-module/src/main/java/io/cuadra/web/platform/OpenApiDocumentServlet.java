package io.cuadra.web.platform;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Serves the OpenAPI document at /openapi as valid OpenAPI 3. Payara 6.2025.10 generates it (at
 * /openapi-payara, moved there by cuadra-domain.asadmin) with a root field {@code endpoints} the
 * specification does not allow, re-added after any OASFilter (fixed upstream as FISH-12303). This
 * servlet takes Payara's document once per format, drops that field, and serves the result. Remove
 * it, and the endpoint move, when Payara ships the fix.
 */
@WebServlet(name = "OpenApiDocument", urlPatterns = "/openapi")
public class OpenApiDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OpenApiDocumentServlet.class.getName());
    private static final Pattern YAML_ENDPOINTS = Pattern.compile("(?m)^endpoints:.*\\R(?:[ \\t-].*\\R?)*");

    private final transient Map<Boolean, String> documents = new ConcurrentHashMap<>();
    private final transient HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String accept = request.getHeader("Accept");
        boolean json = "json".equalsIgnoreCase(request.getParameter("format"))
                || (accept != null && accept.contains("application/json"));
        String document;
        try {
            document = documents.computeIfAbsent(json, j -> generated(request, j));
        } catch (IllegalStateException e) {
            LOG.log(Level.WARNING, "Could not obtain Payara's OpenAPI document", e);
            // A problem, not the container's HTML error page, whatever the client asked for.
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder().add("type", "about:blank")
                    .add("title", "Service Unavailable").add("status", 503)
                    .add("detail", "The OpenAPI document is not ready yet: try again in a few seconds.").build().toString());
            return;
        }
        response.setContentType(json ? "application/json" : "application/yaml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.getOutputStream().write(document.getBytes(StandardCharsets.UTF_8));
    }

    private String generated(HttpServletRequest request, boolean json) {
        URI source = URI.create("http://127.0.0.1:" + request.getLocalPort() + "/openapi-payara");
        try {
            // Payara answers 406 to "Accept: application/yaml": YAML is what it sends when no Accept is given.
            HttpRequest.Builder ask = HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(60)).GET();
            if (json) {
                ask.header("Accept", "application/json");
            }
            HttpResponse<String> r = client.send(ask.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Payara's OpenAPI endpoint answered " + r.statusCode());
            }
            if (json) {
                try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
                    return Json.createObjectBuilder(reader.readObject()).remove("endpoints").build().toString();
                }
            }
            return YAML_ENDPOINTS.matcher(r.body()).replaceFirst("");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
