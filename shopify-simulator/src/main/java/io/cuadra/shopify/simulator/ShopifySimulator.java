package io.cuadra.shopify.simulator;

import com.sun.net.httpserver.HttpExchange;
import io.cuadra.simulator.support.HttpStandIn;
import io.cuadra.simulator.support.StandInHttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local stand-in for Shopify shops, for the run command and the tests.
 *
 * <ul>
 *   <li>The Admin GraphQL API at {@code {base}/shops/{domain}/admin/api/{version}/graphql.json} (the adapter's
 *   "API URL" is then {@code {base}/shops/{domain}}): {@code orders(first, after, query: "updated_at:>=..."
 *   , sortKey: UPDATED_AT)} and {@code customers(first, after)} with {@code pageInfo} cursors, the
 *   {@code X-Shopify-Access-Token} checked, and the cost extension of a leaky bucket (2,000 points, 100 a
 *   second) that answers THROTTLED when a query asks for more than it holds, or when told to.</li>
 *   <li>Webhooks fired at Cuadra with a real HMAC-SHA256 of the body under the shop's secret and the
 *   X-Shopify-* headers, once, twice (same webhook id), not at all, or paid-before-create.</li>
 *   <li>Controls over HTTP under {@code /simulator/} (see {@link #handleControl}) and in Java.</li>
 * </ul>
 */
public final class ShopifySimulator extends HttpStandIn {

    public static final String CONTROL_PATH = "/simulator/";
    public static final String API_VERSION = "2025-10";

    /** How a webhook reaches Cuadra. */
    public enum Delivery { ONCE, TWICE, NONE }

    private static final Pattern GRAPHQL = Pattern.compile("^/shops/([^/]+)/admin/api/([0-9]{4}-[0-9]{2})/graphql\\.json$");
    private static final Pattern REFUND_CONTROL = Pattern.compile("^orders/([0-9]+)/refunds$");
    private static final Pattern CUSTOMER_CONTROL = Pattern.compile("^customers/([0-9]+)$");
    private static final Pattern UPDATED = Pattern.compile("updated_at:(>=|>)'?([0-9TZ:.\\-+]+)'?");

    private final InetSocketAddress address;
    private final Map<String, SimShop> shops = new ConcurrentHashMap<>();
    private final AtomicInteger graphQlCalls = new AtomicInteger();
    private final AtomicInteger throttledAnswers = new AtomicInteger();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private ShopifySimulator(InetSocketAddress address) {
        this.address = address;
    }

    public static ShopifySimulator onPort(int port) {
        return new ShopifySimulator(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /** {@code java -jar shopify-simulator.jar [port]}: a shop is then set up through {@code POST /simulator/shops}. */
    public static void main(String[] args) throws Exception {
        ShopifySimulator sim = onPort(args.length > 0 ? Integer.parseInt(args[0]) : 8090).start();
        System.out.println("Shopify stand-in at " + sim.baseUri());
        Thread.currentThread().join();
    }

    public ShopifySimulator start() throws IOException {
        startServer();
        return this;
    }

    @Override
    protected StandInHttpServer open() throws IOException {
        return StandInHttpServer.start(address, 128, 8, "shopify-simulator", Map.of("/", this::handle));
    }

    /** What to type as the shop's API URL in Cuadra for this simulated shop. */
    public String apiUrlOf(String domain) {
        return baseUri() + "/shops/" + domain;
    }

    /** Opens (or replaces) a shop: its Admin API token, webhook secret, and where its webhooks go. */
    public SimShop shop(String domain, String accessToken, String webhookSecret, URI webhookTarget) {
        SimShop shop = new SimShop(domain, accessToken, webhookSecret, webhookTarget, new CostBucket(2000, 100));
        shops.put(domain, shop);
        return shop;
    }

    public SimShop shop(String domain) {
        SimShop shop = shops.get(domain);
        if (shop == null) {
            throw new IllegalArgumentException("No shop " + domain);
        }
        return shop;
    }

    public int graphQlCalls() {
        return graphQlCalls.get();
    }

    public int throttledAnswers() {
        return throttledAnswers.get();
    }

    /** The next {@code n} GraphQL queries of this shop answer THROTTLED. */
    public void throttleNext(String domain, int n) {
        shop(domain).bucket.throttleNext(n);
    }

    /** Empties this shop's cost bucket: the next expensive query must wait for it to refill. */
    public void drainBucket(String domain) {
        shop(domain).bucket.drain();
    }

    /**
     * Fires an order webhook ({@code orders/create}, {@code orders/paid}, {@code orders/cancelled}) carrying the
     * order as it stands now; returns the HTTP statuses Cuadra answered (none for {@link Delivery#NONE}).
     */
    public List<Integer> fireOrder(SimShop shop, SimOrder order, String topic, Delivery delivery) {
        return fire(shop, topic, SimShop.restOrder(shop.domain, order).toString(), delivery);
    }

    /** Fires a customers/create or customers/update webhook. */
    public List<Integer> fireCustomer(SimShop shop, SimCustomer customer, String topic, Delivery delivery) {
        return fire(shop, topic, SimShop.restCustomer(customer).toString(), delivery);
    }

    /** Fires a refunds/create webhook. */
    public List<Integer> fireRefund(SimShop shop, SimRefund refund, Delivery delivery) {
        return fire(shop, "refunds/create", SimShop.restRefund(shop, refund).toString(), delivery);
    }

    private List<Integer> fire(SimShop shop, String topic, String body, Delivery delivery) {
        List<Integer> statuses = new ArrayList<>();
        String webhookId = UUID.randomUUID().toString();
        int times = delivery == Delivery.NONE ? 0 : delivery == Delivery.TWICE ? 2 : 1;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < times; i++) {
            statuses.add(send(shop, topic, webhookId, bytes, sign(shop.webhookSecret, bytes)));
        }
        return statuses;
    }

    /** Sends a webhook exactly as given (a test's forged signature, a missing header when null). */
    public int send(SimShop shop, String topic, String webhookId, byte[] body, String hmac) {
        HttpRequest.Builder request = HttpRequest.newBuilder(shop.webhookTarget).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Shop-Domain", shop.domain)
                .header("X-Shopify-API-Version", API_VERSION)
                .header("X-Shopify-Triggered-At", Instant.now().toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (webhookId != null) {
            request.header("X-Shopify-Webhook-Id", webhookId);
        }
        if (hmac != null) {
            request.header("X-Shopify-Hmac-Sha256", hmac);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1; // Cuadra down: Shopify would retry later; the pull catches it meanwhile
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Base64 of HMAC-SHA256 of the body under the secret, as in X-Shopify-Hmac-Sha256. */
    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                String path = exchange.getRequestURI().getPath();
                Matcher m = GRAPHQL.matcher(path);
                if (m.matches() && "POST".equals(exchange.getRequestMethod())) {
                    graphQl(exchange, shops.get(m.group(1)));
                } else if (path.startsWith(CONTROL_PATH)) {
                    handleControl(exchange, path.substring(CONTROL_PATH.length()));
                } else {
                    answer(exchange, 404, Json.createObjectBuilder().add("errors", "Not Found").build());
                }
            } catch (RuntimeException e) {
                // Answered inside the try-with-resources: the exchange is still open here.
                answer(exchange, 400, Json.createObjectBuilder().add("errors", String.valueOf(e.getMessage())).build());
            }
        }
    }

    private void graphQl(HttpExchange exchange, SimShop shop) throws IOException {
        graphQlCalls.incrementAndGet();
        String token = exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token");
        if (shop == null || token == null || !token.equals(shop.accessToken)) {
            answer(exchange, 401, Json.createObjectBuilder().add("errors",
                    "[API] Invalid API key or access token (unrecognized login or wrong password)").build());
            return;
        }
        JsonObject request = read(exchange);
        String query = request.getString("query", "");
        JsonObject vars = request.get("variables") instanceof JsonObject v ? v : JsonValue.EMPTY_JSON_OBJECT;
        int first = Math.min(250, Math.max(1, vars.getInt("first", 50)));
        String after = vars.get("after") instanceof jakarta.json.JsonString s ? s.getString() : null;
        boolean customers = query.contains("customers(");
        if (!customers && !query.contains("orders(")) {
            answer(exchange, 200, Json.createObjectBuilder().add("errors", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("message", "The stand-in answers orders and customers only"))).build());
            return;
        }
        // Shopify's cost: each connection node may cost its nested connections; an approximation of that rule.
        double requested = 2 + first * (customers ? 1 : 12);
        List<JsonObject> nodes = new ArrayList<>();
        String endCursor = null;
        boolean hasNext;
        if (customers) {
            List<SimCustomer> all = shop.customersById();
            long afterId = after == null ? Long.MIN_VALUE : Long.parseLong(decode(after));
            List<SimCustomer> rest = all.stream().filter(c -> c.id() > afterId).toList();
            for (SimCustomer c : rest.subList(0, Math.min(first, rest.size()))) {
                nodes.add(SimShop.graphQlCustomer(c));
                endCursor = encode(String.valueOf(c.id()));
            }
            hasNext = rest.size() > first;
        } else {
            Instant since = null;
            boolean strictly = false;
            Matcher u = UPDATED.matcher(vars.getString("query", ""));
            if (u.find()) {
                strictly = ">".equals(u.group(1));
                since = java.time.OffsetDateTime.parse(u.group(2)).toInstant();
            }
            List<SimOrder> all = shop.ordersSince(since, strictly);
            int start = 0;
            if (after != null) {
                String key = decode(after); // "instant:id"; the instant has colons of its own
                Instant at = Instant.parse(key.substring(0, key.lastIndexOf(':')));
                long id = Long.parseLong(key.substring(key.lastIndexOf(':') + 1));
                while (start < all.size() && (all.get(start).updatedAt.isBefore(at)
                        || (all.get(start).updatedAt.equals(at) && all.get(start).id <= id))) {
                    start++;
                }
            }
            List<SimOrder> page = all.subList(start, Math.min(all.size(), start + first));
            for (SimOrder o : page) {
                synchronized (o) {
                    nodes.add(SimShop.graphQlOrder(o));
                    endCursor = encode(o.updatedAt + ":" + o.id);
                }
            }
            hasNext = start + first < all.size();
        }
        double actual = 2 + nodes.size() * (customers ? 1 : 6);
        boolean allowed = shop.bucket.take(requested, actual);
        JsonObjectBuilder cost = Json.createObjectBuilder().add("requestedQueryCost", requested);
        if (allowed) {
            cost.add("actualQueryCost", actual);
        } else {
            cost.addNull("actualQueryCost");
        }
        cost.add("throttleStatus", Json.createObjectBuilder().add("maximumAvailable", shop.bucket.maximum)
                .add("currentlyAvailable", Math.floor(shop.bucket.available()))
                .add("restoreRate", shop.bucket.restoreRate));
        JsonObjectBuilder body = Json.createObjectBuilder();
        if (!allowed) {
            throttledAnswers.incrementAndGet();
            body.add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder().add("message", "Throttled")
                    .add("extensions", Json.createObjectBuilder().add("code", "THROTTLED")
                            .add("documentation", "https://shopify.dev/api/usage/rate-limits"))));
        } else {
            JsonArrayBuilder array = Json.createArrayBuilder();
            nodes.forEach(array::add);
            JsonObjectBuilder info = Json.createObjectBuilder().add("hasNextPage", hasNext);
            if (endCursor == null) {
                info.addNull("endCursor");
            } else {
                info.add("endCursor", endCursor);
            }
            body.add("data", Json.createObjectBuilder().add(customers ? "customers" : "orders",
                    Json.createObjectBuilder().add("pageInfo", info).add("nodes", array)));
        }
        body.add("extensions", Json.createObjectBuilder().add("cost", cost));
        answer(exchange, 200, body.build());
    }

    /**
     * Controls: {@code POST shops} {domain, accessToken, webhookSecret, webhookUrl};
     * {@code POST orders} {shop, customer: {email, phone, firstName, lastName}, lines: [{sku, title, quantity,
     * price}], paid, delivery: ONCE|TWICE|NONE|PAID_FIRST}; {@code POST orders/{id}/pay} and
     * {@code POST orders/{id}/cancel} {shop, delivery, reason}; {@code POST orders/{id}/refunds} {shop, delivery,
     * lines: [{sku, quantity}], restock} or {shop, amount} (money only) fires refunds/create;
     * {@code POST customers/{id}} {shop, delivery, email, phone, firstName, lastName} fires customers/update (the
     * customer as given: a field left out becomes empty, as in the shop); {@code POST throttle} {shop, count};
     * {@code GET stats}.
     */
    private void handleControl(HttpExchange exchange, String what) throws IOException {
        if ("GET".equals(exchange.getRequestMethod()) && what.equals("stats")) {
            answer(exchange, 200, Json.createObjectBuilder().add("graphQlCalls", graphQlCalls.get())
                    .add("throttledAnswers", throttledAnswers.get()).add("shops", shops.size()).build());
            return;
        }
        JsonObject in = read(exchange);
        if (what.equals("shops")) {
            SimShop shop = shop(in.getString("domain"), in.getString("accessToken"), in.getString("webhookSecret"),
                    URI.create(in.getString("webhookUrl")));
            answer(exchange, 200, Json.createObjectBuilder().add("domain", shop.domain)
                    .add("apiUrl", apiUrlOf(shop.domain)).build());
            return;
        }
        SimShop shop = shop(in.getString("shop"));
        String mode = in.getString("delivery", "ONCE");
        if (what.equals("throttle")) {
            throttleNext(shop.domain, in.getInt("count", 1));
            answer(exchange, 200, JsonValue.EMPTY_JSON_OBJECT);
            return;
        }
        if (what.equals("orders")) {
            JsonObject c = in.get("customer") instanceof JsonObject co ? co : null;
            SimCustomer customer = c == null ? null : shop.addCustomer(c.getString("email", null),
                    c.getString("phone", null), c.getString("firstName", null), c.getString("lastName", null));
            List<SimOrder.Line> lines = new ArrayList<>();
            for (JsonValue v : in.getJsonArray("lines")) {
                JsonObject l = v.asJsonObject();
                lines.add(new SimOrder.Line(l.getString("sku"), l.getString("title", l.getString("sku")),
                        l.getInt("quantity", 1), new BigDecimal(l.get("price").toString().replace("\"", ""))));
            }
            SimOrder order = shop.addOrder(customer, lines, in.getBoolean("paid", false));
            List<Integer> statuses = "PAID_FIRST".equals(mode) ? paidFirst(shop, order)
                    : fireOrder(shop, order, "orders/create", Delivery.valueOf(mode));
            answer(exchange, 200, orderAnswer(order, statuses));
            return;
        }
        Matcher r = REFUND_CONTROL.matcher(what);
        if (r.matches()) {
            Map<String, Integer> quantities = new java.util.LinkedHashMap<>();
            if (in.get("lines") instanceof jakarta.json.JsonArray lines) {
                for (JsonValue v : lines) {
                    quantities.put(v.asJsonObject().getString("sku"), v.asJsonObject().getInt("quantity", 1));
                }
            }
            BigDecimal money = in.containsKey("amount") && in.get("amount") != JsonValue.NULL
                    ? new BigDecimal(in.get("amount").toString().replace("\"", "")) : null;
            if (quantities.isEmpty() && money == null) {
                throw new IllegalArgumentException("Give lines [{sku, quantity}] to return, or an amount to give back");
            }
            SimRefund refund = shop.refund(Long.parseLong(r.group(1)), quantities, in.getBoolean("restock", true), money);
            List<Integer> statuses = fireRefund(shop, refund, Delivery.valueOf(mode));
            answer(exchange, 200, Json.createObjectBuilder().add("id", refund.id()).add("orderId", refund.orderId())
                    .add("amount", refund.amount().toPlainString()).add("webhookStatuses", statusArray(statuses)).build());
            return;
        }
        Matcher cu = CUSTOMER_CONTROL.matcher(what);
        if (cu.matches()) {
            SimCustomer customer = shop.updateCustomer(Long.parseLong(cu.group(1)), in.getString("email", null),
                    in.getString("phone", null), in.getString("firstName", null), in.getString("lastName", null));
            List<Integer> statuses = fireCustomer(shop, customer, "customers/update", Delivery.valueOf(mode));
            answer(exchange, 200, Json.createObjectBuilder().add("id", customer.id())
                    .add("updatedAt", customer.updatedAt().toString()).add("webhookStatuses", statusArray(statuses)).build());
            return;
        }
        Matcher m = Pattern.compile("^orders/([0-9]+)/(pay|cancel)$").matcher(what);
        if (m.matches()) {
            long id = Long.parseLong(m.group(1));
            SimOrder order = m.group(2).equals("pay") ? shop.pay(id) : shop.cancel(id, in.getString("reason", "customer"));
            List<Integer> statuses = fireOrder(shop, order, m.group(2).equals("pay") ? "orders/paid" : "orders/cancelled",
                    Delivery.valueOf(mode));
            answer(exchange, 200, orderAnswer(order, statuses));
            return;
        }
        answer(exchange, 404, Json.createObjectBuilder().add("errors", "No control " + what).build());
    }

    /** A paid order whose orders/paid webhook overtakes its orders/create: both carry the order as it stands. */
    public List<Integer> paidFirst(SimShop shop, SimOrder order) {
        List<Integer> statuses = new ArrayList<>(fireOrder(shop, order, "orders/paid", Delivery.ONCE));
        statuses.addAll(fireOrder(shop, order, "orders/create", Delivery.ONCE));
        return statuses;
    }

    private static JsonObject orderAnswer(SimOrder order, List<Integer> statuses) {
        JsonObjectBuilder answer = Json.createObjectBuilder().add("id", order.id).add("name", order.name)
                .add("total", order.total().toPlainString()).add("webhookStatuses", statusArray(statuses));
        if (order.customer != null) {
            answer.add("customerId", order.customer.id()); // what a customers/{id} control names
        }
        return answer.build();
    }

    private static JsonArrayBuilder statusArray(List<Integer> statuses) {
        JsonArrayBuilder s = Json.createArrayBuilder();
        statuses.forEach(s::add);
        return s;
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String s) {
        return new String(Base64.getUrlDecoder().decode(s), StandardCharsets.UTF_8);
    }

    private static JsonObject read(HttpExchange exchange) throws IOException {
        String text = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader r = Json.createReader(new StringReader(text))) {
            return r.readObject();
        }
    }

    private static void answer(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
