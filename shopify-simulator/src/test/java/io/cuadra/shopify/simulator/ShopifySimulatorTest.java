package io.cuadra.shopify.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ShopifySimulatorTest {

    private ShopifySimulator sim;
    private HttpServer receiver;
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private final List<byte[]> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        sim = ShopifySimulator.onPort(0).start();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        receiver.createContext("/", ex -> {
            ex.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), v.get(0)));
            bodies.add(ex.getRequestBody().readAllBytes());
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        sim.stop();
        receiver.stop(0);
    }

    private SimShop shop() {
        return sim.shop("t.myshopify.com", "tok", "sec",
                URI.create("http://localhost:" + receiver.getAddress().getPort() + "/hook"));
    }

    @Test
    void webhooksCarryTheShopifyHeadersAndARealHmacAndTwiceMeansTheSameId() {
        SimShop shop = shop();
        SimOrder o = shop.addOrder(shop.addCustomer("a@b.pe", null, "A", "B"),
                List.of(new SimOrder.Line("X-1", "X", 2, new BigDecimal("1.25"))), true);
        assertThat(sim.fireOrder(shop, o, "orders/create", ShopifySimulator.Delivery.TWICE)).containsExactly(200, 200);
        assertThat(bodies).hasSize(2);
        assertThat(lastHeaders.get("x-shopify-hmac-sha256")).isEqualTo(ShopifySimulator.sign("sec", bodies.get(0)));
        assertThat(lastHeaders).containsEntry("x-shopify-topic", "orders/create")
                .containsEntry("x-shopify-shop-domain", "t.myshopify.com");
        JsonObject body = Json.createReader(new StringReader(new String(bodies.get(0)))).readObject();
        assertThat(body.getString("total_price")).isEqualTo("2.50");
        assertThat(body.getString("financial_status")).isEqualTo("paid");
        assertThat(sim.fireOrder(shop, o, "orders/create", ShopifySimulator.Delivery.NONE)).isEmpty();
        assertThat(bodies).hasSize(2);
    }

    @Test
    void graphQlPagesOrdersByCursorFiltersByUpdatedAtChecksTheTokenAndThrottles() throws Exception {
        SimShop shop = shop();
        for (int i = 0; i < 5; i++) {
            shop.addOrder(null, List.of(new SimOrder.Line("S" + i, "S", 1, BigDecimal.TEN)), false);
        }
        JsonObject page1 = query("tok", "{orders(first:$first)}", "{\"first\":3}");
        JsonObject orders = page1.getJsonObject("data").getJsonObject("orders");
        assertThat(orders.getJsonArray("nodes")).hasSize(3);
        assertThat(orders.getJsonObject("pageInfo").getBoolean("hasNextPage")).isTrue();
        assertThat(page1.getJsonObject("extensions").getJsonObject("cost").getJsonObject("throttleStatus")
                .getJsonNumber("maximumAvailable").intValue()).isEqualTo(2000);
        String cursor = orders.getJsonObject("pageInfo").getString("endCursor");
        JsonObject page2 = query("tok", "{orders(first:$first)}", "{\"first\":3,\"after\":\"" + cursor + "\"}")
                .getJsonObject("data").getJsonObject("orders");
        assertThat(page2.getJsonArray("nodes")).hasSize(2);
        assertThat(page2.getJsonObject("pageInfo").getBoolean("hasNextPage")).isFalse();

        String last = page2.getJsonArray("nodes").getJsonObject(1).getString("updatedAt");
        JsonObject since = query("tok", "{orders(first:$first)}", "{\"first\":10,\"query\":\"updated_at:>='" + last + "'\"}");
        assertThat(since.getJsonObject("data").getJsonObject("orders").getJsonArray("nodes")).hasSize(1);

        sim.throttleNext("t.myshopify.com", 1);
        JsonObject throttled = query("tok", "{orders(first:$first)}", "{\"first\":3}");
        assertThat(throttled.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions").getString("code"))
                .isEqualTo("THROTTLED");
        assertThat(sim.throttledAnswers()).isEqualTo(1);
        sim.drainBucket("t.myshopify.com");
        // 1,202 points asked of an empty bucket refilled at 100/s: refused for the next 12 s
        assertThat(query("tok", "{orders(first:$first)}", "{\"first\":100}").containsKey("errors")).isTrue();

        HttpResponse<String> bad = post("wrong", "{orders(first:$first)}", "{\"first\":3}");
        assertThat(bad.statusCode()).isEqualTo(401);
    }

    private JsonObject query(String token, String query, String variables) throws Exception {
        HttpResponse<String> r = post(token, query, variables);
        assertThat(r.statusCode()).isEqualTo(200);
        return Json.createReader(new StringReader(r.body())).readObject();
    }

    private HttpResponse<String> post(String token, String query, String variables) throws Exception {
        String body = "{\"query\":\"" + query + "\",\"variables\":" + variables + "}";
        return http.send(HttpRequest.newBuilder(URI.create(sim.apiUrlOf("t.myshopify.com")
                        + "/admin/api/2025-10/graphql.json")).header("X-Shopify-Access-Token", token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refundsAndCustomerUpdatesGoOutAsShopifyWritesThem() {
        SimShop shop = shop();
        SimCustomer c = shop.addCustomer("a@b.pe", null, "A", "B");
        SimOrder o = shop.addOrder(c, List.of(new SimOrder.Line("X-1", "X", 3, new BigDecimal("1.25")),
                new SimOrder.Line("Y-2", "Y", 1, new BigDecimal("10.00"))), true);
        SimRefund refund = shop.refund(o.id(), Map.of("X-1", 2), false, null);
        assertThat(refund.amount()).isEqualTo(new BigDecimal("2.50"));
        assertThat(sim.fireRefund(shop, refund, ShopifySimulator.Delivery.ONCE)).containsExactly(200);
        assertThat(lastHeaders.get("x-shopify-topic")).isEqualTo("refunds/create");
        JsonObject body = Json.createReader(new StringReader(new String(bodies.get(bodies.size() - 1),
                java.nio.charset.StandardCharsets.UTF_8))).readObject();
        assertThat(body.getJsonNumber("order_id").longValue()).isEqualTo(o.id());
        JsonObject line = body.getJsonArray("refund_line_items").getJsonObject(0);
        assertThat(line.getInt("quantity")).isEqualTo(2);
        assertThat(line.getString("restock_type")).isEqualTo("no_restock");
        assertThat(line.getJsonObject("line_item").getString("sku")).isEqualTo("X-1");
        assertThat(body.getJsonArray("transactions").getJsonObject(0).getString("amount")).isEqualTo("2.50");
        assertThat(shop.refund(o.id(), Map.of(), true, new BigDecimal("4.00")).lines()).isEmpty();

        SimCustomer changed = shop.updateCustomer(c.id(), "new@b.pe", "+51987654321", "Ana", "B");
        assertThat(changed.updatedAt()).isAfter(c.updatedAt());
        assertThat(sim.fireCustomer(shop, changed, "customers/update", ShopifySimulator.Delivery.ONCE)).containsExactly(200);
        JsonObject customer = Json.createReader(new StringReader(new String(bodies.get(bodies.size() - 1),
                java.nio.charset.StandardCharsets.UTF_8))).readObject();
        assertThat(customer.getString("email")).isEqualTo("new@b.pe");
        assertThat(customer.getString("updated_at")).isEqualTo(changed.updatedAt().toString());
    }

    @Test
    void theControlApiFiresRefundsAndCustomerUpdatesOverHttp() throws Exception {
        shop();
        JsonObject order = control("orders", "{\"shop\":\"t.myshopify.com\",\"paid\":true,"
                + "\"customer\":{\"email\":\"a@b.pe\",\"firstName\":\"A\"},"
                + "\"lines\":[{\"sku\":\"X-1\",\"quantity\":3,\"price\":\"1.25\"}]}", 200);
        long orderId = order.getJsonNumber("id").longValue();
        JsonObject refund = control("orders/" + orderId + "/refunds", "{\"shop\":\"t.myshopify.com\","
                + "\"lines\":[{\"sku\":\"X-1\",\"quantity\":2}],\"restock\":false,\"delivery\":\"TWICE\"}", 200);
        assertThat(refund.getString("amount")).isEqualTo("2.50");
        assertThat(refund.getJsonArray("webhookStatuses")).hasSize(2);
        assertThat(lastHeaders.get("x-shopify-topic")).isEqualTo("refunds/create");
        JsonObject money = control("orders/" + orderId + "/refunds", "{\"shop\":\"t.myshopify.com\",\"amount\":\"1.00\"}", 200);
        assertThat(money.getString("amount")).isEqualTo("1.00");
        JsonObject body = Json.createReader(new StringReader(new String(bodies.get(bodies.size() - 1),
                java.nio.charset.StandardCharsets.UTF_8))).readObject();
        assertThat(body.getJsonArray("refund_line_items")).isEmpty();
        control("orders/" + orderId + "/refunds", "{\"shop\":\"t.myshopify.com\"}", 400);

        long customerId = order.getJsonNumber("customerId").longValue();
        control("customers/" + customerId, "{\"shop\":\"t.myshopify.com\",\"email\":\"new@b.pe\",\"firstName\":\"Ana\"}", 200);
        assertThat(lastHeaders.get("x-shopify-topic")).isEqualTo("customers/update");
        JsonObject customer = Json.createReader(new StringReader(new String(bodies.get(bodies.size() - 1),
                java.nio.charset.StandardCharsets.UTF_8))).readObject();
        assertThat(customer.getString("email")).isEqualTo("new@b.pe");
        control("customers/999999999", "{\"shop\":\"t.myshopify.com\"}", 400);
    }

    private JsonObject control(String what, String json, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(sim.baseUri().resolve("/simulator/" + what))
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return Json.createReader(new StringReader(r.body())).readObject();
    }
}
