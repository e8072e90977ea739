package io.cuadra.shopify.infrastructure;

import io.cuadra.shopify.domain.CostBudget;
import io.cuadra.shopify.domain.ShopifySettings;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The Admin GraphQL API of one shop: paged queries (cursor-based, {@code pageInfo}), paced by the cost-based
 * rate limit that every answer reports, with a THROTTLED answer waited out and retried.
 */
public class ShopifyAdminClient {

    /** Orders with what Cuadra needs of them, newest change last, so the cursor only moves forward. */
    public static final String ORDERS_QUERY = """
            query Orders($first: Int!, $after: String, $query: String) {
              orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
                pageInfo { hasNextPage endCursor }
                nodes {
                  id name updatedAt cancelledAt cancelReason displayFinancialStatus
                  totalPriceSet { shopMoney { amount currencyCode } }
                  customer { id email phone firstName lastName }
                  lineItems(first: 100) { nodes { sku title quantity originalUnitPriceSet { shopMoney { amount } } } }
                  transactions(first: 20) { id kind status gateway amountSet { shopMoney { amount } } }
                }
              }
            }""";

    public static final String CUSTOMERS_QUERY = """
            query Customers($first: Int!, $after: String) {
              customers(first: $first, after: $after) {
                pageInfo { hasNextPage endCursor }
                nodes { id email phone firstName lastName updatedAt }
              }
            }""";

    static final int MAX_THROTTLED_RETRIES = 8;

    /** One page of a connection. */
    public record Page<T>(List<T> items, boolean hasNext, String endCursor) {
    }

    /** Waits (a test may count them instead of sleeping). */
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    private final HttpClient http;
    private final ShopifySettings shop;
    private final Pause pause;
    private CostBudget lastBudget;
    private double lastCost = 50;
    private int throttledWaits;

    public ShopifyAdminClient(HttpClient http, ShopifySettings shop, Pause pause) {
        this.http = http;
        this.shop = shop;
        this.pause = pause;
    }

    public int throttledWaits() {
        return throttledWaits;
    }

    public <T> Page<T> page(String query, String connection, int first, String after, String filter,
                            Function<JsonObject, T> mapper) {
        JsonObjectBuilder vars = Json.createObjectBuilder().add("first", first);
        vars.add("after", after == null ? JsonValue.NULL : Json.createValue(after));
        if (filter != null) {
            vars.add("query", filter);
        }
        JsonObject data = execute(query, vars.build());
        JsonObject conn = data.getJsonObject(connection);
        List<T> items = new ArrayList<>();
        for (JsonValue node : conn.getJsonArray("nodes")) {
            items.add(mapper.apply(node.asJsonObject()));
        }
        JsonObject info = conn.getJsonObject("pageInfo");
        return new Page<>(items, info.getBoolean("hasNextPage"),
                info.isNull("endCursor") ? null : info.getString("endCursor"));
    }

    /** Runs one query and returns its {@code data}, waiting out the rate limit as the answers ask. */
    JsonObject execute(String query, JsonObject variables) {
        String body = Json.createObjectBuilder().add("query", query).add("variables", variables).build().toString();
        for (int attempt = 1; ; attempt++) {
            if (lastBudget != null) {
                Duration wait = lastBudget.waitBefore(lastCost);
                if (!wait.isZero()) {
                    throttledWaits++;
                    sleep(wait);
                }
            }
            JsonObject answer = post(body);
            JsonObject cost = answer.containsKey("extensions") && answer.getJsonObject("extensions").get("cost")
                    instanceof JsonObject c ? c : null;
            if (cost != null) {
                lastBudget = budgetOf(cost);
                lastCost = cost.getJsonNumber("requestedQueryCost").doubleValue();
            }
            if (throttled(answer)) {
                if (attempt > MAX_THROTTLED_RETRIES) {
                    throw new ShopifyUnavailable("Shopify kept answering THROTTLED after " + attempt + " attempts.");
                }
                throttledWaits++;
                sleep(CostBudget.afterThrottled(lastBudget, lastCost, attempt));
                lastBudget = null; // the wait just done already accounts for it
                continue;
            }
            if (answer.get("errors") instanceof JsonArray errors && !errors.isEmpty()) {
                throw new ShopifyUnavailable("Shopify refused the query: " + errors);
            }
            return answer.getJsonObject("data");
        }
    }

    static CostBudget budgetOf(JsonObject cost) {
        JsonObject t = cost.getJsonObject("throttleStatus");
        return t == null ? null : new CostBudget(t.getJsonNumber("maximumAvailable").doubleValue(),
                t.getJsonNumber("currentlyAvailable").doubleValue(), t.getJsonNumber("restoreRate").doubleValue());
    }

    static boolean throttled(JsonObject answer) {
        if (answer.get("errors") instanceof JsonArray errors) {
            for (JsonValue e : errors) {
                if (e instanceof JsonObject o && o.get("extensions") instanceof JsonObject ext
                        && "THROTTLED".equals(ShopifyPayloads.text(ext, "code"))) {
                    return true;
                }
            }
        }
        return false;
    }

    private JsonObject post(String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(shop.graphQlEndpoint()))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-Shopify-Access-Token", shop.apiToken())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ShopifyUnavailable("Shopify did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyUnavailable("Interrupted while waiting for Shopify");
        }
        if (response.statusCode() == 429 || response.statusCode() >= 500) {
            // Throttled at the HTTP level or down: the same answer as THROTTLED, retried after a wait.
            return Json.createObjectBuilder().add("errors", Json.createArrayBuilder().add(Json.createObjectBuilder()
                    .add("message", "HTTP " + response.statusCode())
                    .add("extensions", Json.createObjectBuilder().add("code", "THROTTLED")))).build();
        }
        if (response.statusCode() != 200) {
            throw new ShopifyUnavailable("Shopify answered HTTP " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        try {
            return ShopifyPayloads.parse(response.body());
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("Shopify's answer is not JSON: " + abbreviate(response.body())));
        }
    }

    private void sleep(Duration d) {
        try {
            pause.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyUnavailable("Interrupted while waiting for Shopify's rate limit");
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
