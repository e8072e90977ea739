package io.cuadra.web.platform;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.ws.rs.Path;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Serves the OpenAPI document at /openapi, YAML by default and JSON when asked ({@code Accept:
 * application/json} or {@code ?format=json}); never 406. Payara 6.2025.10 generates it (at
 * /openapi-payara, moved there by cuadra-domain.asadmin) with a root field {@code endpoints} the
 * specification does not allow, re-added after any OASFilter (fixed upstream as FISH-12303), and with
 * the gaps {@link OpenApiContract} fills from the resource classes. Both formats are written from one
 * rewritten tree, so they say the same.
 */
@WebServlet(name = "OpenApiDocument", urlPatterns = "/openapi")
public class OpenApiDocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(OpenApiDocumentServlet.class.getName());
    private static final String CLASSES = "/WEB-INF/classes/";
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Longer than this and the HTTP listener may drop the connection (keep-alive timeout 30 s). */
    private static final long WAIT_SECONDS = 20;
    private static final AtomicReference<CompletableFuture<Map<Boolean, String>>> DOCUMENTS = new AtomicReference<>();

    /**
     * Builds both notations in the background, once: Payara's generation takes seconds (half a minute on a
     * loaded machine), so it starts with the first request the application sees ({@link WarmUp}).
     */
    static CompletableFuture<Map<Boolean, String>> build(int port, jakarta.servlet.ServletContext context) {
        CompletableFuture<Map<Boolean, String>> started = new CompletableFuture<>();
        if (!DOCUMENTS.compareAndSet(null, started)) {
            return DOCUMENTS.get();
        }
        Thread worker = new Thread(() -> {
            try {
                Object tree = OpenApiContract.apply(generated(port), resources(context));
                started.complete(Map.of(true, JsonTree.toJson(tree).toString(), false, JsonTree.yaml(tree)));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not build the OpenAPI document", e);
                DOCUMENTS.set(null); // the next request tries again
                started.completeExceptionally(e);
            }
        }, "cuadra-openapi-document");
        worker.setDaemon(true);
        worker.start();
        return started;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String accept = request.getHeader("Accept");
        boolean json = "json".equalsIgnoreCase(request.getParameter("format"))
                || (accept != null && accept.contains("json") && !"yaml".equalsIgnoreCase(request.getParameter("format")));
        String document;
        try {
            document = build(request.getLocalPort(), getServletContext()).get(WAIT_SECONDS, TimeUnit.SECONDS).get(json);
        } catch (TimeoutException | ExecutionException e) {
            // A problem, not the container's HTML error page, whatever the client asked for.
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "5");
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(Json.createObjectBuilder().add("type", "about:blank")
                    .add("title", "Service Unavailable").add("status", 503)
                    .add("detail", "The OpenAPI document is being built: try again in a few seconds.").build().toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            return;
        }
        response.setContentType(json ? "application/json" : "application/yaml");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("Vary", "Accept");
        response.getOutputStream().write(document.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts the document with the first request the application receives (the port is known then). */
    @WebListener
    public static class WarmUp implements ServletRequestListener {

        @Override
        public void requestInitialized(ServletRequestEvent event) {
            if (DOCUMENTS.get() == null && event.getServletRequest() instanceof HttpServletRequest r
                    && !r.getRequestURI().endsWith("/openapi-payara")) {
                // Payara's document is read over the plain listener: this request's port when it is that one,
                // else the one the run command names (CUADRA_HTTP_PORT); over HTTPS with neither, a later request
                // builds it.
                int port = !r.isSecure() ? r.getLocalPort() : org.eclipse.microprofile.config.ConfigProvider
                        .getConfig().getOptionalValue("cuadra.http.port", Integer.class).orElse(-1);
                if (port > 0) {
                    build(port, event.getServletContext());
                }
            }
        }
    }

    /** Payara's document as a tree, without its non-standard root field. */
    private static Map<String, Object> generated(int port) {
        URI source = URI.create("http://127.0.0.1:" + port + "/openapi-payara");
        try {
            HttpRequest ask = HttpRequest.newBuilder(source).timeout(Duration.ofSeconds(300))
                    .header("Accept", "application/json").GET().build();
            HttpResponse<String> r = CLIENT.send(ask, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Payara's OpenAPI endpoint answered " + r.statusCode());
            }
            try (JsonReader reader = Json.createReader(new StringReader(r.body()))) {
                Map<String, Object> tree = OpenApiContract.asMap(JsonTree.of(reader.readObject()));
                tree.remove("endpoints");
                return tree;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The JAX-RS resource classes of this WAR: what the document was generated from. */
    private static List<Class<?>> resources(jakarta.servlet.ServletContext context) {
        List<Class<?>> found = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of(CLASSES + "io/cuadra/web/"));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        while (!todo.isEmpty()) {
            Set<String> entries = context.getResourcePaths(todo.pop());
            for (String entry : entries == null ? Set.<String>of() : entries) {
                if (entry.endsWith("/")) {
                    todo.push(entry);
                } else if (entry.endsWith(".class") && !entry.contains("$")) {
                    String name = entry.substring(CLASSES.length(), entry.length() - 6).replace('/', '.');
                    try {
                        Class<?> c = Class.forName(name, false, loader);
                        if (c.isAnnotationPresent(Path.class)) {
                            found.add(c);
                        }
                    } catch (ClassNotFoundException | LinkageError e) {
                        LOG.log(Level.FINE, "Not a loadable class: " + name, e);
                    }
                }
            }
        }
        return found;
    }
}
