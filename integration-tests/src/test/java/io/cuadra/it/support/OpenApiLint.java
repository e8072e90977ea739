package io.cuadra.it.support;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The house rules of the API contract, checked on the served OpenAPI document (JSON form). Each
 * finding names the operation ({@code GET /api/x (operationId)}) or the component and the rule it
 * breaks, so whoever adds an endpoint reads what to fix. The structural validity of the document is
 * left to swagger-parser; these are the rules a generated client needs on top of it.
 */
public final class OpenApiLint {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    /** Keywords whose value only restates the default: Payara writes them everywhere, and some reject all data. */
    private static final Map<String, JsonValue> FILLER = Map.of(
            "maxProperties", number(0), "minProperties", number(0), "minLength", number(0),
            "minItems", number(0), "maxLength", number(0), "maxItems", number(0),
            "exclusiveMaximum", JsonValue.FALSE, "exclusiveMinimum", JsonValue.FALSE,
            "uniqueItems", JsonValue.FALSE);
    private static final Set<String> SCALARS = Set.of("string", "integer", "number", "boolean");
    private static final Pattern ID = Pattern.compile("id|.*Id");
    private static final Pattern INSTANT = Pattern.compile(".*At");
    private static final Pattern DATE = Pattern.compile("date|.*Date|dueDate|businessDay|day");
    /** Words of a property name that say money (camelCase parts, any case). */
    private static final Set<String> MONEY_WORDS = Set.of("amount", "total", "price", "cost", "net", "gross", "fee",
            "balance", "difference", "threshold", "paid", "change", "subtotal", "tax", "refund", "discount");
    /** Words that make such a name a percent, a quantity, a rate or a score: numbers, not money. */
    private static final Set<String> NOT_MONEY_WORDS = Set.of("percent", "percentage", "quantity", "qty", "rate",
            "score", "count", "orders", "lines", "items", "days", "digits", "weight", "ratio", "margin");
    /**
     * Whole names that say money and are not, each for a reason README states: per-unit costs carry up to six
     * decimals (a price, not an amount to pay) and a ledger's balances are stock quantities.
     */
    private static final Set<String> NOT_MONEY_NAMES = Set.of("unitCost", "balanceAfter", "lotBalanceAfter");

    private final JsonObject document;
    private final List<String> findings = new ArrayList<>();

    private OpenApiLint(JsonObject document) {
        this.document = document;
    }

