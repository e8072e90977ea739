package io.cuadra.it.platform;

import io.cuadra.it.support.Browser;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.OpenApiLint;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestEnvironment;
import io.cuadra.it.support.ValidatingProxy;
import io.cuadra.server.PayaraDomain;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The cross-cutting contract every component relies on: health, OpenAPI, problem+json, JSF shell, schema. */
@ExtendWith(ArquillianExtension.class)
class PlatformIT extends CuadraDeployment {

    private final Http anonymous = http();
    private Http http;

    @org.junit.jupiter.api.BeforeEach
    void signIn() {
        http = DemoUsers.CASHIER.signIn(anonymous);
    }

    @Test
    void readinessReportsTheDatabaseUp() {
        Http.Reply r = anonymous.get("health/ready");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonObject json = r.json();
        assertThat(json.getString("status")).isEqualTo("UP");
        // Names the check and the schema, not the database product or its version (README, Security)
        assertThat(json.getJsonArray("checks").toString()).contains("\"database\"").contains("schemaVersion")
                .doesNotContain("PostgreSQL");
    }

    @Test
    void livenessIsUp() {
        Http.Reply r = anonymous.get("health/live");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.json().getString("status")).isEqualTo("UP");
    }

    @Test
    void openApiDocumentIsValidOpenApi3() {
        Http.Reply r = OpenApiLint.served(anonymous, "openapi", "Accept", "application/json");
        assertThat(r.status()).isEqualTo(200);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body());
        assertThat(parsed.getMessages()).as("OpenAPI validation messages").isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(parsed.getOpenAPI().getInfo().getTitle()).isEqualTo("Cuadra API");
        assertThat(parsed.getOpenAPI().getInfo().getDescription()).contains("## Changelog");
        // A version a client can compare, its entry first in the changelog, and the changelog kept in docs/.
        String version = parsed.getOpenAPI().getInfo().getVersion();
        assertThat(version).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(parsed.getOpenAPI().getInfo().getDescription()).contains("- " + version + " (")
                .contains("docs/api-changelog.md");
        assertThat(parsed.getOpenAPI().getServers()).isNotEmpty();
        assertThat(parsed.getOpenAPI().getComponents().getSecuritySchemes()).containsKey("bearer");
        assertThat(parsed.getOpenAPI().getPaths()).containsKey("/api/customers/document-checks");
        assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKey("Problem");
        // Signing in is public; everything else needs the bearer token (root security).
        assertThat(parsed.getOpenAPI().getSecurity()).isNotEmpty();
        assertThat(parsed.getOpenAPI().getPaths().get("/api/auth/login").getPost().getSecurity()).isEmpty();
    }

    /** The contract a generated client needs: each finding names the operation or component and the rule. */
    @Test
    void openApiDocumentKeepsTheContractRules() {
        JsonObject document = OpenApiLint.served(anonymous, "openapi", "Accept", "application/json").json();
        assertThat(OpenApiLint.check(document)).as("OpenAPI contract findings").isEmpty();
    }

    @Test
    void openApiIsServedAsYamlAndJsonWhateverTheAccept() {
        Http.Reply json = OpenApiLint.served(anonymous, "openapi?format=json");
        assertThat(json.status()).as(json.toString()).isEqualTo(200);
        for (String accept : List.of("application/yaml", "*/*", "text/html", "application/problem+json",
                "application/json, application/yaml")) {
            Http.Reply r = anonymous.get("openapi", "Accept", accept);
            assertThat(r.status()).as(accept + " -> " + r.status()).isEqualTo(200);
        }
        Http.Reply yaml = anonymous.get("openapi");
        assertThat(yaml.status()).isEqualTo(200);
        assertThat(yaml.contentType()).startsWith("application/yaml");
        SwaggerParseResult fromYaml = new OpenAPIV3Parser().readContents(yaml.body());
        assertThat(fromYaml.getMessages()).as("YAML validation messages").isEmpty();
        // One document in two notations: the same model.
        assertThat(fromYaml.getOpenAPI()).isEqualTo(new OpenAPIV3Parser().readContents(json.body()).getOpenAPI());
    }

    /**
     * openapi-generator (pinned in the pom) makes a Java client (native library, money as decimal strings) from the
     * document this server serves; the client and a program written against it (test resource
     * generated-client/ClientScenario.java) compile with no edit, and the program runs a sale to the closure.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aClientGeneratedFromTheServedDocumentRunsASaleToTheClosure() throws Exception {
        Path work = Path.of(System.getProperty("cuadra.it.work"), "generated-client");
        if (Files.exists(work)) {
            try (Stream<Path> old = Files.walk(work)) {
                old.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(work);
        Path spec = work.resolve("openapi.json");
        Files.writeString(spec, OpenApiLint.served(anonymous, "openapi?format=json").body());
        Process generator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("openapi.generator.cli"), "generate", "-g", "java", "--library", "native",
                "-i", spec.toString(), "-o", work.resolve("client").toString(), "--additional-properties="
                + "invokerPackage=io.cuadra.client,apiPackage=io.cuadra.client.api,modelPackage=io.cuadra.client.model,"
                + "useJakartaEe=true,openApiNullable=false,hideGenerationTimestamp=true")
                .redirectErrorStream(true).redirectOutput(work.resolve("generator.log").toFile()).start();
        assertThat(generator.waitFor(10, java.util.concurrent.TimeUnit.MINUTES)).as("generator finished").isTrue();
        assertThat(generator.exitValue()).as(Files.readString(work.resolve("generator.log"))).isZero();

        Path scenario = work.resolve("ClientScenario.java");
        try (var in = getClass().getResourceAsStream("/generated-client/ClientScenario.java")) {
            Files.copy(in, scenario);
        }
        List<java.io.File> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(work.resolve("client/src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> sources.add(f.toFile()));
        }
        sources.add(scenario.toFile());
        Path classes = Files.createDirectories(work.resolve("classes"));
        javax.tools.JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        javax.tools.DiagnosticCollector<javax.tools.JavaFileObject> problems = new javax.tools.DiagnosticCollector<>();
        try (var files = javac.getStandardFileManager(problems, null, null)) {
            boolean compiled = javac.getTask(null, files, problems, List.of("-d", classes.toString(), "-nowarn",
                    "-proc:none", "-cp", System.getProperty("surefire.test.class.path",
                            System.getProperty("java.class.path"))), null,
                    files.getJavaFileObjectsFromFiles(sources)).call();
            assertThat(compiled).as("the generated client compiles as generated: " + problems.getDiagnostics().stream()
                    .filter(d -> d.getKind() == javax.tools.Diagnostic.Kind.ERROR).limit(10).toList()).isTrue();
        }
        try (var loader = new java.net.URLClassLoader(new java.net.URL[]{classes.toUri().toURL()},
                getClass().getClassLoader())) {
            var run = loader.loadClass("io.cuadra.client.scenario.ClientScenario")
                    .getMethod("run", String.class, String.class, String.class, String.class);
            String base = TestEnvironment.baseUrl().substring(0, TestEnvironment.baseUrl().length() - 1);
            List<String> seen;
            // The client talks through a proxy that checks each answer against the served document.
            try (ValidatingProxy proxy = new ValidatingProxy(base)) {
                seen = (List<String>) run.invoke(null, proxy.baseUrl(), DemoUsers.ADMIN.email,
                        DemoUsers.ADMIN.password, "LIM01");
                assertThat(proxy.mismatches()).as("answers to the generated client that break the contract").isEmpty();
            }
            System.out.println("[generated client] " + String.join(" | ", seen));
            assertThat(seen).hasSize(6);
            assertThat(seen.get(0)).startsWith("sale ");
            assertThat(seen.get(1)).endsWith(" ACCEPTED");
            assertThat(seen.get(2)).isEqualTo("xml Invoice");
            assertThat(seen.get(3)).isEqualTo("pdf %PDF-");
            assertThat(seen.get(4)).isEqualTo("return PARTIALLY_RETURNED");
            assertThat(seen.get(5)).startsWith("closure run ").doesNotEndWith(" none");
        }
    }

    /** One representation of money: a decimal string with exactly the currency's digits (PEN: two). */
    @Test
    void moneyIsADecimalStringWithTheCurrencysDigits() {
        Http.Reply items = http.get("api/catalog/items?size=5");
        assertThat(items.status()).as(items.toString()).isEqualTo(200);
        var list = items.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertThat(list).isNotEmpty().allSatisfy(item -> {
            assertThat(item.get("price").getValueType()).isEqualTo(jakarta.json.JsonValue.ValueType.STRING);
            assertThat(item.getString("price")).matches("\\d+\\.\\d{2}");
            // A quantity is not money: it stays a JSON number.
            if (item.containsKey("criticalStock")) {
                assertThat(item.get("criticalStock").getValueType()).isEqualTo(jakarta.json.JsonValue.ValueType.NUMBER);
            }
        });
        JsonObject document = OpenApiLint.served(anonymous, "openapi", "Accept", "application/json").json();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        assertThat(schemas.getJsonObject("Money").getString("type")).isEqualTo("string");
        assertThat(schemas.getJsonObject("Item").getJsonObject("properties").getJsonObject("price").getString("$ref"))
                .isEqualTo("#/components/schemas/Money");
    }

    /** Asking for problem+json (what an error is) is asking for JSON: never 406, success or error. */
    @Test
    void askingForProblemJsonNeverGets406() {
        Http.Reply missing = http.get("api/customers/999999999", "Accept", "application/problem+json");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        Http.Reply list = http.get("api/customers", "Accept", "application/problem+json");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.contentType()).startsWith("application/json");
    }

    @Test
    void everyAnswerCarriesTheRateLimitHeaders() {
        Http.Reply first = http.get("api/customers?size=1");
        Http.Reply second = http.get("api/customers?size=1");
        assertThat(first.header("RateLimit-Policy")).as(first.toString()).matches("\\d+;w=\\d+");
        int before = remaining(first.header("RateLimit"));
        int after = remaining(second.header("RateLimit"));
        assertThat(after).as("the second request used one more of the same token's quota").isLessThan(before);
    }

    /**
     * Sign-in is limited per client address. This test comes from an address of its own (its socket bound to
     * 127.0.0.23; the suite's 127.0.0.1 is exempt, see TestEnvironment), so no other test meets its window.
     */
    @Test
    void signInAttemptsFromOneAddressPastTheLimitAre429WithRetryAfter() throws Exception {
        Http.Reply last = null;
        for (int i = 0; i <= TestEnvironment.SIGN_IN_LIMIT; i++) {
            // A new unknown e-mail each time: the per-account lockout never counts, only the address does.
            last = postFrom("127.0.0.23", "api/auth/login", "{\"email\":\"nobody-" + java.util.UUID.randomUUID()
                    + "@cuadra.demo\",\"password\":\"wrong-password\"}");
            if (i < TestEnvironment.SIGN_IN_LIMIT) {
                assertThat(last.status()).as("attempt " + (i + 1) + ": " + last).isEqualTo(401);
            }
        }
        assertThat(last.status()).as(last.toString()).isEqualTo(429);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.json().getString("type")).endsWith("rate-limited");
        assertThat(Integer.parseInt(last.header("Retry-After"))).isBetween(1, 60);
        assertThat(last.header("RateLimit")).startsWith("limit=" + TestEnvironment.SIGN_IN_LIMIT + ", remaining=0,");
        assertThat(last.header("RateLimit-Policy")).isEqualTo(TestEnvironment.SIGN_IN_LIMIT + ";w=60");
        // The suite's own address still signs in.
        assertThat(DemoUsers.ADMIN.signIn(anonymous).get("api/users/me").status()).isEqualTo(200);
    }

    /**
     * A POST sent from a chosen local address (java.net.http cannot bind one on Java 17): HTTP/1.0, so the
     * server answers with a plain body and closes. The answer is checked against the contract like any other.
     */
    private static Http.Reply postFrom(String localAddress, String path, String json) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", TestEnvironment.portBase() + 80), 5_000);
            socket.setSoTimeout(60_000);
            byte[] body = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            var out = socket.getOutputStream();
            out.write(("POST /" + path + " HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String[] lines = answer.substring(0, split).split("\r\n");
            java.util.Map<String, List<String>> headers = new java.util.LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).strip(), k -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).strip());
            }
            Http.Reply reply = new Http.Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, answer.substring(split + 4));
            io.cuadra.it.support.ResponseContract.check("POST", java.net.URI.create(TestEnvironment.baseUrl() + path),
                    reply.status(), reply.contentType(), reply.body());
            return reply;
        }
    }

    private static int remaining(String rateLimit) {
        assertThat(rateLimit).matches("limit=\\d+, remaining=\\d+, reset=\\d+");
        return Integer.parseInt(rateLimit.replaceAll(".*remaining=(\\d+).*", "$1"));
    }

    /**
     * Every list the document publishes (a GET answering a page: items, total, page, size) carries RFC 8288 links,
     * asked for as the administrator with no filter; operations that need a path or a required parameter are lists
     * of one parent and are skipped, as are the platform operator's.
     */
    /**
     * A 503 a client meets live: the platform operator holds a tenant for maintenance, and every API call of its
     * users answers 503 problem+json with Retry-After (the seconds left), declared in the document (the live
     * validation checks the answer); ended, the same call answers again. The other tenant, not the demo one, so no
     * other test meets the window (and a failed run leaves it for one minute at most).
     */
    @Test
    void aTenantUnderMaintenanceAnswers503WithRetryAfter() throws Exception {
        long tenant = io.cuadra.it.support.OtherTenant.ensure();
        Http admin = io.cuadra.it.support.OtherTenant.signIn(anonymous);
        Http operator = io.cuadra.it.support.ReceiptTenant.operator(anonymous);
        assertThat(admin.get("api/catalog/categories").status()).isEqualTo(200);
        Http.Reply held = operator.put("api/platform/tenants/" + tenant + "/maintenance", "{\"minutes\":1}");
        assertThat(held.status()).as(held.toString()).isEqualTo(200);
        assertThat(held.json().getString("maintenanceUntil")).isNotBlank();
        try {
            Http.Reply refused = admin.get("api/catalog/categories");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().getString("type")).endsWith("tenant-maintenance");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
            assertThat(admin.post("api/catalog/categories", "{\"code\":\"MNT\",\"name\":\"Mantenimiento\"}")
                    .status()).as("writes too").isEqualTo(503);
            assertThat(http.get("api/catalog/categories").status()).as("another tenant is not held").isEqualTo(200);
            assertThat(operator.put("api/platform/tenants/" + tenant + "/maintenance", "{\"minutes\":2000}").status())
                    .as("more than a day is a suspension").isEqualTo(400);
        } finally {
            Http.Reply ended = operator.delete("api/platform/tenants/" + tenant + "/maintenance");
            assertThat(ended.status()).as(ended.toString()).isEqualTo(200);
        }
        assertThat(admin.get("api/catalog/categories").status()).as("open again, at once on this server").isEqualTo(200);
        assertThat(operator.delete("api/platform/tenants/" + tenant + "/maintenance").status()).isEqualTo(409);
    }

    @Test
    void everyListOfTheDocumentLinksItsPages() {
        JsonObject document = OpenApiLint.served(anonymous, "openapi", "Accept", "application/json").json();
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        Http admin = DemoUsers.ADMIN.signIn(anonymous);
        List<String> checked = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (var path : document.getJsonObject("paths").entrySet()) {
            JsonObject get = path.getValue().asJsonObject().getJsonObject("get");
            if (get == null || path.getKey().contains("{") || path.getKey().startsWith("/api/platform/")
                    || get.getJsonArray("parameters") != null && get.getJsonArray("parameters")
                    .getValuesAs(JsonObject.class).stream().anyMatch(p -> p.getBoolean("required", false))) {
                continue;
            }
            JsonObject ok = get.getJsonObject("responses").getJsonObject("200");
            JsonObject media = ok == null || !ok.containsKey("content") ? null
                    : ok.getJsonObject("content").getJsonObject("application/json");
            String ref = media == null ? "" : media.getJsonObject("schema").getString("$ref", "");
            JsonObject schema = ref.isEmpty() ? null : schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
            JsonObject props = schema == null ? null : schema.getJsonObject("properties");
            if (props == null || !props.keySet().containsAll(List.of("items", "total", "page", "size"))) {
                continue;
            }
            Http.Reply page = admin.get(path.getKey().substring(1) + "?size=1");
            if (page.status() != 200) {
                refused.add(path.getKey() + " " + page.status());
                continue;
            }
            String links = page.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("Link"))
                    .findFirst().map(e -> String.join(",", e.getValue())).orElse("");
            assertThat(links).as(path.getKey()).contains("rel=\"first\"").contains("rel=\"last\"")
                    .contains("size=1>");
            checked.add(path.getKey());
        }
        assertThat(refused).as("lists the administrator may read").isEmpty();
        assertThat(checked).as("lists checked").hasSizeGreaterThan(15);
    }

    @Test
    void listPagesLinkToTheirNeighbours() {
        Http.Reply page = http.get("api/customers?size=1&page=1");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        String links = String.join(",", page.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Link")).findFirst().orElseThrow().getValue());
        assertThat(links).contains("page=0&size=1>; rel=\"first\"").contains("page=0&size=1>; rel=\"prev\"")
                .contains("rel=\"last\"");
    }

    @Test
    void malformedJsonIsA400Problem() {
        Http.Reply r = http.post("api/customers/document-checks", "{\"type\": \"6\", \"number\": ");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonObject problem = r.json();
        assertThat(problem.getInt("status")).isEqualTo(400);
        assertThat(problem.getString("type")).endsWith("/problems/malformed-request");
        assertThat(problem.getString("instance")).endsWith("/api/customers/document-checks");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void emptyBodyIsA400Problem() {
        Http.Reply r = http.post("api/customers/document-checks", "");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void unknownPropertyIsRefused() {
        Http.Reply r = http.post("api/customers/document-checks",
                "{\"type\": \"6\", \"number\": \"20100070970\", \"nmber\": \"x\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().getString("detail")).contains("nmber");
    }

    @Test
    void validationProblemListsEachField() {
        Http.Reply r = http.post("api/customers/document-checks", "{\"type\": \"9\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonObject problem = r.json();
        assertThat(problem.getString("type")).endsWith("/problems/validation");
        assertThat(problem.getJsonArray("errors").getValuesAs(JsonObject.class))
                .extracting(e -> e.getString("field"))
                .containsExactly("number", "type");
    }

    @Test
    void unknownApiPathIsA404Problem() {
        Http.Reply r = http.get("api/no-such-thing");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.contentType()).startsWith("application/problem+json");
    }

    @Test
    void checksADocument() {
        Http.Reply ok = http.post("api/customers/document-checks", "{\"type\": \"6\", \"number\": \"20 100 070 970\"}");
        assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
        assertThat(ok.json().getBoolean("valid")).isTrue();
        assertThat(ok.json().getString("number")).isEqualTo("20100070970");

        Http.Reply bad = http.post("api/customers/document-checks", "{\"type\": \"6\", \"number\": \"20100070971\"}");
        assertThat(bad.json().getBoolean("valid")).isFalse();
        assertThat(bad.json().getString("problem")).contains("check digit");
    }

    @Test
    void backOfficeSpeaksTheBrowsersLanguage() {
        Http.Reply es = anonymous.get("login.xhtml", "Accept-Language", "es-PE,es;q=0.9");
        assertThat(es.status()).isEqualTo(200);
        assertThat(es.body()).contains("Iniciar sesión").contains("lang=\"es\"");
        Http.Reply en = anonymous.get("login.xhtml", "Accept-Language", "en-US,en;q=0.9");
        assertThat(en.body()).contains("Sign in").contains("lang=\"en\"");
    }

    @Test
    void pagesSendAnonymousVisitorsToTheLoginPage() {
        Http.Reply r = anonymous.get("settings/users.xhtml");
        assertThat(r.status()).isEqualTo(302);
        assertThat(r.header("Location")).contains("/login.xhtml?next=");
    }

    /**
     * Every page of the back office, opened by the administrator without parameters, renders inside the
     * layout — a component attribute the PrimeFaces version no longer knows fails only when the page is built.
     */
    @Test
    void everyBackOfficePageRendersForTheAdministrator() throws Exception {
        Path webapp = Path.of("..", "web-module", "src", "main", "webapp");
        List<String> signedOut = List.of("login.xhtml", "forgot-password.xhtml", "reset-password.xhtml");
        List<String> pages;
        try (Stream<Path> files = Files.walk(webapp)) {
            pages = files.map(f -> webapp.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> f.endsWith(".xhtml") && !f.startsWith("WEB-INF/") && !f.startsWith("error/")
                            && !signedOut.contains(f)
                            // the platform operator's own pages, which a tenant's admin may not open: TenantsIT
                            && !f.startsWith("platform/"))
                    .sorted().toList();
        }
        assertThat(pages).as("pages found in " + webapp.toAbsolutePath()).hasSizeGreaterThan(30);
        List<String> broken = new ArrayList<>();
        try (Browser browser = new Browser()) {
            String base = TestEnvironment.baseUrl();
            browser.open(base).waitForUrl("login.xhtml");
            browser.type("#login\\:email", DemoUsers.ADMIN.email)
                    .type("#login\\:password_input, #login\\:password", DemoUsers.ADMIN.password)
                    .click("#login\\:submit")
                    .waitForText(".cuadra-who", DemoUsers.ADMIN.email);
            browser.policyViolations();
            for (String page : pages) {
                browser.open(base + page);
                String html = browser.pageSource();
                if (html.contains("Algo salió mal") || html.contains("Something went wrong") || html.contains("\tat ")
                        || !html.contains("cuadra-who")) {
                    broken.add(page);
                }
                // The page's scripts ran under its nonce policy: PrimeFaces widgets exist, nothing was refused.
                Object widgets = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "return window.PrimeFaces ? Object.keys(PrimeFaces.widgets).length : -1");
                if (((Number) widgets).intValue() < 1) {
                    broken.add(page + " (no PrimeFaces widget initialised)");
                }
                browser.policyViolations().forEach(v -> broken.add(page + ": " + v));
            }
        }
        assertThat(broken).as("pages that did not render, or whose Content-Security-Policy refused something").isEmpty();
    }

    @Test
    void errorPagesAreFriendly() {
        Http.Reply r = anonymous.get("error/404.xhtml", "Accept-Language", "en");
        assertThat(r.body()).contains("Page not found").doesNotContain("\tat ").doesNotContain("Caused by")
                .doesNotContain("Payara");
        assertThat(r.header("Server")).isNull();
        assertThat(r.header("X-Powered-By")).isNull();
    }

    @Test
    void theDomainIsConfiguredFromServerConfig() throws Exception {
        PayaraDomain domain = new PayaraDomain(java.nio.file.Path.of(System.getProperty("payara.home")),
                TestEnvironment.DOMAIN, TestEnvironment.portBase(), java.util.Map.of());
        String pool = domain.asadmin("--port=" + domain.adminPort(), "get", "resources.jdbc-connection-pool.cuadra-pool.*");
        assertThat(pool).contains("is-connection-validation-required=true")
                .contains("connection-validation-method=custom-validation")
                .contains("validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation")
                .contains("fail-all-connections=true")
                .contains("datasource-classname=org.postgresql.ds.PGSimpleDataSource");
        assertThat(domain.asadmin("--port=" + domain.adminPort(), "get",
                "configs.config.server-config.batch-runtime-configuration.*")).contains("jdbc/cuadra");
        assertThat(domain.asadmin("--port=" + domain.adminPort(), "list-javamail-resources")).contains("mail/cuadra");
        assertThat(domain.asadmin("--port=" + domain.adminPort(), "list-jvm-options")).contains("-Xmx1536m");
        // Server and operations (README, Security): admin on loopback, a stuck request or transaction ends
        assertThat(pool).contains("statement-timeout-in-seconds=120").contains("max-pool-size=64");
        String config = "configs.config.server-config.";
        assertThat(domain.asadmin("--port=" + domain.adminPort(), "get",
                config + "network-config.network-listeners.network-listener.admin-listener.address"))
                .contains("admin-listener.address=127.0.0.1");
        assertThat(domain.asadmin("--port=" + domain.adminPort(), "get",
                config + "transaction-service.timeout-in-seconds")).contains("timeout-in-seconds=120");
        assertThat(domain.asadmin("--port=" + domain.adminPort(), "get",
                config + "thread-pools.thread-pool.http-thread-pool.max-thread-pool-size"))
                .contains("max-thread-pool-size=16");
    }

    // --- ops lane: request ids, the JSON log, metrics, readiness (README, "Operations") ---

    /**
     * A sale sent with its own X-Request-Id: the id comes back, the request is one JSON line of the application log
     * (method, path, status, duration, tenant, user), and a scrape of /metrics afterwards finds the order counter
     * moved and the documents, connections and outbox series there.
     */
    @Test
    void aSaleMovesTheMetricsAndItsRequestIsOneJsonLogLine() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(anonymous);
        double registered = metric(scrape(), "cuadra_orders_registered_total");
        long location = admin.get("api/locations").jsonStructure().asJsonArray().getJsonObject(0)
                .getJsonNumber("id").longValue();
        String key = java.util.UUID.randomUUID().toString();
        String requestId = "it-sale-" + key.substring(0, 8);
        // A service dear enough for the sale's fixed 10.00 wallet payment (tests before this one add cheap ones).
        JsonObject service = admin.get("api/catalog/items?type=SERVICE&active=true&size=200").json().getJsonArray("items")
                .stream().map(jakarta.json.JsonValue::asJsonObject)
                .filter(i -> io.cuadra.it.support.JsonMoney.of(i, "price").compareTo(new java.math.BigDecimal("10")) >= 0)
                .findFirst().orElseThrow();
        Http.Reply sale = admin.post("api/orders", io.cuadra.it.support.CounterOrders.paidSale(1, location,
                List.of(service), "OPS-" + key.substring(0, 8)),
                "Idempotency-Key", key, "X-Request-Id", requestId);
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        assertThat(sale.header("X-Request-Id")).isEqualTo(requestId);

        JsonObject line = logLine(requestId);
        System.out.println("[ops] log line of the sale: " + line);
        assertThat(line.getString("logger")).isEqualTo("io.cuadra.request");
        assertThat(line.getString("method")).isEqualTo("POST");
        assertThat(line.getString("path")).isEqualTo("/api/orders");
        assertThat(line.getInt("status")).isEqualTo(201);
        assertThat(line.getJsonNumber("durationMs").doubleValue()).isPositive();
        assertThat(line.isNull("tenant")).as("tenant").isFalse();
        assertThat(line.isNull("user")).as("user").isFalse();
        assertThat(line.getString("ts")).isNotBlank();
        assertThat(line.getString("level")).isEqualTo("INFO");

        String after = scrape();
        after.lines().filter(l -> l.startsWith("cuadra_") && !l.contains("quantile")).forEach(l -> System.out.println("[ops] " + l));
        assertThat(metric(after, "cuadra_orders_registered_total")).isGreaterThan(registered);
        assertThat(after).contains("cuadra_billing_documents{").contains("cuadra_db_connections{")
                .contains("cuadra_outbox_depth_total");
        assertThat(metric(after, "cuadra_db_connections", "state=\"active\"")).isPositive();
        // requests and latencies per endpoint template (cluster lane): the sale is counted under its template
        assertThat(metric(after, "cuadra_http_requests_seconds_count", "endpoint=\"POST /api/orders\""))
                .as("the sale under POST /api/orders").isPositive();
        assertThat(after).containsPattern("cuadra_http_requests_seconds_sum\\{[^}]*endpoint=\"GET /api/locations\"");
    }

    /** A malformed X-Request-Id is replaced by a generated one, which the problem+json answer names too. */
    @Test
    void aProblemNamesTheRequestIdAndAForgedIdIsReplaced() {
        Http.Reply r = http.get("api/customers/999999999", "X-Request-Id", "bad id\"}{");
        assertThat(r.status()).isEqualTo(404);
        String id = r.header("X-Request-Id");
        assertThat(id).as("a generated id").matches("[0-9a-f-]{36}");
        assertThat(r.json().getString("requestId")).isEqualTo(id);
        Http.Reply unauthenticated = anonymous.get("api/customers", "X-Request-Id", "it-anonymous-1");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("X-Request-Id")).isEqualTo("it-anonymous-1");
        assertThat(unauthenticated.json().getString("requestId")).isEqualTo("it-anonymous-1");
    }

    /** Metrics tell about every tenant: neither anonymous callers nor signed-in users read them, only the scraper. */
    @Test
    void metricsAreForTheScraperOnly() {
        assertThat(anonymous.get("metrics").status()).as("anonymous").isEqualTo(401);
        assertThat(http.get("metrics").status()).as("a cashier's access token").isEqualTo(401);
        assertThat(anonymous.get("metrics", "Authorization", basic("metrics", "not-the-token-at-all")).status())
                .as("a wrong password").isEqualTo(401);
        assertThat(anonymous.get("metrics", "Authorization", basic("metrics", TestEnvironment.METRICS_TOKEN)).status())
                .isEqualTo(200);
    }

    /** The outbox and SUNAT are separate readiness checks; SUNAT's reachability is data that never fails readiness. */
    @Test
    void readinessReportsTheOutboxAndSunatSeparately() {
        Http.Reply r = anonymous.get("health/ready");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        java.util.Map<String, JsonObject> checks = new java.util.HashMap<>();
        r.json().getJsonArray("checks").getValuesAs(JsonObject.class).forEach(c -> checks.put(c.getString("name"), c));
        assertThat(checks).containsKeys("database", "outbox", "sunat");
        assertThat(checks.get("outbox").getString("status")).isEqualTo("UP");
        assertThat(checks.get("outbox").getJsonObject("data").containsKey("depth")).isTrue();
        assertThat(checks.get("outbox").getJsonObject("data").containsKey("oldestAgeSeconds")).isTrue();
        assertThat(checks.get("sunat").getString("status")).isEqualTo("UP");
        // Payara writes the check's boolean data as a JSON string
        assertThat(String.valueOf(checks.get("sunat").getJsonObject("data").get("reachable")).replace("\"", ""))
                .as("the SUNAT stand-in").isEqualTo("true");
    }

    private String scrape() {
        Http.Reply r = anonymous.get("metrics", "Authorization", basic("metrics", TestEnvironment.METRICS_TOKEN),
                "Accept", "text/plain");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.body();
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The value of the first series of that name whose labels contain {@code label}; 0 when there is none yet. */
    static double metric(String exposition, String name, String... label) {
        return exposition.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> label.length == 0 || l.contains(label[0]))
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0.0);
    }

    /** The JSON log line of that request (written when the request is done: polled for a few seconds). */
    private static JsonObject logLine(String requestId) throws Exception {
        Path log = TestEnvironment.applicationLog();
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                try (Stream<String> lines = Files.lines(log)) {
                    java.util.Optional<JsonObject> found = lines.filter(l -> l.contains("\"" + requestId + "\""))
                            .map(l -> jakarta.json.Json.createReader(new java.io.StringReader(l)).readObject())
                            .filter(o -> "io.cuadra.request".equals(o.getString("logger", "")))
                            .findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no line with requestId " + requestId + " in " + log);
    }

    @Test
    void schemaComesFromFlywayMigrations() throws Exception {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*), bool_and(success) from flyway_schema_history "
                     + "where version is not null")) {
            rs.next();
            assertThat(rs.getInt(1)).isPositive();
            assertThat(rs.getBoolean(2)).isTrue();
        }
    }
}
