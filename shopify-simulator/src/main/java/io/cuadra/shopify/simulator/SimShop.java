package io.cuadra.shopify.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** One simulated shop: its credentials, where its webhooks go, its orders and customers, its rate-limit bucket. */
public final class SimShop {

    private static final AtomicLong IDS = new AtomicLong(5_000_000_000L);

    final String domain;
    final String accessToken;
    final String webhookSecret;
    volatile URI webhookTarget;
    final Map<Long, SimOrder> orders = new ConcurrentHashMap<>();
    final Map<Long, SimCustomer> customers = new ConcurrentHashMap<>();
    final CostBucket bucket;
    /** One sequence for every shop of the stand-in: order names never repeat across shops (tests find orders by name). */
    private static final AtomicLong ORDER_NUMBERS = new AtomicLong(1000);
    private Instant lastChange = Instant.EPOCH;

    SimShop(String domain, String accessToken, String webhookSecret, URI webhookTarget, CostBucket bucket) {
        this.domain = domain;
        this.accessToken = accessToken;
        this.webhookSecret = webhookSecret;
        this.webhookTarget = webhookTarget;
        this.bucket = bucket;
    }

    public String domain() {
        return domain;
    }

    /** A distinct, increasing instant per change (millisecond precision), like Shopify's updated_at. */
    synchronized Instant tick() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        lastChange = now.isAfter(lastChange) ? now : lastChange.plusMillis(1);
        return lastChange;
    }

    public SimCustomer addCustomer(String email, String phone, String firstName, String lastName) {
        SimCustomer c = new SimCustomer(IDS.incrementAndGet(), email, phone, firstName, lastName, tick());
        customers.put(c.id(), c);
        return c;
    }

    /** The customer changed in the shop (customers/update carries this). */
    public SimCustomer updateCustomer(long id, String email, String phone, String firstName, String lastName) {
        if (!customers.containsKey(id)) {
            throw new IllegalArgumentException("No customer " + id + " in " + domain);
        }
        SimCustomer c = new SimCustomer(id, email, phone, firstName, lastName, tick());
        customers.put(id, c);
        return c;
    }

    /**
     * Refunds some lines of a paid order ({@code quantities}: SKU → how many), restocked or not; the money given back
     * is those lines at their price. With no quantities it is a refund of {@code moneyOnly} alone.
     */
    public SimRefund refund(long orderId, Map<String, Integer> quantities, boolean restock, BigDecimal moneyOnly) {
        SimOrder o = order(orderId);
        List<SimRefund.Line> lines = new ArrayList<>();
        BigDecimal amount = BigDecimal.ZERO;
        synchronized (o) {
            if (!o.paid) {
                throw new IllegalStateException("Order " + orderId + " is not paid: nothing to refund");
            }
            for (Map.Entry<String, Integer> q : quantities.entrySet()) {
                SimOrder.Line line = o.lines.stream().filter(l -> l.sku().equals(q.getKey())).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("Order " + orderId + " has no SKU " + q.getKey()));
                lines.add(new SimRefund.Line(q.getKey(), q.getValue(), restock));
                amount = amount.add(line.price().multiply(BigDecimal.valueOf(q.getValue())));
            }
            if (lines.isEmpty()) {
                amount = moneyOnly;
            }
            o.updatedAt = tick();
        }
        return new SimRefund(IDS.incrementAndGet(), orderId, lines, amount.setScale(2, java.math.RoundingMode.HALF_UP),
                o.updatedAt);
    }

    public SimOrder addOrder(SimCustomer customer, List<SimOrder.Line> lines, boolean paid) {
        SimOrder o = new SimOrder(IDS.incrementAndGet(), "#" + ORDER_NUMBERS.incrementAndGet(), customer, lines, tick());
        if (paid) {
            o.paid = true;
            o.transactionId = IDS.incrementAndGet();
        }
        orders.put(o.id, o);
        return o;
    }

    public SimOrder pay(long orderId) {
        SimOrder o = order(orderId);
        synchronized (o) {
            o.paid = true;
            o.transactionId = IDS.incrementAndGet();
            o.updatedAt = tick();
        }
        return o;
    }

    public SimOrder cancel(long orderId, String reason) {
        SimOrder o = order(orderId);
        synchronized (o) {
            o.cancelledAt = tick();
            o.cancelReason = reason;
            o.updatedAt = o.cancelledAt;
        }
        return o;
    }

    public SimOrder order(long id) {
        SimOrder o = orders.get(id);
        if (o == null) {
            throw new IllegalArgumentException("No order " + id + " in " + domain);
        }
        return o;
    }

    /** Orders changed at or after {@code since} (all when null), oldest change first, as sortKey UPDATED_AT. */
    List<SimOrder> ordersSince(Instant since, boolean strictlyAfter) {
        List<SimOrder> list = new ArrayList<>();
        for (SimOrder o : orders.values()) {
            if (since == null || (strictlyAfter ? o.updatedAt.isAfter(since) : !o.updatedAt.isBefore(since))) {
                list.add(o);
            }
        }
        list.sort(Comparator.comparing((SimOrder o) -> o.updatedAt).thenComparing(o -> o.id));
        return list;
    }

    List<SimCustomer> customersById() {
        List<SimCustomer> list = new ArrayList<>(customers.values());
        list.sort(Comparator.comparingLong(SimCustomer::id));
        return list;
    }

    // --- the two shapes Shopify describes an order in

    /** The REST payload of the orders/* webhooks (snake_case, amounts as strings). */
    static JsonObject restOrder(String domain, SimOrder o) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (SimOrder.Line l : o.lines) {
            lines.add(Json.createObjectBuilder().add("sku", l.sku()).add("title", l.title())
                    .add("quantity", l.quantity()).add("price", l.price().toPlainString()));
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", o.id)
                .add("admin_graphql_api_id", "gid://shopify/Order/" + o.id).add("name", o.name)
                .add("created_at", o.createdAt.toString()).add("updated_at", o.updatedAt.toString())
                .add("currency", "PEN").add("total_price", o.total().toPlainString())
                .add("financial_status", o.paid ? "paid" : "pending")
                .add("payment_gateway_names", Json.createArrayBuilder().add("bogus"))
                .add("line_items", lines);
        if (o.cancelledAt != null) {
            b.add("cancelled_at", o.cancelledAt.toString()).add("cancel_reason", o.cancelReason);
        } else {
            b.addNull("cancelled_at");
        }
        if (o.customer != null) {
            b.add("email", nullToEmpty(o.customer.email()));
            b.add("customer", restCustomer(o.customer));
        }
        return b.build();
    }

    /** The REST payload of the refunds/create webhook. */
    static JsonObject restRefund(SimShop shop, SimRefund r) {
        SimOrder o = shop.order(r.orderId());
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (SimRefund.Line l : r.lines()) {
            SimOrder.Line line = o.lines.stream().filter(x -> x.sku().equals(l.sku())).findFirst().orElseThrow();
            BigDecimal subtotal = line.price().multiply(BigDecimal.valueOf(l.quantity()));
            items.add(Json.createObjectBuilder().add("id", IDS.incrementAndGet()).add("quantity", l.quantity())
                    .add("restock_type", l.restock() ? "return" : "no_restock")
                    .add("subtotal", subtotal.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString())
                    .add("line_item", Json.createObjectBuilder().add("sku", line.sku()).add("title", line.title())
                            .add("quantity", line.quantity()).add("price", line.price().toPlainString())));
        }
        return Json.createObjectBuilder().add("id", r.id()).add("order_id", r.orderId())
                .add("created_at", r.createdAt().toString()).add("note", "Refund from the simulated shop")
                .add("restock", r.lines().stream().anyMatch(SimRefund.Line::restock))
                .add("refund_line_items", items)
                .add("transactions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("id", IDS.incrementAndGet()).add("kind", "refund").add("status", "success")
                        .add("gateway", "bogus").add("amount", r.amount().toPlainString())))
                .build();
    }

    static JsonObject restCustomer(SimCustomer c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", c.id());
        if (c.updatedAt() != null) {
            b.add("updated_at", c.updatedAt().toString());
        }
        add(b, "email", c.email());
        add(b, "phone", c.phone());
        add(b, "first_name", c.firstName());
        add(b, "last_name", c.lastName());
        return b.build();
    }

    /** A GraphQL Order node with the fields the adapter asks for. */
    static JsonObject graphQlOrder(SimOrder o) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (SimOrder.Line l : o.lines) {
            lines.add(Json.createObjectBuilder().add("sku", l.sku()).add("title", l.title()).add("quantity", l.quantity())
                    .add("originalUnitPriceSet", money(l.price().toPlainString())));
        }
        JsonArrayBuilder txs = Json.createArrayBuilder();
        if (o.paid) {
            txs.add(Json.createObjectBuilder().add("id", "gid://shopify/OrderTransaction/" + o.transactionId)
                    .add("kind", "SALE").add("status", "SUCCESS").add("gateway", "bogus")
                    .add("amountSet", money(o.total().toPlainString())));
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", "gid://shopify/Order/" + o.id).add("name", o.name)
                .add("updatedAt", o.updatedAt.toString())
                .add("displayFinancialStatus", o.paid ? "PAID" : "PENDING")
                .add("totalPriceSet", money(o.total().toPlainString()))
                .add("lineItems", Json.createObjectBuilder().add("nodes", lines))
                .add("transactions", txs);
        if (o.cancelledAt != null) {
            b.add("cancelledAt", o.cancelledAt.toString()).add("cancelReason", o.cancelReason.toUpperCase());
        } else {
            b.addNull("cancelledAt").addNull("cancelReason");
        }
        if (o.customer != null) {
            b.add("customer", graphQlCustomer(o.customer));
        } else {
            b.addNull("customer");
        }
        return b.build();
    }

    static JsonObject graphQlCustomer(SimCustomer c) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", "gid://shopify/Customer/" + c.id());
        if (c.updatedAt() != null) {
            b.add("updatedAt", c.updatedAt().toString());
        }
        add(b, "email", c.email());
        add(b, "phone", c.phone());
        add(b, "firstName", c.firstName());
        add(b, "lastName", c.lastName());
        return b.build();
    }

    private static JsonObject money(String amount) {
        return Json.createObjectBuilder().add("shopMoney", Json.createObjectBuilder().add("amount", amount)
                .add("currencyCode", "PEN")).build();
    }

    private static void add(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
