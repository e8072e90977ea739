package io.cuadra.it.security;

import io.cuadra.it.support.OpenApiLint;
import io.cuadra.it.support.CuadraDeployment;
import io.cuadra.it.support.DemoUsers;
import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;
import io.cuadra.it.support.TestLocations;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.cuadra.it.support.StockInvariants.assertStockInvariants;
import static io.cuadra.it.support.StockInvariants.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strict input (issue 14, findings 5–7), black-box against the deployed EAR: a table-driven fuzz over
 * every JSON write of the served OpenAPI document, the coercions that deactivated users and payment
 * methods, control characters outside bodies, idempotency replay across locations, renaming to a taken
 * name, and the last unit sold, wasted and transferred at the same moment.
 *
 * <p>"No row changed" is checked with {@link DatabaseChanges}: every transaction that begins after a
 * snapshot gets an xid at or above the snapshot's xmax, and every row it inserts or updates carries that
 * xid as its {@code xmin}; a row it deletes lowers its table's count. So a table with the same count and
 * no row whose xmin is at or above the snapshot's xmax was not written — exact, unlike the statistics
 * views, which are updated asynchronously.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class StrictInputIT extends CuadraDeployment {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String HUGE = "x".repeat(1_000_000);
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    /** The table whose first id fills a path parameter, by the path segment before it. */
    private static final Map<String, String> TABLES = Map.ofEntries(Map.entry("orders", "orders"),
            Map.entry("by-order", "orders"), Map.entry("users", "users"), Map.entry("roles", "roles"),
            Map.entry("locations", "locations"), Map.entry("categories", "categories"), Map.entry("items", "items"),
            Map.entry("tax-rates", "tax_rates"), Map.entry("customers", "customers"),
            Map.entry("payment-methods", "payment_methods"), Map.entry("card-fee-rules", "card_fee_rules"),
            Map.entry("lots", "inventory_lots"), Map.entry("warehouses", "warehouses"),
            Map.entry("counts", "stock_counts"), Map.entry("suppliers", "suppliers"),
            Map.entry("profiles", "bank_profiles"), Map.entry("closures", "daily_closures"),
            Map.entry("discrepancies", "discrepancies"), Map.entry("matches", "bank_matches"),
            Map.entry("transactions", "bank_transactions"), Map.entry("imports", "imports"),
            Map.entry("invoices", "billing_documents"), Map.entry("credit-notes", "billing_documents"),
            Map.entry("purchasing/orders", "purchase_orders"));

    private final Http http = http();

    // --- the fuzz -------------------------------------------------------------------------------------

    /** One request of the fuzz and what it was meant to break. */
    record Probe(String method, String path, String what, String body) {
    }

    @Test
    @Order(1)
    void everyJsonWriteOfTheOpenApiDocumentRefusesMalformedBodiesWith4xxProblemsAndChangesNothing() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        JsonObject api = OpenApiLint.served(http, "openapi", "Accept", "application/json").json();
        List<Probe> probes = new ArrayList<>();
        List<Write> writes = jsonWrites(api);
        for (Write w : writes) {
            probes.addAll(probes(api, w.method(), w.path(), w.schema()));
        }
        int operations = writes.size();
        assertThat(operations).as("JSON writes in the OpenAPI document").isGreaterThan(40);

        DatabaseChanges before = DatabaseChanges.quiet();
        Map<String, Integer> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();
        long started = System.nanoTime();
        for (Probe p : probes) {
            Reply r = send(admin, p.method(), p.path(), p.body());
            statuses.merge(Integer.toString(r.status()), 1, Integer::sum);
            boolean problem = r.contentType() != null && r.contentType().startsWith("application/problem+json");
            if (r.status() < 400 || r.status() >= 500 || !problem) {
                wrong.add(p.method() + " " + p.path() + " [" + p.what() + "] -> " + r.status() + " " + r.contentType()
                        + " " + cut(r.body()));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("[strict-input] %d operations, %d malformed requests in %.1f s; statuses %s%n", operations,
                probes.size(), seconds, statuses);
        assertThat(wrong).as("every malformed body answers 4xx problem+json").isEmpty();
        assertThat(before.changedTables()).as("tables written while the fuzz ran").isEmpty();
    }

    /** The malformed variants of one operation's body, from its schema. */
    private static List<Probe> probes(JsonObject api, String method, String path, JsonObject schema) {
        List<Probe> probes = new ArrayList<>();
        probes.add(new Probe(method, path, "null body", "null"));
        boolean array = "array".equals(schema.getString("type", ""));
        probes.add(new Probe(method, path, array ? "object for the array" : "array for the object", array ? "{}" : "[]"));
        probes.add(new Probe(method, path, "a string", "\"x\""));
        if (array) {
            probes.add(new Probe(method, path, "null element", "[null]"));
            return probes;
        }
        JsonObject sample = sample(api, schema, 0).asJsonObject();
        Map<String, JsonObject> properties = properties(api, schema);
        boolean hugeSent = false;
        for (Map.Entry<String, JsonObject> p : properties.entrySet()) {
            for (Map.Entry<String, String> bad : wrongValues(api, p.getValue()).entrySet()) {
                probes.add(new Probe(method, path, p.getKey() + " = " + bad.getKey(),
                        with(sample, p.getKey(), bad.getValue())));
            }
            String type = type(api, p.getValue());
            if ("string".equals(type) && !hugeSent) {
                hugeSent = true;
                probes.add(new Probe(method, path, p.getKey() + " = 1 MB", with(sample, p.getKey(), "\"" + HUGE + "\"")));
            }
            // one level down: the properties of the first element of an array of objects
            JsonObject items = "array".equals(type) ? resolve(api, p.getValue().getJsonObject("items")) : null;
            if (items != null && "object".equals(type(api, items)) && sample.get(p.getKey()) instanceof JsonArray a
                    && !a.isEmpty()) {
                JsonObject element = a.getJsonObject(0);
                for (Map.Entry<String, JsonObject> inner : properties(api, items).entrySet()) {
                    for (Map.Entry<String, String> bad : wrongValues(api, inner.getValue()).entrySet()) {
                        String nested = "[" + with(element, inner.getKey(), bad.getValue()) + "]";
                        probes.add(new Probe(method, path, p.getKey() + "[0]." + inner.getKey() + " = " + bad.getKey(),
                                with(sample, p.getKey(), nested)));
                    }
                }
            }
        }
        return probes;
    }

    /** Values of the wrong type (or of the right type but impossible) for a property, by its schema type. */
    private static final Map<String, Map<String, String>> WRONG_VALUES = Map.of(
            "string", table("number", "12", "boolean", "true", "array of strings", "[\"Ana\",\"Eva\"]", "object", "{}",
                    "NUL", "\"a\\u0000b\"", "ESC", "\"a\\u001bb\"", "C1 control", "\"a\\u0085b\""),
            "integer", table("string", "\"1\"", "boolean", "true", "fraction", "1.5", "1e20", "1e20", "1e400", "1e400",
                    "2^63", "9223372036854775808", "array", "[1]", "object", "{}"),
            "number", table("string", "\"1\"", "boolean", "true", "1e400", "1e400", "2^63", "9223372036854775808",
                    "array", "[1]", "object", "{}"),
            "boolean", table("\"yes\"", "\"yes\"", "2", "2", "0", "0", "\"true\"", "\"true\"", "array", "[true]",
                    "object", "{}"),
            "array", table("string", "\"a\"", "number", "1", "object", "{}", "null element", "[null]"),
            "object", table("string", "\"a\"", "number", "1", "array", "[]", "boolean", "true"));

    /** A property without a type (any value) has no wrong type. */
    private static Map<String, String> wrongValues(JsonObject api, JsonObject property) {
        return WRONG_VALUES.getOrDefault(type(api, property), Map.of());
    }

    private static Map<String, String> table(String... namesAndValues) {
        Map<String, String> table = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            table.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return table;
    }

    /** An operation of the OpenAPI document that takes a JSON body, its path filled with real ids. */
    record Write(String method, String path, JsonObject schema) {
    }

    private static List<Write> jsonWrites(JsonObject api) throws SQLException {
        List<Write> writes = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : api.getJsonObject("paths").entrySet()) {
            for (String method : List.of("post", "put", "patch")) {
                JsonObject schema = bodySchema(api, path.getValue().asJsonObject().getJsonObject(method));
                if (schema != null) {
                    writes.add(new Write(method.toUpperCase(Locale.ROOT), concrete(path.getKey()), schema));
                }
            }
        }
        return writes;
    }

    /** The schema of an operation's JSON request body, resolved, or null if it takes none. */
    private static JsonObject bodySchema(JsonObject api, JsonObject operation) {
        if (operation == null || !operation.containsKey("requestBody")) {
            return null;
        }
        JsonObject content = resolve(api, operation.getJsonObject("requestBody")).getJsonObject("content");
        if (content == null || !content.containsKey("application/json")) {
            return null;
        }
        JsonObject media = content.getJsonObject("application/json");
        return media.containsKey("schema") ? resolve(api, media.getJsonObject("schema")) : null;
    }

    private static JsonObject resolve(JsonObject api, JsonObject schema) {
        JsonObject s = schema;
        for (int i = 0; s != null && s.containsKey("$ref") && i < 10; i++) {
            String[] ref = s.getString("$ref").substring(2).split("/");
            JsonObject target = api;
            for (String part : ref) {
                target = target.getJsonObject(part);
            }
            s = target;
        }
        if (s != null && s.containsKey("allOf") && !s.containsKey("properties")) {
            return resolve(api, s.getJsonArray("allOf").getJsonObject(0));
        }
        return s;
    }

    private static String type(JsonObject api, JsonObject property) {
        JsonObject p = resolve(api, property);
        if (p.containsKey("type")) {
            return p.getString("type");
        }
        return p.containsKey("properties") ? "object" : "";
    }

    private static Map<String, JsonObject> properties(JsonObject api, JsonObject schema) {
        Map<String, JsonObject> properties = new LinkedHashMap<>();
        JsonObject s = resolve(api, schema);
        if (s.containsKey("properties")) {
            s.getJsonObject("properties").forEach((k, v) -> properties.put(k, v.asJsonObject()));
        }
        return properties;
    }

    /** A body of the right shape: each property of its type (enums their first value), one element per array. */
    private static JsonValue sample(JsonObject api, JsonObject schema, int depth) {
        JsonObject s = resolve(api, schema);
        String type = type(api, s);
        if (s.containsKey("enum") && !s.getJsonArray("enum").isEmpty()) {
            return s.getJsonArray("enum").get(0);
        }
        switch (type) {
            case "string":
                return Json.createValue("date".equals(s.getString("format", "")) ? "2026-12-06" : "x");
            case "integer":
            case "number":
                return Json.createValue(1);
            case "boolean":
                return JsonValue.TRUE;
            case "array": {
                JsonArrayBuilder a = Json.createArrayBuilder();
                if (depth < 3 && s.containsKey("items")) {
                    a.add(sample(api, s.getJsonObject("items"), depth + 1));
                }
                return a.build();
            }
            case "object": {
                JsonObjectBuilder o = Json.createObjectBuilder();
                if (depth < 3) {
                    properties(api, s).forEach((k, v) -> o.add(k, sample(api, v, depth + 1)));
                }
                return o.build();
            }
            default:
                return JsonValue.NULL;
        }
    }

    /** {@code object} with one property replaced by raw JSON text (which may be no valid JSON value for it). */
    private static String with(JsonObject object, String name, String rawValue) {
        StringBuilder s = new StringBuilder("{");
        for (Map.Entry<String, JsonValue> e : object.entrySet()) {
            if (s.length() > 1) {
                s.append(',');
            }
            s.append(Json.createValue(e.getKey())).append(':')
                    .append(e.getKey().equals(name) ? rawValue : e.getValue().toString());
        }
        return s.append('}').toString();
    }

    /** The path with every parameter filled with a real id of the demo data (or of rows the tests made). */
    private static String concrete(String template) throws SQLException {
        Matcher m = PATH_PARAMETER.matcher(template);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String before = template.substring(0, m.start());
            String segment = before.substring(before.lastIndexOf('/', before.length() - 2) + 1, before.length() - 1);
            String parent = before.substring(0, before.length() - segment.length() - 1);
            String table = TABLES.getOrDefault(parent.substring(parent.lastIndexOf('/') + 1) + "/" + segment,
                    TABLES.get(segment));
            String id = table == null ? null : rows("select min(id) from " + table).get(0).get(0);
            m.appendReplacement(path, id == null ? "1" : id);
        }
        m.appendTail(path);
        return path.substring(1);
    }

    // --- the findings one by one ----------------------------------------------------------------------

    @Test
    @Order(2)
    void theCoercionsOfTheFindingAre400NamingTheFieldAndChangeNothing() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        String id = rows("select min(id) from payment_methods where active").get(0).get(0);
        String version = rows("select version from payment_methods where id = " + id).get(0).get(0);
        Reply method = admin.get("api/payment-methods/" + id);
        JsonObject current = method.json();
        String base = "{\"code\":\"" + current.getString("code") + "\",\"name\":\"" + current.getString("name")
                + "\",\"kind\":\"" + current.getString("kind") + "\",\"requiresReference\":false,\"position\":1,"
                + "\"active\":%s}";
        DatabaseChanges before = DatabaseChanges.quiet();
        for (String active : List.of("\"yes\"", "2", "0", "\"false\"", "null")) {
            Reply r = admin.put("api/payment-methods/" + id, String.format(base, active), "If-Match", method.header("ETag"));
            assertThat(r.status()).as("active = " + active + ": " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("active");
        }
        Reply badPosition = admin.put("api/payment-methods/" + id, String.format(base, "true").replace("\"position\":1",
                "\"position\":1e20"), "If-Match", method.header("ETag"));
        assertThat(badPosition.status()).as(badPosition.toString()).isEqualTo(400);
        assertThat(badPosition.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("position");

        long lim = locationId("LIM01");
        for (String locationId : List.of("1e400", "9223372036854775808", "\"" + lim + "\"", "null", "[" + lim + "]")) {
            Reply r = admin.post("api/orders", "{\"locationId\":" + locationId
                    + ",\"lines\":[{\"itemCode\":\"LAB-GLU\",\"quantity\":1}]}");
            assertThat(r.status()).as("locationId = " + locationId + ": " + r).isEqualTo(400);
            assertThat(r.body()).contains("locationId");
        }
        Reply names = admin.post("api/customers", "{\"documentType\":\"DNI\",\"documentNumber\":\"45821379\","
                + "\"firstName\":[\"Ana\",\"Eva\"],\"lastName\":\"Quispe\"}");
        assertThat(names.status()).as(names.toString()).isEqualTo(400);
        assertThat(names.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("firstName");
        Reply amount = admin.post("api/orders", "{\"locationId\":" + lim + ",\"lines\":[{\"itemCode\":\"LAB-GLU\","
                + "\"quantity\":1}],\"payments\":[{\"methodCode\":\"EFECTIVO\",\"amount\":\"10.005\"}]}");
        assertThat(amount.status()).as("three decimals of money: " + amount).isEqualTo(400);
        assertThat(amount.body()).contains("payments[0].amount");
        // Money is a decimal string in the contract: a JSON number is refused, not coerced.
        Reply number = admin.post("api/orders", "{\"locationId\":" + lim + ",\"lines\":[{\"itemCode\":\"LAB-GLU\","
                + "\"quantity\":1}],\"payments\":[{\"methodCode\":\"EFECTIVO\",\"amount\":10.00}]}");
        assertThat(number.status()).as("money as a JSON number: " + number).isEqualTo(400);
        assertThat(number.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("payments[0].amount");
        assertThat(number.body()).contains("decimal string");
        // Typed parameters, one rule (ApiParameters): a value that is not one is a 400 naming the parameter.
        for (String[] bad : new String[][]{{"api/orders?from=yesterday", "from"}, {"api/orders?status=LOST", "status"},
                {"api/reconciliation/closures?to=2026-02-30", "to"}, {"api/audit-log?from=2026-12-07", "from"}}) {
            Reply r = admin.get(bad[0]);
            assertThat(r.status()).as(bad[0] + ": " + r).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo(bad[1]);
        }
        Reply typed = admin.get("api/orders?status=registered&from=2026-01-01&to=2026-12-31&size=1");
        assertThat(typed.status()).as(typed.toString()).isEqualTo(200);
        Reply quantity = admin.post("api/orders", "{\"locationId\":" + lim + ",\"lines\":[{\"itemCode\":\"LAB-GLU\","
                + "\"quantity\":1234567890}]}");
        assertThat(quantity.status()).as("a quantity numeric(12,3) cannot hold: " + quantity).isEqualTo(400);

        assertThat(before.changedTables()).isEmpty();
        assertThat(rows("select active, version from payment_methods where id = " + id).get(0))
                .containsExactly("t", version);
    }

    @Test
    @Order(3)
    void nullBodiesEverywhereAndControlCharactersOutsideTheBodyAre400() throws Exception {
        DatabaseChanges beforeLogin = DatabaseChanges.quiet();
        for (String body : List.of("null", "", "[]", "{\"email\":null,\"password\":null}",
                "{\"email\":\"admin@cuadra.demo\",\"password\":\"a\\u0000b\"}")) {
            Reply login = http.post("api/auth/login", body);
            assertThat(login.status()).as("login with " + body + ": " + login).isEqualTo(400);
            assertThat(login.contentType()).startsWith("application/problem+json");
        }
        assertThat(beforeLogin.changedTables()).as("refused sign-ins write nothing, not even a failure").isEmpty();
        Http admin = DemoUsers.ADMIN.signIn(http);
        DatabaseChanges before = DatabaseChanges.quiet(); // signing in writes its refresh token
        Reply search = admin.get("api/customers?q=a%00b");
        assertThat(search.status()).as(search.toString()).isEqualTo(400);
        assertThat(search.contentType()).startsWith("application/problem+json");
        Reply key = admin.post("api/orders", "{\"locationId\":" + locationId("LIM01")
                + ",\"lines\":[{\"itemCode\":\"LAB-GLU\",\"quantity\":1}]}", "Idempotency-Key", "k\u0085y");
        assertThat(key.status()).as(key.toString()).isEqualTo(400);
        assertThat(before.changedTables()).isEmpty();
    }

    @Test
    @Order(4)
    void anIdempotencyKeyIsNotReplayedToACashierOfAnotherLocation() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        Http lima = DemoUsers.CASHIER.signIn(http);
        int n = SEQ.incrementAndGet();
        String email = "cajero.cusco" + n + "@cuadra.demo";
        Reply created = admin.post("api/users", "{\"email\":\"" + email + "\",\"firstName\":\"Caja\",\"lastName\":\"Cusco\","
                + "\"password\":\"Cusco-Caja-2026-" + n + "\",\"roles\":[\"CASHIER\"],\"locationIds\":["
                + locationId("CUS02") + "]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Http cusco = DemoUsers.signIn(http, email, "Cusco-Caja-2026-" + n);

        String note = "replay " + n;
        String body = "{\"locationId\":" + locationId("LIM01") + ",\"notes\":\"" + note
                + "\",\"lines\":[{\"itemCode\":\"LAB-GLU\",\"quantity\":1}]}";
        String key = UUID.randomUUID().toString();
        Reply first = lima.post("api/orders", body, "Idempotency-Key", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long orders = count("select count(*) from orders");

        for (String replayBody : List.of(body, body.replace("LAB-GLU", "LAB-HEM"))) {
            Reply replay = cusco.post("api/orders", replayBody, "Idempotency-Key", key);
            assertThat(replay.status()).as("replay from Cusco: " + replay).isEqualTo(404);
            assertThat(replay.contentType()).startsWith("application/problem+json");
            assertThat(replay.body()).doesNotContain(first.json().getString("number"));
        }
        long id = first.json().getJsonNumber("id").longValue();
        String payKey = UUID.randomUUID().toString();
        String payment = "{\"methodCode\":\"EFECTIVO\",\"amount\":\"1.00\"}";
        assertThat(lima.post("api/orders/" + id + "/payments", payment, "Idempotency-Key", payKey).status()).isEqualTo(201);
        Reply payReplay = cusco.post("api/orders/" + id + "/payments", payment, "Idempotency-Key", payKey);
        assertThat(payReplay.status()).as(payReplay.toString()).isEqualTo(404);
        assertThat(count("select count(*) from orders")).as("nothing created").isEqualTo(orders);
        assertThat(count("select count(*) from order_payments where order_id = " + id)).isEqualTo(1);
        // the owner still gets the stored answer
        Reply again = lima.post("api/orders", body, "Idempotency-Key", key);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    @Order(5)
    void renamingToATakenNameIs409AndSoIsTheLoserOfARaceForANewName() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long lim = locationId("LIM01");
        int n = SEQ.incrementAndGet();
        Reply a = admin.post("api/inventory/warehouses", "{\"locationId\":" + lim + ",\"code\":\"TK" + n
                + "A\",\"name\":\"Taken A\"}");
        Reply b = admin.post("api/inventory/warehouses", "{\"locationId\":" + lim + ",\"code\":\"TK" + n
                + "B\",\"name\":\"Taken B\"}");
        assertThat(a.status()).as(a.toString()).isEqualTo(201);
        assertThat(b.status()).as(b.toString()).isEqualTo(201);
        long bId = b.json().getJsonNumber("id").longValue();
        Reply renamed = admin.put("api/inventory/warehouses/" + bId, "{\"code\":\"TK" + n
                + "A\",\"name\":\"Taken B\",\"active\":true}", "If-Match", b.header("ETag"));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(409);
        assertThat(renamed.contentType()).startsWith("application/problem+json");
        assertThat(renamed.json().getString("detail")).contains("TK" + n + "A");
        assertThat(rows("select code from warehouses where id = " + bId).get(0).get(0)).isEqualTo("TK" + n + "B");

        // Eight creations of one code at once: the service's own check cannot see the others' uncommitted
        // rows, so the losers meet the unique index, which answers 409 naming the field too.
        String body = "{\"code\":\"RACE" + n + "\",\"name\":\"Carrera " + n + "\"}";
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, Integer> statuses = new TreeMap<>();
        int fromTheIndex = 0;
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return admin.post("api/catalog/categories", body);
                }));
            }
            start.countDown();
            for (Future<Reply> f : replies) {
                Reply r = f.get(120, TimeUnit.SECONDS);
                statuses.merge(Integer.toString(r.status()), 1, Integer::sum);
                assertThat(r.status()).as(r.toString()).isIn(201, 409);
                if (r.status() == 409) {
                    assertThat(r.contentType()).startsWith("application/problem+json");
                    if (r.json().containsKey("errors")) {
                        fromTheIndex++;
                        assertThat(r.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                                .isIn("code", "name");
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("[strict-input] 8 concurrent creations of one category: " + statuses + ", " + fromTheIndex
                + " refused by the unique index");
        assertThat(statuses.get("201")).isEqualTo(1);
        assertThat(count("select count(*) from categories where code = 'RACE" + n + "'")).isEqualTo(1);
    }

    @Test
    @Order(6)
    void theLastUnitSoldWastedAndTransferredAtOnceAnswers2xxOr4xxNever500() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        long location = newLocation(admin);
        long warehouse = defaultWarehouse(admin, location);
        long lima = defaultWarehouse(admin, locationId("LIM01"));
        long tubes = admin.get("api/catalog/items?search=INS-TUB").json().getJsonArray("items").getJsonObject(0)
                .getJsonNumber("id").longValue();
        Map<String, Integer> statuses = new TreeMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(9);
        try {
            for (int round = 0; round < 3; round++) {
                Reply receipt = admin.post("api/purchasing/receipts", "{\"warehouseId\":" + warehouse + ",\"lines\":[{"
                        + "\"itemId\":" + tubes + ",\"lotCode\":\"LAST-" + location + "-" + round
                        + "\",\"expiresOn\":\"2099-12-31\",\"quantity\":1,\"unitCost\":0.45}]}");
                assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
                long lot = receipt.json().getJsonArray("lines").getJsonObject(0).getJsonNumber("lotId").longValue();
                CountDownLatch start = new CountDownLatch(1);
                List<Callable<Reply>> calls = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    calls.add(() -> {
                        start.await();
                        return admin.post("api/orders", "{\"locationId\":" + location + ",\"lines\":[{\"itemCode\":"
                                + "\"INS-TUB\",\"quantity\":1}],\"payments\":[{\"methodCode\":\"EFECTIVO\",\"amount\":\"1000.00\"}]}");
                    });
                    calls.add(() -> {
                        start.await();
                        return admin.post("api/inventory/wastage", "{\"warehouseId\":" + warehouse + ",\"itemId\":"
                                + tubes + ",\"lotId\":" + lot + ",\"quantity\":1,\"reason\":\"DAMAGED\"}");
                    });
                    calls.add(() -> {
                        start.await();
                        return admin.post("api/inventory/transfers", "{\"fromWarehouseId\":" + warehouse
                                + ",\"toWarehouseId\":" + lima + ",\"lines\":[{\"itemId\":" + tubes + ",\"lotId\":" + lot
                                + ",\"quantity\":1}]}");
                    });
                }
                List<Future<Reply>> replies = new ArrayList<>();
                for (Callable<Reply> c : calls) {
                    replies.add(pool.submit(c));
                }
                start.countDown();
                int taken = 0;
                for (Future<Reply> f : replies) {
                    Reply r = f.get(120, TimeUnit.SECONDS);
                    statuses.merge(Integer.toString(r.status()), 1, Integer::sum);
                    assertThat(r.status()).as(r.toString()).isIn(201, 409, 422);
                    if (r.status() != 201) {
                        assertThat(r.contentType()).startsWith("application/problem+json");
                    } else {
                        taken++;
                    }
                }
                assertThat(taken).as("at most one request can take the last unit").isLessThanOrEqualTo(1);
                assertThat(rows("select on_hand from stock_balances where warehouse_id = " + warehouse + " and lot_id = "
                        + lot).get(0).get(0)).isEqualTo(taken == 1 ? "0.000" : "1.000");
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("[strict-input] last unit, 3 rounds of 9 concurrent requests: statuses " + statuses);
        assertStockInvariants();
    }

    @Test
    @Order(7)
    void nullForAnyPropertyOfAnyJsonWriteIsNeverA500() throws Exception {
        Http admin = DemoUsers.ADMIN.signIn(http);
        JsonObject api = OpenApiLint.served(http, "openapi", "Accept", "application/json").json();
        List<String> wrong = new ArrayList<>();
        int sent = 0;
        for (Write w : jsonWrites(api)) {
            if (w.path().startsWith("api/auth/") || w.path().startsWith("api/roles/") || w.path().startsWith("api/users/")
                    || "array".equals(w.schema().getString("type", ""))) {
                continue; // a valid body there could sign the administrator out or take their rights away
            }
            JsonObject sample = sample(api, w.schema(), 0).asJsonObject();
            for (String property : properties(api, w.schema()).keySet()) {
                Reply r = send(admin, w.method(), w.path(), with(sample, property, "null"));
                sent++;
                boolean problem = r.contentType() != null && r.contentType().startsWith("application/problem+json");
                if (r.status() >= 500 || (r.status() >= 400 && !problem)) {
                    wrong.add(w.method() + " " + w.path() + " [" + property + " = null] -> " + r.status() + " "
                            + cut(r.body()));
                }
            }
        }
        System.out.println("[strict-input] " + sent + " bodies with one property null");
        assertThat(wrong).as("null for a property is never a 5xx").isEmpty();
    }

    // --- helpers --------------------------------------------------------------------------------------

    private static Reply send(Http client, String method, String path, String body) {
        return switch (method) {
            case "POST" -> client.post(path, body, "If-Match", "\"0\"");
            case "PUT" -> client.put(path, body, "If-Match", "\"0\"");
            default -> throw new IllegalArgumentException("no fuzz for " + method);
        };
    }

    private static String cut(String body) {
        return body == null || body.length() < 300 ? body : body.substring(0, 300) + "...";
    }

    private long locationId(String code) throws SQLException {
        return Long.parseLong(rows("select id from locations where code = '" + code + "'").get(0).get(0));
    }

    private static long defaultWarehouse(Http admin, long location) {
        return admin.get("api/inventory/warehouses?locationId=" + location).jsonStructure().asJsonArray()
                .getJsonObject(0).getJsonNumber("id").longValue();
    }

    private static long newLocation(Http admin) {
        int n = 500 + SEQ.incrementAndGet();
        return TestLocations.open(admin, "SX" + n, n, "0008", 'X', 'W');
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(rows(sql).get(0).get(0));
    }

    /**
     * Which tables were written since a snapshot: per table, rows whose xmin is at or above the snapshot's
     * xmax (inserted or updated by a later transaction), and the row count (a delete lowers it).
     */
    static final class DatabaseChanges {

        private final long xmax;
        private final Map<String, Long> counts;

        private DatabaseChanges(long xmax, Map<String, Long> counts) {
            this.xmax = xmax;
            this.counts = counts;
        }

        /**
         * A snapshot taken once nothing has been written for a second — deployment, sign-ins and the outbox
         * worker finish their writes first (at most 60 s).
         */
        static DatabaseChanges quiet() throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                DatabaseChanges snapshot = take();
                Thread.sleep(1000);
                List<String> changed = snapshot.changedTables();
                if (changed.isEmpty()) {
                    return snapshot;
                }
                assertThat(System.nanoTime()).as("the database to be quiet; still written: " + changed)
                        .isLessThan(deadline);
            }
        }

        private static DatabaseChanges take() throws SQLException {
            try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
                long xmax;
                try (ResultSet rs = s.executeQuery("select pg_snapshot_xmax(pg_current_snapshot())::text::bigint")) {
                    rs.next();
                    xmax = rs.getLong(1);
                }
                Map<String, Long> counts = new TreeMap<>();
                for (String table : tables(s)) {
                    try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                        rs.next();
                        counts.put(table, rs.getLong(1));
                    }
                }
                return new DatabaseChanges(xmax, counts);
            }
        }

        private static List<String> tables(Statement s) throws SQLException {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select quote_ident(table_name) from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            return tables;
        }

        List<String> changedTables() throws SQLException {
            List<String> changed = new ArrayList<>();
            try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement()) {
                for (String table : tables(s)) {
                    if (table.equals("scheduled_runs") || table.equals("server_heartbeats")) {
                        // the timers' claims of scheduled work (a threshold round every 5 minutes) and the server's
                        // beat every 10 s (batch jobs of a dead server restarted elsewhere), not the fuzz's
                        continue;
                    }
                    // xids of this young cluster have no epoch yet: a 32-bit xmin compares with the 64-bit xmax
                    try (ResultSet rs = s.executeQuery("select count(*), count(*) filter (where xmin::text::bigint >= "
                            + xmax + ") from " + table)) {
                        rs.next();
                        // The outbox worker keeps delivering earlier messages meanwhile (updating their status):
                        // in its tables only a new row is a write of the fuzz.
                        boolean background = table.equals("outbox_messages") || table.equals("notification_messages");
                        if (!background && rs.getLong(2) > 0 || !Long.valueOf(rs.getLong(1)).equals(counts.get(table))) {
                            changed.add(table + " (" + counts.get(table) + " -> " + rs.getLong(1) + " rows, "
                                    + rs.getLong(2) + " written)");
                        }
                    }
                }
            }
            return changed;
        }
    }
}
