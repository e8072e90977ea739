package io.cuadra.web.platform;

import io.cuadra.identity.application.Permitted;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes Payara's generated OpenAPI document tell the truth about the API, from the Java the API is
 * written in: every property typed from its Java type (dates, instants, ids int64, enums, references
 * to named components instead of inlined copies), typed pages per item type, the error responses an
 * operation can answer (from its permission, path, If-Match and body), the headers it sends, public
 * operations marked public, and none of Payara's filler keywords. What only the resource can say (the
 * body of a {@code Response}) stays in its {@code @APIResponse} annotation.
 */
public final class OpenApiContract {

    /** Bump with every change a client can notice; the changelog below says what changed. */
    public static final String VERSION = "1.4.0";
    /** The same entries as docs/api-changelog.md (a unit test keeps them equal), newest first. */
    static final String CHANGELOG = """

            ## Changelog
            (kept in the source repository as docs/api-changelog.md)
            - 1.4.0 (2026-12-10): closed sets are enums of the document — a report's group, channel, order, \
            compare and format, the table exports' format (CSV, XLSX), the closure report's (PDF, XLSX), a printout's \
            (A4, TICKET) and the reconciliation job (DAILY_CLOSURE…, or its job name); a value outside the set is a 400 naming the parameter and listing the values (a 422 before; an \
            unknown printout format silently gave A4). Error responses are derived once per operation; their \
            descriptions are the shared ones. A tenant can be held for maintenance by the platform operator \
            (PUT/DELETE /api/platform/tenants/{id}/maintenance; TenantView.maintenanceUntil): its users' calls \
            answer 503 with Retry-After, declared on every secured operation.
            - 1.3.0 (2026-12-09): the reports dashboard's net and lastWeekNet, a drilled row's amount and an alert \
            rule's threshold are Money (decimal strings); a threshold is sent as one too. Query parameters are read \
            by one rule: a date, instant, id, count, flag or enum that is not one is a 400 naming the parameter \
            (the billing, catalog, notification, move and report lists answered 422 or 404). The notification list \
            is a typed page (NotificationViewPage).
            - 1.2.0 (2026-12-08): money is one representation, the Money schema — a decimal string with \
            exactly the currency's digits ("47.70", "11900") — in every response and request; a JSON number \
            where money is expected is a 400.
            - 1.1.0 (2026-12-07): typed contract — every operation has an operationId, its success body as a \
            named component (typed pages per resource), its errors as the shared Problem; ids are int64, \
            instants date-time, dates date; enums and required properties declared; ETag, Location, \
            Idempotent-Replayed and RateLimit headers; If-Match required where checked; rate limiting \
            (429 with Retry-After).
            - 1.0 (2026-11): first published document.
            """;
    static final String PROBLEM = "#/components/schemas/Problem";
    static final String MONEY = "#/components/schemas/Money";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Set<String> FILLER = Set.of("maxProperties", "minProperties", "minLength", "minItems",
            "exclusiveMaximum", "exclusiveMinimum", "uniqueItems");
    private static final Set<String> FALSE_FILLER = Set.of("nullable", "readOnly", "writeOnly", "deprecated");
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*(:[^}]*)?}");
    /** Under web.xml's public constraint: signing in, refreshing, resetting a password. */
    private static final List<String> PUBLIC_PREFIXES = List.of("/api/auth/", "/api/platform/auth/");

    /** Standard error responses, declared once under components.responses. */
    private static final Map<String, String[]> ERRORS = new LinkedHashMap<>();

    static {
        ERRORS.put("400", new String[]{"BadRequest", "Malformed JSON, an unknown property or invalid fields"});
        ERRORS.put("401", new String[]{"Unauthorized", "No valid access token: sign in with POST /api/auth/login"});
        ERRORS.put("403", new String[]{"Forbidden", "The caller's roles do not grant the permission this needs"});
        ERRORS.put("404", new String[]{"NotFound", "No such resource in the caller's tenant and locations"});
        ERRORS.put("409", new String[]{"Conflict", "The resource's state does not allow this"});
        ERRORS.put("412", new String[]{"PreconditionFailed", "If-Match names a version that is no longer current"});
        ERRORS.put("413", new String[]{"ContentTooLarge", "The body is larger than the operation takes (JSON: 1 MiB)"});
        ERRORS.put("415", new String[]{"UnsupportedMediaType", "The body's Content-Type is not one the operation reads"});
        ERRORS.put("422", new String[]{"UnprocessableContent", "A business rule refuses the request"});
        ERRORS.put("428", new String[]{"PreconditionRequired", "Send the ETag you read in an If-Match header"});
        ERRORS.put("429", new String[]{"TooManyRequests", "Rate limit reached: retry after Retry-After seconds"});
        ERRORS.put("500", new String[]{"InternalError", "An incident: the detail names its id in the server's log"});
        ERRORS.put("503", new String[]{"ServiceUnavailable", "The caller's tenant is under maintenance (or the server is "
                + "not ready yet): retry after Retry-After seconds"});
    }

    private final Map<String, Object> doc;
    private final Map<String, Method> operations = new HashMap<>();
    private final Map<Class<?>, String> names = new HashMap<>();
    private final Map<String, Class<?>> classes = new HashMap<>();
    private final Map<String, Object> schemas;
    private final Set<Class<?>> visited = new HashSet<>();

    private OpenApiContract(Map<String, Object> doc, Collection<Class<?>> resources) {
        this.doc = doc;
        this.schemas = child(child(doc, "components"), "schemas");
        register(Problem.class);
        for (Class<?> resource : resources) {
            index(resource);
        }
    }

    /** Rewrites the document in place, given the JAX-RS resource classes it was generated from. */
    public static Map<String, Object> apply(Map<String, Object> doc, Collection<Class<?>> resources) {
        OpenApiContract c = new OpenApiContract(doc, resources);
        c.strip(doc);
        c.components();
        c.paths();
        c.root();
        c.dropUnused();
        c.uniqueTags();
        return doc;
    }

    /** Payara lists a tag once per resource class that names it: the document keeps one (the first described). */
    private void uniqueTags() {
        if (!(doc.get("tags") instanceof List<?> tags)) {
            return;
        }
        Map<Object, Object> byName = new LinkedHashMap<>();
        for (Object tag : tags) {
            Map<String, Object> t = asMap(tag);
            Object name = t == null ? null : t.get("name");
            Map<String, Object> kept = asMap(byName.get(name));
            if (kept == null || !kept.containsKey("description") && t.containsKey("description")) {
                byName.put(name, tag);
            }
        }
        doc.put("tags", new ArrayList<>(byName.values()));
    }

    // ---- Java side -------------------------------------------------------------------------------

    private void index(Class<?> resource) {
        String base = path(resource.getAnnotation(Path.class));
        for (Method m : resource.getMethods()) {
            String verb = verb(m);
            if (verb == null) {
                continue;
            }
            String full = normalise("/api/" + base + "/" + path(m.getAnnotation(Path.class)));
            operations.put(verb + " " + full, m);
            register(m.getGenericReturnType());
            for (APIResponse r : m.getAnnotationsByType(APIResponse.class)) {
                for (Content c : r.content()) {
                    register(c.schema().implementation());
                }
            }
            for (int i = 0; i < m.getParameterCount(); i++) {
                register(m.getGenericParameterTypes()[i]);
            }
        }
    }

    /** Learns the schema name of every class reachable from a resource method. */
    private void register(Type type) {
        Deque<Type> todo = new ArrayDeque<>(List.of(type));
        while (!todo.isEmpty()) {
            Type t = todo.pop();
            if (t instanceof ParameterizedType p) {
                todo.addAll(List.of(p.getActualTypeArguments()));
            }
            Class<?> raw = StrictJson.raw(t);
            if (raw.isArray()) {
                todo.push(raw.getComponentType());
                continue;
            }
            if (!isBean(raw) || !visited.add(raw)) {
                continue;
            }
            String name = schemaName(raw);
            if (schemas.containsKey(name) && !classes.containsKey(name)) {
                names.put(raw, name);
                classes.put(name, raw);
            }
            StrictJson.properties(raw).values().forEach(p -> todo.push(p.type()));
        }
    }

    private static boolean isBean(Class<?> c) {
        return !c.isPrimitive() && !c.isEnum() && !c.isInterface() && c.getPackageName().startsWith("io.cuadra")
                && !Response.class.isAssignableFrom(c);
    }

    private static String schemaName(Class<?> c) {
        Schema s = c.getAnnotation(Schema.class);
        return s != null && !s.name().isBlank() ? s.name() : c.getSimpleName();
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
            if (h != null) {
                return h.value().toLowerCase();
            }
        }
        return null;
    }

    private static String path(Path p) {
        return p == null ? "" : p.value();
    }

    static String normalise(String path) {
        Matcher m = TEMPLATE.matcher(path.replaceAll("/+", "/"));
        String p = m.replaceAll("{$1}");
        return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The schema a Java type is written as by JSON-B (null when it is a bean without a component). */
    private Map<String, Object> typeSchema(Type type) {
        Class<?> raw = StrictJson.raw(type);
        if (raw == LocalDate.class) {
            return map("type", "string", "format", "date");
        }
        if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class) {
            return map("type", "string", "format", "date-time");
        }
        if (raw == LocalDateTime.class) {
            return map("type", "string", "description", "local date and time, no offset",
                    "pattern", "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
        }
        if (raw == LocalTime.class) {
            return map("type", "string", "pattern", "^\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
        }
        if (raw == long.class || raw == Long.class) {
            return map("type", "integer", "format", "int64");
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            return map("type", "integer", "format", "int32");
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return map("type", "boolean");
        }
        if (raw == BigDecimal.class || raw == double.class || raw == Double.class || raw == float.class) {
            return map("type", "number");
        }
        if (raw == String.class || raw == char.class || raw == Character.class) {
            return map("type", "string");
        }
        if (raw == Object.class) {
            // A report's cells: a label or an amount, by column (the columns say which).
            // A totals row has no figure for a text or date column: null there.
            return map("description", "a text or a number, as the report's column says; null where a column has no "
                    + "total", "nullable", true, "anyOf", new ArrayList<>(List.of(map("type", "string", "nullable", true),
                    map("type", "number", "nullable", true))));
        }
        if (raw == UUID.class) {
            return map("type", "string", "format", "uuid");
        }
        if (raw == URI.class) {
            return map("type", "string", "format", "uri");
        }
        if (raw == byte[].class) {
            return map("type", "string", "format", "byte");
        }
        if (raw.isEnum()) {
            List<Object> values = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            return map("type", "string", "enum", values);
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            Map<String, Object> items = typeSchema(StrictJson.elementType(type, raw));
            return items == null ? null : map("type", "array", "items", items);
        }
        if (Map.class.isAssignableFrom(raw)) {
            Type value = type instanceof ParameterizedType p ? p.getActualTypeArguments()[1] : Object.class;
            Map<String, Object> values = typeSchema(value);
            return values == null ? null : map("type", "object", "additionalProperties", values);
        }
        return isBean(raw) ? map("$ref", "#/components/schemas/" + component(raw)) : null;
    }

    /**
     * The component a class is written as: Payara's when it made one for this class (it keeps the
     * resource's descriptions), otherwise one built here from the class (Payara inlines the classes it
     * meets only in a {@code Response} or in another module, and gives a generic class one shape).
     */
    private String component(Class<?> c) {
        String name = names.computeIfAbsent(c, OpenApiContract::schemaName);
        if (classes.get(name) == null) {
            classes.put(name, c);
        } else if (classes.get(name) != c) {
            name = c.getEnclosingClass() == null ? c.getPackageName().replaceAll(".*\\.", "") + name
                    : c.getEnclosingClass().getSimpleName().replace("Views", "") + name;
            names.put(c, name);
            classes.put(name, c);
        }
        if (!schemas.containsKey(name)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            StrictJson.properties(c).keySet().forEach(k -> properties.put(k, map("type", "object")));
            Map<String, Object> schema = map("type", "object", "properties", properties);
            schemas.put(name, schema);
            typeObject(schema, c);
        }
        return name;
    }

    // ---- the schemas -----------------------------------------------------------------------------

    private void components() {
        for (var e : new ArrayList<>(schemas.entrySet())) {
            Class<?> c = classes.get(e.getKey());
            if (c != null) {
                typeObject(asMap(e.getValue()), c);
            }
        }
    }

    /** Types an object schema's properties from the class it describes, and lists its required ones. */
    private void typeObject(Map<String, Object> schema, Class<?> c) {
        Map<String, Object> properties = asMap(schema.get("properties"));
        if (properties == null) {
            return;
        }
        Map<String, StrictJson.Property> java = StrictJson.properties(c);
        List<Object> required = new ArrayList<>();
        for (var p : properties.entrySet()) {
            StrictJson.Property property = java.get(p.getKey());
            if (property == null) {
                continue;
            }
            Map<String, Object> declared = asMap(p.getValue());
            Class<?> raw = StrictJson.raw(property.type());
            Map<String, Object> typed = raw == BigDecimal.class && Amounts.isAmount(property.annotations())
                    ? map("$ref", MONEY) : typeSchema(property.type());
            if (typed != null && !(typed.containsKey("$ref") && declared != null && hasType(declared, "string"))) {
                p.setValue(keepDocs(declared, typed));
            } else if (declared != null && declared.containsKey("properties") && isBean(raw)) {
                typeObject(declared, raw);
            }
            if (raw.isPrimitive() || isRequired(property.annotations())) {
                required.add(p.getKey());
            }
        }
        if (!required.isEmpty()) {
            schema.put("required", required);
        } else {
            schema.remove("required");
        }
    }

    private static boolean hasType(Map<String, Object> schema, String type) {
        return type.equals(schema.get("type"));
    }

    private static boolean isRequired(AnnotatedElement e) {
        return e != null && (e.isAnnotationPresent(NotNull.class) || e.isAnnotationPresent(NotBlank.class)
                || e.isAnnotationPresent(NotEmpty.class));
    }

    /** The Java type wins; the resource's description and example stay (none beside a $ref). */
    private static Map<String, Object> keepDocs(Map<String, Object> declared, Map<String, Object> typed) {
        Map<String, Object> result = new LinkedHashMap<>(typed);
        if (declared != null && !typed.containsKey("$ref")) {
            for (String k : List.of("description", "example", "pattern", "maxLength", "minimum", "maximum", "default")) {
                if (declared.containsKey(k) && !result.containsKey(k)) {
                    result.put(k, example(k, declared.get(k), typed));
                }
            }
        }
        return result;
    }

    /** Payara writes every example as a string: a number's example becomes a number again. */
    private static Object example(String key, Object value, Map<String, Object> typed) {
        if (("example".equals(key) || "default".equals(key)) && value instanceof String s
                && ("integer".equals(typed.get("type")) || "number".equals(typed.get("type")))) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value;
    }

    // ---- the operations --------------------------------------------------------------------------

    private void paths() {
        Map<String, Object> paths = child(doc, "paths");
        for (var path : paths.entrySet()) {
            Map<String, Object> item = asMap(path.getValue());
            for (var op : item.entrySet()) {
                if (METHODS.contains(op.getKey())) {
                    Method m = operations.get(op.getKey() + " " + normalise(path.getKey()));
                    operation(op.getKey(), path.getKey(), asMap(op.getValue()), m, item);
                }
            }
        }
    }

    private void operation(String verb, String path, Map<String, Object> op, Method m, Map<String, Object> item) {
        if (m != null && !op.containsKey("operationId")) {
            op.put("operationId", m.getName());
        }
        op.remove("deprecated");
        boolean ifMatch = false;
        boolean idempotent = false;
        List<Object> parameters = list(op.get("parameters"));
        for (Object o : parameters) {
            Map<String, Object> p = asMap(o);
            String name = String.valueOf(p.get("name"));
            Type javaType = m == null ? null : parameterType(m, String.valueOf(p.get("in")), name);
            if (javaType != null) {
                Map<String, Object> typed = typeSchema(javaType);
                if (typed != null) {
                    p.put("schema", keepDocs(asMap(p.get("schema")), typed));
                }
            }
            if ("If-Match".equalsIgnoreCase(name)) {
                ifMatch = true;
                p.put("required", true);
                p.put("description", "The ETag of the version read (GET): the change applies only to that version");
            } else if (IdempotentResponses.HEADER.equalsIgnoreCase(name)) {
                idempotent = true;
                p.put("description", "A key unique to this action (a UUID): a retry with the same key and body "
                        + "answers the first response again, with Idempotent-Replayed: true, instead of acting twice");
                p.put("schema", map("type", "string", "maxLength", new BigDecimal(200)));
            }
        }
        requestBody(op, m);
        Map<String, Object> responses = child(op, "responses");
        Object fallback = responses.remove("default");
        successResponse(verb, responses, fallback, m);
        boolean secured = !isPublic(path, m);
        // What ProblemMapper can answer beyond what the resource declares (before errorResponses sorts the map):
        // a change can meet a state (409); any input, a business rule (422) or an id of another tenant or
        // location, also as a filter (404); a body can be too large or of another type (413, 415); and any
        // operation an incident (500, its id in the server log).
        if (!"get".equals(verb)) {
            addError(responses, "409");
        }
        if (!"get".equals(verb) || op.containsKey("parameters")) {
            addError(responses, "422");
        }
        if ((op.containsKey("parameters") || op.containsKey("requestBody")) && secured) {
            addError(responses, "404");
        }
        if (op.containsKey("requestBody")) {
            addError(responses, "413");
            addError(responses, "415");
        }
        addError(responses, "500");
        errorResponses(op, responses, m, path, secured, ifMatch);
        successHeaders(verb, path, responses, m, ifMatch || siblingChecksIfMatch(item), idempotent);
        if (secured) {
            op.remove("security");
        } else {
            op.put("security", new ArrayList<>());
        }
    }

    /** A JSON body by reference to its component; an uploaded file as binary. */
    private void requestBody(Map<String, Object> op, Method m) {
        Map<String, Object> body = asMap(op.get("requestBody"));
        Map<String, Object> content = body == null ? null : asMap(body.get("content"));
        if (content == null) {
            return;
        }
        Type bodyType = m == null ? null : bodyParameter(m);
        for (var media : content.entrySet()) {
            Map<String, Object> mt = asMap(media.getValue());
            Map<String, Object> schema = asMap(mt.get("schema"));
            if (media.getKey().contains("json")) {
                Map<String, Object> typed = bodyType == null ? null : typeSchema(bodyType);
                if (typed == null && schema != null && !schema.containsKey("$ref")) {
                    typed = sameAsComponent(schema);
                }
                if (typed != null) {
                    mt.put("schema", typed);
                }
            } else if (media.getKey().contains("form")) {
                if (schema == null || !schema.containsKey("properties") && !schema.containsKey("$ref")) {
                    // A form read whole (provider callbacks): its fields are named by the provider's contract.
                    mt.put("schema", map("type", "object", "description", "form fields, as the sender names them",
                            "additionalProperties", map("type", "string")));
                }
            } else if (!media.getKey().startsWith("text/")) {
                mt.put("schema", map("type", "string", "format", "binary"));
            }
        }
    }

    /** The entity parameter: the one without a JAX-RS or CDI annotation. */
    private static Type bodyParameter(Method m) {
        Annotation[][] annotations = m.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            boolean bound = false;
            for (Annotation a : annotations[i]) {
                bound |= a.annotationType().getPackageName().startsWith("jakarta.ws.rs");
            }
            if (!bound) {
                return m.getGenericParameterTypes()[i];
            }
        }
        return null;
    }

    private static Type parameterType(Method m, String in, String name) {
        Annotation[][] annotations = m.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            for (Annotation a : annotations[i]) {
                String declared = null;
                if (a instanceof PathParam pp && "path".equals(in)) {
                    declared = pp.value();
                } else if (a instanceof QueryParam qp && "query".equals(in)) {
                    declared = qp.value();
                } else if (a instanceof HeaderParam hp && "header".equals(in)) {
                    declared = hp.value();
                }
                if (name.equalsIgnoreCase(declared)) {
                    return m.getGenericParameterTypes()[i];
                }
            }
        }
        return null;
    }

    private void successResponse(String verb, Map<String, Object> responses, Object fallback, Method m) {
        boolean declared = responses.keySet().stream().anyMatch(s -> s.startsWith("2"));
        boolean typedReturn = m != null && m.getReturnType() != Response.class;
        List<String> files = m == null || typedReturn ? List.of() : files(m);
        if (!declared && fallback == null && (typedReturn || !files.isEmpty())) {
            fallback = map("description", "Default Response.");
        }
        // Only the Java return type says the status; a Response method declares its own with @APIResponse.
        if (!declared && fallback != null && (typedReturn || !files.isEmpty())) {
            String status = m.getReturnType() == void.class ? "204" : "200";
            Map<String, Object> f = asMap(fallback);
            if ("Default Response.".equals(f.get("description"))) {
                f.put("description", "204".equals(status) ? "Done" : "post".equals(verb) ? "Created" : "OK");
            }
            if ("204".equals(status)) {
                f.remove("content");
            }
            responses.put(status, f);
        } else if (fallback != null) {
            responses.put("default", fallback);
        }
        for (var r : responses.entrySet()) {
            if (!r.getKey().startsWith("2")) {
                continue;
            }
            Map<String, Object> response = asMap(r.getValue());
            Map<String, Object> content = asMap(response.get("content"));
            if (!files.isEmpty() && !"204".equals(r.getKey())) {
                // A download: the file types it produces (JSON is listed there for its errors only).
                Map<String, Object> types = new LinkedHashMap<>();
                files.forEach(f -> types.put(f, map("schema", map("type", "string", "format", "binary"))));
                response.put("content", types);
                continue;
            }
            if (content == null) {
                Map<String, Object> typed = m == null || m.getReturnType() == Response.class
                        || m.getReturnType() == void.class ? null : bodySchema(m.getGenericReturnType());
                if (typed != null) {
                    response.put("content", map("application/json", map("schema", typed)));
                }
                continue;
            }
            Object problemOnly = content.remove(PROBLEM_JSON);
            if (problemOnly != null && !content.containsKey("application/json")) {
                content.put("application/json", problemOnly);
            }
            for (var media : content.entrySet()) {
                Map<String, Object> mt = asMap(media.getValue());
                Map<String, Object> schema = asMap(mt.get("schema"));
                if (media.getKey().contains("json")) {
                    Map<String, Object> typed = m != null && m.getReturnType() != Response.class
                            && m.getReturnType() != void.class ? bodySchema(m.getGenericReturnType())
                            : declaredBody(m, r.getKey());
                    if (typed == null && schema != null && !schema.containsKey("$ref")) {
                        typed = sameAsComponent(schema);
                    }
                    if (typed != null) {
                        mt.put("schema", typed);
                    }
                } else if (!media.getKey().startsWith("text/")) {
                    mt.put("schema", map("type", "string", "format", "binary"));
                }
            }
        }
    }

    /** The body a {@code Response} method declares for a status with {@code @APIResponse}. */
    private Map<String, Object> declaredBody(Method m, String status) {
        if (m == null) {
            return null;
        }
        for (APIResponse r : m.getAnnotationsByType(APIResponse.class)) {
            for (Content c : r.content()) {
                Class<?> type = c.schema().implementation();
                if (status.equals(r.responseCode()) && type != Void.class && isBean(type)) {
                    Map<String, Object> ref = map("$ref", "#/components/schemas/" + component(type));
                    return c.schema().type() == org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY
                            ? map("type", "array", "items", ref) : ref;
                }
            }
        }
        return null;
    }

    /** The non-JSON media types a method produces: the files it answers. */
    private static List<String> files(Method m) {
        Produces produces = m.getAnnotation(Produces.class);
        if (produces == null) {
            produces = m.getDeclaringClass().getAnnotation(Produces.class);
        }
        List<String> files = new ArrayList<>();
        for (String type : produces == null ? new String[0] : produces.value()) {
            for (String t : type.split(",")) {
                if (!t.contains("json") && !t.isBlank()) {
                    files.add(t.strip());
                }
            }
        }
        return files;
    }

    /** A response body: a named component, an array of one, or a typed page synthesised for generic pages. */
    private Map<String, Object> bodySchema(Type type) {
        Class<?> raw = StrictJson.raw(type);
        if (type instanceof ParameterizedType p && isBean(raw) && p.getActualTypeArguments().length == 1) {
            Map<String, Object> item = typeSchema(p.getActualTypeArguments()[0]);
            String generic = names.get(raw);
            if (item != null && item.containsKey("$ref") && generic != null && schemas.get(generic) != null) {
                String itemName = String.valueOf(item.get("$ref")).substring("#/components/schemas/".length());
                String pageName = itemName + generic.replace("View", "");
                Map<String, Object> page = deepCopy(asMap(schemas.get(generic)));
                typeObject(page, raw);
                Map<String, Object> properties = asMap(page.get("properties"));
                for (var prop : properties.entrySet()) {
                    Map<String, Object> ps = asMap(prop.getValue());
                    if (hasType(ps, "array")) {
                        prop.setValue(map("type", "array", "items", item));
                    }
                }
                page.put("description", "One page of " + itemName);
                schemas.put(pageName, page);
                return map("$ref", "#/components/schemas/" + pageName);
            }
        }
        return typeSchema(type);
    }

    /** An inlined copy of a component (Payara inlines @Schema(implementation)): referenced instead. */
    private Map<String, Object> sameAsComponent(Map<String, Object> schema) {
        if (hasType(schema, "array") && asMap(schema.get("items")) != null) {
            Map<String, Object> items = asMap(schema.get("items"));
            Map<String, Object> ref = items.containsKey("$ref") ? items : sameAsComponent(items);
            return ref == null ? null : map("type", "array", "items", ref);
        }
        Map<String, Object> properties = asMap(schema.get("properties"));
        if (properties == null) {
            return null;
        }
        String found = null;
        for (var c : schemas.entrySet()) {
            Map<String, Object> cp = asMap(asMap(c.getValue()).get("properties"));
            if (cp != null && cp.keySet().equals(properties.keySet())) {
                if (found != null) {
                    return null; // two candidates: leave it to the lint to report
                }
                found = c.getKey();
            }
        }
        return found == null ? null : map("$ref", "#/components/schemas/" + found);
    }

    private void errorResponses(Map<String, Object> op, Map<String, Object> responses, Method m, String path,
                                boolean secured, boolean ifMatch) {
        for (var r : responses.entrySet()) {
            String status = r.getKey();
            if (status.startsWith("4") || status.startsWith("5")) {
                Map<String, Object> response = asMap(r.getValue());
                if (response.containsKey("$ref")) {
                    continue;
                }
                response.put("content", problemContent());
                if (response.get("description") == null || "Default Response.".equals(response.get("description"))) {
                    response.put("description", ERRORS.containsKey(status) ? ERRORS.get(status)[1] : "Refused");
                }
            }
        }
        if (op.containsKey("requestBody") || op.containsKey("parameters")) {
            addError(responses, "400");
        }
        if (secured) {
            // The tenant held for maintenance by the platform operator: CuadraAuthentication's 503 + Retry-After.
            addError(responses, "503");
            addError(responses, "401");
            Permitted permitted = m == null ? null : permission(m);
            if (permitted != null && !responses.containsKey("403")) {
                responses.put("403", map("description", "Needs the permission " + permitted.module() + " / "
                        + permitted.action(), "content", problemContent()));
            } else {
                addError(responses, "403");
            }
        }
        if (path.contains("{")) {
            addError(responses, "404");
        }
        if (ifMatch) {
            addError(responses, "412");
            addError(responses, "428");
        }
        addError(responses, "429");
        sortResponses(op);
    }

    private static Permitted permission(Method m) {
        Permitted p = m.getAnnotation(Permitted.class);
        return p != null ? p : m.getDeclaringClass().getAnnotation(Permitted.class);
    }

    private static void addError(Map<String, Object> responses, String status) {
        responses.putIfAbsent(status, map("$ref", "#/components/responses/" + ERRORS.get(status)[0]));
    }

    private static void sortResponses(Map<String, Object> op) {
        op.put("responses", new TreeMap<>(asMap(op.get("responses"))));
    }

    private boolean siblingChecksIfMatch(Map<String, Object> item) {
        for (var op : item.entrySet()) {
            if (METHODS.contains(op.getKey())) {
                for (Object p : list(asMap(op.getValue()).get("parameters"))) {
                    if ("If-Match".equalsIgnoreCase(String.valueOf(asMap(p).get("name")))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void successHeaders(String verb, String path, Map<String, Object> responses, Method m,
                                boolean versioned, boolean idempotent) {
        for (var r : responses.entrySet()) {
            if (!r.getKey().startsWith("2")) {
                continue;
            }
            Map<String, Object> response = asMap(r.getValue());
            Map<String, Object> headers = child(response, "headers");
            if ("201".equals(r.getKey())) {
                headers.put("Location", map("$ref", "#/components/headers/Location"));
            }
            if (versioned && !"204".equals(r.getKey()) && !"delete".equals(verb)) {
                headers.put("ETag", map("$ref", "#/components/headers/ETag"));
            }
            if (idempotent) {
                headers.put(IdempotentResponses.REPLAYED, map("$ref", "#/components/headers/IdempotentReplayed"));
            }
            headers.put("RateLimit", map("$ref", "#/components/headers/RateLimit"));
            headers.put("RateLimit-Policy", map("$ref", "#/components/headers/RateLimitPolicy"));
            if (path.startsWith("/api/") && "get".equals(verb) && isPage(response)) {
                headers.put("Link", map("$ref", "#/components/headers/Link"));
            }
        }
    }

    private boolean isPage(Map<String, Object> response) {
        Map<String, Object> content = asMap(response.get("content"));
        Map<String, Object> json = content == null ? null : asMap(content.get("application/json"));
        Map<String, Object> schema = json == null ? null : asMap(json.get("schema"));
        if (schema == null || !schema.containsKey("$ref")) {
            return false;
        }
        String name = String.valueOf(schema.get("$ref")).substring("#/components/schemas/".length());
        Map<String, Object> component = asMap(schemas.get(name));
        Map<String, Object> props = component == null ? null : asMap(component.get("properties"));
        return props != null && props.containsKey("items") && props.containsKey("total") && props.containsKey("page");
    }

    private static boolean isPublic(String path, Method m) {
        if (m != null && (m.isAnnotationPresent(SecurityRequirement.class)
                || m.isAnnotationPresent(Permitted.class))) {
            return false;
        }
        return PUBLIC_PREFIXES.stream().anyMatch(path::startsWith);
    }

    // ---- the document ----------------------------------------------------------------------------

    private void root() {
        Map<String, Object> components = child(doc, "components");
        Map<String, Object> responses = child(components, "responses");
        for (String[] e : ERRORS.values()) {
            Map<String, Object> r = map("description", e[1], "content", problemContent());
            if ("TooManyRequests".equals(e[0]) || "ServiceUnavailable".equals(e[0])) {
                r.put("headers", map("Retry-After", map("$ref", "#/components/headers/RetryAfter")));
            }
            responses.put(e[0], r);
        }
        Map<String, Object> headers = child(components, "headers");
        headers.put("Location", header("The URL of the resource created", map("type", "string", "format", "uri")));
        headers.put("ETag", header("The version of the resource: send it back in If-Match to change it",
                map("type", "string")));
        headers.put("IdempotentReplayed", header("true when this is the stored answer to an earlier request "
                + "with the same Idempotency-Key", map("type", "string", "enum", new ArrayList<>(List.of("true")))));
        headers.put("RetryAfter", header("Seconds to wait before trying again", map("type", "integer", "format",
                "int32")));
        headers.put("RateLimit", header("Requests left in the current window and seconds until it resets "
                + "(limit=100, remaining=99, reset=30)", map("type", "string")));
        headers.put("RateLimitPolicy", header("The caller's quota and window (100;w=60)", map("type", "string")));
        headers.put("Link", header("RFC 8288 links to the first, previous, next and last pages (rel=first, prev, "
                + "next, last)", map("type", "string")));
        Map<String, Object> info = child(doc, "info");
        info.put("version", VERSION);
        String description = String.valueOf(info.getOrDefault("description", ""));
        if (!description.contains("## Changelog")) {
            info.put("description", description + "\n" + CHANGELOG);
        }
        doc.put("security", new ArrayList<>(List.of(map("bearer", new ArrayList<>()))));
        schemas.put("Problem", problemSchema(asMap(schemas.get("Problem"))));
        schemas.put("Money", map("type", "string", "pattern", Amounts.PATTERN, "example", "47.70",
                "description", "An amount of money: a decimal string with exactly the currency's digits (\"47.70\" "
                + "in PEN, EUR and MXN, \"11900\" in CLP), rounded half up. Requests send the same string (fewer "
                + "decimals are fine; a JSON number is refused with 400). The currency is the object's own "
                + "currency property, else the tenant's. Quantities (up to three decimals), percents and "
                + "per-unit costs (up to six decimals) are not money: they are JSON numbers."));
    }

    private static Map<String, Object> problemSchema(Map<String, Object> declared) {
        Map<String, Object> s = declared == null ? map("type", "object") : declared;
        s.put("required", new ArrayList<>(List.of("type", "title", "status")));
        return s;
    }

    private static Map<String, Object> header(String description, Map<String, Object> schema) {
        return map("description", description, "schema", schema);
    }

    private static Map<String, Object> problemContent() {
        return map(PROBLEM_JSON, map("schema", map("$ref", PROBLEM)));
    }

    /** Components no operation reaches, directly or through other components, go. */
    private void dropUnused() {
        Map<String, Object> components = child(doc, "components");
        boolean removed = true;
        while (removed) {
            Set<String> reached = new HashSet<>();
            collectRefs(doc.get("paths"), reached);
            Deque<String> todo = new ArrayDeque<>(reached);
            while (!todo.isEmpty()) {
                String ref = todo.pop();
                String[] parts = ref.substring(2).split("/");
                if (parts.length == 3) {
                    Set<String> inner = new HashSet<>();
                    collectRefs(asMap(child(components, parts[1])).get(parts[2]), inner);
                    for (String r : inner) {
                        if (reached.add(r)) {
                            todo.push(r);
                        }
                    }
                }
            }
            removed = false;
            for (String kind : List.of("schemas", "responses", "headers")) {
                Map<String, Object> group = child(components, kind);
                removed |= group.keySet().removeIf(n -> !reached.contains("#/components/" + kind + "/" + n));
            }
        }
    }

    private static void collectRefs(Object node, Set<String> refs) {
        if (node instanceof Map<?, ?> m) {
            if (m.get("$ref") instanceof String ref) {
                refs.add(ref);
            }
            m.values().forEach(v -> collectRefs(v, refs));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, refs));
        }
    }

    /** Payara's keywords that only restate a default (maxProperties: 0 even rejects every object). */
    private void strip(Object node) {
        if (node instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) m;
            for (String k : FILLER) {
                Object v = map.get(k);
                if (v instanceof Boolean b && !b || v instanceof BigDecimal d && d.signum() == 0) {
                    map.remove(k);
                }
            }
            for (String k : FALSE_FILLER) {
                if (Boolean.FALSE.equals(map.get(k))) {
                    map.remove(k);
                }
            }
            map.values().forEach(this::strip);
        } else if (node instanceof List<?> l) {
            l.forEach(this::strip);
        }
    }

    // ---- tree helpers ----------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? (List<Object>) l : List.of();
    }

    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object v = parent.get(key);
        if (v instanceof Map<?, ?>) {
            return asMap(v);
        }
        Map<String, Object> created = new LinkedHashMap<>();
        parent.put(key, created);
        return created;
    }

    static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        return asMap(JsonTree.of(JsonTree.toJson(m)));
    }
}
