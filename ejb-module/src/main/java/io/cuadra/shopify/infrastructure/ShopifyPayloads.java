package io.cuadra.shopify.infrastructure;

import io.cuadra.shopify.domain.ShopifyCustomer;
import io.cuadra.shopify.domain.ShopifyOrder;
import io.cuadra.shopify.domain.ShopifyRefund;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Shopify's two shapes of an order and a customer: the REST payload of the webhooks (snake_case, amounts as
 * strings, numeric ids) and the Admin GraphQL nodes (camelCase, {@code gid://} ids, MoneyBag amounts). The
 * stored copy of an order waiting in review is written in the REST shape, with its transactions added.
 */
public final class ShopifyPayloads {

    private ShopifyPayloads() {
    }

    public static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    /** An order from a webhook body (orders/create, orders/paid, orders/cancelled) or a stored copy. */
    public static ShopifyOrder orderFromRest(JsonObject o) {
        List<ShopifyOrder.Line> lines = new ArrayList<>();
        for (JsonValue v : o.getJsonArray("line_items") == null ? List.<JsonValue>of() : o.getJsonArray("line_items")) {
            JsonObject l = v.asJsonObject();
            lines.add(new ShopifyOrder.Line(text(l, "sku"), text(l, "title"), decimal(l, "quantity"), decimal(l, "price")));
        }
        List<ShopifyOrder.Payment> payments = new ArrayList<>();
        if (o.get("transactions") instanceof jakarta.json.JsonArray txs) {
            for (JsonValue v : txs) {
                JsonObject t = v.asJsonObject();
                payments.add(new ShopifyOrder.Payment(text(t, "id"), text(t, "gateway"), decimal(t, "amount")));
            }
        }
        String status = text(o, "financial_status");
        JsonObject c = o.get("customer") instanceof JsonObject co ? co : null;
        ShopifyCustomer customer = c == null ? null : customerFromRest(c);
        String gateway = o.get("payment_gateway_names") instanceof jakarta.json.JsonArray names && !names.isEmpty()
                ? names.getString(0) : text(o, "gateway");
        return new ShopifyOrder(ShopifyOrder.idOf(text(o, "id")), text(o, "name"), instant(o, "updated_at"),
                text(o, "currency"), decimal(o, "total_price"), paidStatus(status), instant(o, "cancelled_at"),
                text(o, "cancel_reason"), customer, lines, payments, gateway);
    }

    public static ShopifyCustomer customerFromRest(JsonObject c) {
        return new ShopifyCustomer(ShopifyOrder.idOf(text(c, "id")), text(c, "email"), text(c, "phone"),
                text(c, "first_name"), text(c, "last_name"), instant(c, "updated_at"));
    }

    /**
     * A refunds/create body: the refunded lines (their SKU from the embedded line item), and the money of the
     * successful refund transactions.
     */
    public static ShopifyRefund refundFromRest(JsonObject r) {
        List<ShopifyRefund.Line> lines = new ArrayList<>();
        if (r.get("refund_line_items") instanceof jakarta.json.JsonArray items) {
            for (JsonValue v : items) {
                JsonObject l = v.asJsonObject();
                String sku = l.get("line_item") instanceof JsonObject item ? text(item, "sku") : text(l, "sku");
                lines.add(new ShopifyRefund.Line(sku, decimal(l, "quantity"), text(l, "restock_type")));
            }
        }
        BigDecimal amount = BigDecimal.ZERO.setScale(2);
        if (r.get("transactions") instanceof jakarta.json.JsonArray txs) {
            for (JsonValue v : txs) {
                JsonObject t = v.asJsonObject();
                if ("refund".equals(text(t, "kind")) && "success".equals(text(t, "status")) && decimal(t, "amount") != null) {
                    amount = amount.add(decimal(t, "amount")).setScale(2, java.math.RoundingMode.HALF_UP);
                }
            }
        }
        return new ShopifyRefund(ShopifyOrder.idOf(text(r, "id")), ShopifyOrder.idOf(text(r, "order_id")), lines, amount,
                text(r, "note"));
    }

    /** An order node of the Admin GraphQL API, as {@link ShopifyAdminClient#ORDERS_QUERY} asks for it. */
    public static ShopifyOrder orderFromGraphQl(JsonObject o) {
        List<ShopifyOrder.Line> lines = new ArrayList<>();
        for (JsonValue v : nodes(o, "lineItems")) {
            JsonObject l = v.asJsonObject();
            lines.add(new ShopifyOrder.Line(text(l, "sku"), text(l, "title"), decimal(l, "quantity"),
                    shopMoney(l, "originalUnitPriceSet")));
        }
        List<ShopifyOrder.Payment> payments = new ArrayList<>();
        String gateway = null;
        if (o.get("transactions") instanceof jakarta.json.JsonArray txs) {
            for (JsonValue v : txs) {
                JsonObject t = v.asJsonObject();
                String kind = text(t, "kind");
                if ("SUCCESS".equals(text(t, "status")) && ("SALE".equals(kind) || "CAPTURE".equals(kind))) {
                    gateway = text(t, "gateway");
                    payments.add(new ShopifyOrder.Payment(String.valueOf(ShopifyOrder.idOf(text(t, "id"))), gateway,
                            shopMoney(t, "amountSet")));
                }
            }
        }
        JsonObject c = o.get("customer") instanceof JsonObject co ? co : null;
        ShopifyCustomer customer = c == null ? null : customerFromGraphQl(c);
        String status = text(o, "displayFinancialStatus");
        String currency = o.get("totalPriceSet") instanceof JsonObject set
                ? text(set.getJsonObject("shopMoney"), "currencyCode") : null;
        return new ShopifyOrder(ShopifyOrder.idOf(text(o, "id")), text(o, "name"), instant(o, "updatedAt"), currency,
                shopMoney(o, "totalPriceSet"), paidStatus(status), instant(o, "cancelledAt"), text(o, "cancelReason"),
                customer, lines, payments, gateway);
    }

    public static ShopifyCustomer customerFromGraphQl(JsonObject c) {
        return new ShopifyCustomer(ShopifyOrder.idOf(text(c, "id")), text(c, "email"), text(c, "phone"),
                text(c, "firstName"), text(c, "lastName"), instant(c, "updatedAt"));
    }

    /** The stored copy: the REST shape, with the transactions a GraphQL page gave. */
    public static String toStored(ShopifyOrder order) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (ShopifyOrder.Line l : order.lines()) {
            lines.add(nullable(Json.createObjectBuilder(), "sku", l.sku()).add("title", l.title() == null ? "" : l.title())
                    .add("quantity", l.quantity()).add("price", l.unitPrice() == null ? "0" : l.unitPrice().toPlainString()));
        }
        JsonArrayBuilder txs = Json.createArrayBuilder();
        for (ShopifyOrder.Payment p : order.payments()) {
            txs.add(nullable(nullable(Json.createObjectBuilder(), "id", p.reference()), "gateway", p.gateway())
                    .add("amount", p.amount().toPlainString()));
        }
        JsonObjectBuilder b = Json.createObjectBuilder().add("id", order.id()).add("line_items", lines)
                .add("transactions", txs).add("total_price", order.total().toPlainString())
                .add("financial_status", order.paid() ? "paid" : "pending");
        nullable(b, "name", order.name());
        nullable(b, "currency", order.currency());
        nullable(b, "gateway", order.gateway());
        nullable(b, "cancel_reason", order.cancelReason());
        nullable(b, "updated_at", order.updatedAt() == null ? null : order.updatedAt().toString());
        nullable(b, "cancelled_at", order.cancelledAt() == null ? null : order.cancelledAt().toString());
        ShopifyCustomer c = order.customer();
        if (c != null) {
            JsonObjectBuilder cb = Json.createObjectBuilder().add("id", c.id());
            nullable(cb, "email", c.email());
            nullable(cb, "phone", c.phone());
            nullable(cb, "first_name", c.firstName());
            nullable(cb, "last_name", c.lastName());
            b.add("customer", cb);
        }
        return b.build().toString();
    }

    private static boolean paidStatus(String status) {
        if (status == null) {
            return false;
        }
        // Refunded orders were paid first; the refund arrives as a cancellation or a return.
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "paid", "partially_refunded", "refunded" -> true;
            default -> false;
        };
    }

    private static JsonObjectBuilder nullable(JsonObjectBuilder b, String name, String value) {
        return value == null ? b : b.add(name, value);
    }

    private static List<JsonValue> nodes(JsonObject o, String connection) {
        if (o.get(connection) instanceof JsonObject conn && conn.get("nodes") instanceof jakarta.json.JsonArray nodes) {
            return nodes;
        }
        return List.of();
    }

    private static BigDecimal shopMoney(JsonObject o, String set) {
        if (o.get(set) instanceof JsonObject bag && bag.get("shopMoney") instanceof JsonObject money) {
            return decimal(money, "amount");
        }
        return null;
    }

    static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        if (v instanceof JsonNumber n) {
            return n.bigDecimalValue().toPlainString();
        }
        return null;
    }

    private static BigDecimal decimal(JsonObject o, String name) {
        String t = text(o, name);
        return t == null || t.isBlank() ? null : new BigDecimal(t.strip());
    }

    private static Instant instant(JsonObject o, String name) {
        String t = text(o, name);
        return t == null || t.isBlank() ? null : OffsetDateTime.parse(t).toInstant();
    }
}