    /**
     * The served document (path "openapi" or "openapi?format=json"): while the server is still building it
     * (the first minute after a deployment on a loaded machine) it answers 503 with Retry-After — waited for.
     */
    public static Http.Reply served(Http http, String path, String... headers) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(4);
        while (true) {
            Http.Reply r = http.get(path, headers);
            if (r.status() != 503 || System.nanoTime() > deadline) {
                return r;
            }
            try {
                Thread.sleep(1000L * Long.parseLong(r.header("Retry-After")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return r;
            }
        }
    }

    /** Every rule broken by the document; empty when it keeps them all. */
    public static List<String> check(JsonObject document) {
        OpenApiLint lint = new OpenApiLint(document);
        lint.operations();
        lint.schemas();
        lint.unusedComponents();
        return lint.findings;
    }

    private void operations() {
        JsonObject paths = document.getJsonObject("paths");
        Set<String> operationIds = new HashSet<>();
        for (var path : paths.entrySet()) {
            JsonObject item = path.getValue().asJsonObject();
            for (var op : item.entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonObject operation = op.getValue().asJsonObject();
                String name = op.getKey().toUpperCase() + " " + path.getKey()
                        + " (" + operation.getString("operationId", "no operationId") + ")";
                if (!operation.containsKey("operationId")) {
                    findings.add(name + ": has no operationId");
                } else if (!operationIds.add(operation.getString("operationId"))) {
                    findings.add(name + ": operationId used twice");
                }
                parameters(name, item.getJsonArray("parameters"));
                parameters(name, operation.getJsonArray("parameters"));
                responses(name, operation.getJsonObject("responses"));
            }
        }
    }

    private void parameters(String operation, JsonArray parameters) {
        if (parameters == null) {
            return;
        }
        for (JsonValue v : parameters) {
            JsonObject p = resolve(v.asJsonObject());
            JsonObject schema = p.getJsonObject("schema");
            String where = operation + ": parameter " + p.getString("name", "?");
            if (schema == null) {
                findings.add(where + " has no schema");
                continue;
            }
            typed(where, p.getString("name", ""), resolve(schema));
        }
    }

    private void responses(String operation, JsonObject responses) {
        if (responses == null || responses.isEmpty()) {
            findings.add(operation + ": declares no response");
            return;
        }
        boolean success = false;
        for (var r : responses.entrySet()) {
            String status = r.getKey();
            JsonObject response = resolve(r.getValue().asJsonObject());
            String where = operation + ": response " + status;
            if ("default".equals(status)) {
                findings.add(where + " is not a status (declare each status the operation answers)");
                continue;
            }
            JsonObject content = response.getJsonObject("content");
            if (status.startsWith("2") || status.startsWith("3")) {
                success |= status.startsWith("2");
                if (content == null) {
                    if (!status.equals("204") && !status.equals("202") && !status.startsWith("3")) {
                        findings.add(where + " has no body schema (a 2xx with a body needs one; say 204 otherwise)");
                    }
                    continue;
                }
                for (var media : content.entrySet()) {
                    JsonObject schema = media.getValue().asJsonObject().getJsonObject("schema");
                    String at = where + " " + media.getKey();
                    if (schema == null) {
                        findings.add(at + " has no schema");
                    } else if (media.getKey().contains("json")) {
                        if (!isRef(schema) && !(isArray(schema) && (isRef(schema.getJsonObject("items"))
                                || SCALARS.contains(schema.getJsonObject("items").getString("type", ""))))) {
                            findings.add(at + " schema is inlined: reference a named component");
                        }
                    } else if (!"binary".equals(schema.getString("format", "")) && !media.getKey().startsWith("text/")) {
                        findings.add(at + " is a file: its schema must be type string, format binary");
                    }
                }
            } else {
                if (content == null) {
                    findings.add(where + " has no body: errors are application/problem+json");
                    continue;
                }
                for (var media : content.entrySet()) {
                    JsonObject schema = media.getValue().asJsonObject().getJsonObject("schema");
                    if (!"application/problem+json".equals(media.getKey())) {
                        findings.add(where + " declares " + media.getKey() + ": errors are application/problem+json");
                    } else if (schema == null || !PROBLEM_REF.equals(schema.getString("$ref", ""))) {
                        findings.add(where + " does not reference the shared Problem schema");
                    }
                }
            }
        }
        if (!success) {
            findings.add(operation + ": declares no 2xx success response");
        }
    }

    private void schemas() {
        JsonObject components = document.getJsonObject("components");
        JsonObject schemas = components == null ? null : components.getJsonObject("schemas");
        if (schemas == null) {
            return;
        }
        for (var s : schemas.entrySet()) {
            walkSchema("schema " + s.getKey(), s.getKey(), s.getValue().asJsonObject());
        }
        // Inline schemas in operations too (request bodies, parameters are checked above).
        for (var path : document.getJsonObject("paths").entrySet()) {
            for (var op : path.getValue().asJsonObject().entrySet()) {
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonObject body = op.getValue().asJsonObject().getJsonObject("requestBody");
                if (body != null && body.containsKey("content")) {
                    for (var media : resolve(body).getJsonObject("content").entrySet()) {
                        JsonObject schema = media.getValue().asJsonObject().getJsonObject("schema");
                        if (schema != null) {
                            walkSchema(op.getKey().toUpperCase() + " " + path.getKey() + " request body", "", schema);
                        }
                    }
                }
            }
        }
    }

    private void walkSchema(String where, String name, JsonObject schema) {
        for (var k : FILLER.entrySet()) {
            if (schema.containsKey(k.getKey()) && schema.get(k.getKey()).equals(k.getValue())) {
                findings.add(where + ": filler keyword " + k.getKey() + ": " + k.getValue());
            }
        }
        if (isRef(schema)) {
            return;
        }
        typed(where, name, schema);
        JsonObject properties = schema.getJsonObject("properties");
        if (properties != null) {
            for (var p : properties.entrySet()) {
                walkSchema(where + "." + p.getKey(), p.getKey(), p.getValue().asJsonObject());
            }
        }
        if (schema.containsKey("items")) {
            walkSchema(where + "[]", name, schema.getJsonObject("items"));
        }
        if (schema.get("additionalProperties") instanceof JsonObject extra) {
            walkSchema(where + "{}", "", extra);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            JsonArray parts = schema.getJsonArray(combinator);
            if (parts != null) {
                for (JsonValue part : parts) {
                    walkSchema(where + " " + combinator, name, part.asJsonObject());
                }
            }
        }
    }

    /** The type rules: no untyped object, ids int64, instants date-time, dates date. */
    private void typed(String where, String name, JsonObject schema) {
        if (isRef(schema) || schema.containsKey("allOf") || schema.containsKey("oneOf") || schema.containsKey("anyOf")) {
            return;
        }
        String type = schema.getString("type", "");
        if (type.isEmpty()) {
            findings.add(where + ": has no type");
            return;
        }
        if ("object".equals(type) && !schema.containsKey("properties") && !schema.containsKey("additionalProperties")) {
            findings.add(where + ": is an untyped object (give it properties, or its real type such as a date)");
            return;
        }
        String format = schema.getString("format", "");
        if (ID.matcher(name).matches() && !("string".equals(type))) {
            if (!"integer".equals(type) || !"int64".equals(format)) {
                findings.add(where + ": an id is integer/int64, not " + type + (format.isEmpty() ? "" : "/" + format));
            }
        }
        // A name ending in "At" is an instant unless its pattern says otherwise (a time of day such as checkAt).
        if (INSTANT.matcher(name).matches() && !"date-time".equals(format) && !"boolean".equals(type)
                && !schema.containsKey("pattern")) {
            findings.add(where + ": an instant is string/date-time, not " + type + (format.isEmpty() ? "" : "/" + format));
        }
        if (DATE.matcher(name).matches() && !"date".equals(format) && "object".equals(type)) {
            findings.add(where + ": a date is string/date, not an object");
        }
        if ("number".equals(type) && isMoneyName(name)) {
            findings.add(where + ": money is the Money schema (a decimal string), not " + type);
        }
    }

    /** Whether a property's name says money: one of its words is a money word and none says percent/quantity. */
    static boolean isMoneyName(String name) {
        if (name == null || name.isEmpty() || NOT_MONEY_NAMES.contains(name)) {
            return false;
        }
        List<String> words = List.of(name.split("(?<=[a-z0-9])(?=[A-Z])|_|-"));
        boolean money = false;
        for (String w : words) {
            String word = w.toLowerCase(java.util.Locale.ROOT);
            if (NOT_MONEY_WORDS.contains(word)) {
                return false;
            }
            money |= MONEY_WORDS.contains(word);
        }
        return money;
    }

    /** Components (schemas, responses, parameters, headers) that no operation reaches. */
    private void unusedComponents() {
        JsonObject components = document.getJsonObject("components");
        if (components == null) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Deque<JsonValue> todo = new ArrayDeque<>();
        todo.push(document.getJsonObject("paths"));
        while (!todo.isEmpty()) {
            JsonValue v = todo.pop();
            if (v instanceof JsonObject o) {
                if (o.get("$ref") instanceof JsonString ref && reached.add(ref.getString())) {
                    JsonValue target = pointer(ref.getString());
                    if (target != null) {
                        todo.push(target);
                    }
                }
                o.values().forEach(todo::push);
            } else if (v instanceof JsonArray a) {
                a.forEach(todo::push);
            }
        }
        Set<String> unused = new TreeSet<>();
        for (String kind : List.of("schemas", "responses", "parameters", "headers", "requestBodies")) {
            JsonObject group = components.getJsonObject(kind);
            if (group != null) {
                for (String n : group.keySet()) {
                    if (!reached.contains("#/components/" + kind + "/" + n)) {
                        unused.add(kind + "/" + n);
                    }
                }
            }
        }
        unused.forEach(u -> findings.add("component " + u + ": referenced by no operation"));
    }

    private JsonObject resolve(JsonObject o) {
        while (o != null && o.containsKey("$ref")) {
            JsonValue target = pointer(o.getString("$ref"));
            if (!(target instanceof JsonObject t)) {
                return o;
            }
            o = t;
        }
        return o;
    }

    private JsonValue pointer(String ref) {
        if (!ref.startsWith("#/")) {
            return null;
        }
        JsonValue at = document;
        for (String part : ref.substring(2).split("/")) {
            if (!(at instanceof JsonObject o) || !o.containsKey(part)) {
                return null;
            }
            at = o.get(part);
        }
        return at;
    }

    private static boolean isRef(JsonObject schema) {
        return schema != null && schema.containsKey("$ref");
    }

    private static boolean isArray(JsonObject schema) {
        return "array".equals(schema.getString("type", "")) && schema.containsKey("items");
    }

    private static JsonNumber number(int n) {
        return jakarta.json.Json.createValue(n);
    }
}
