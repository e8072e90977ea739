package io.cuadra.it.support;

import jakarta.json.JsonObject;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The body of a counter sale as the load tests send it to {@code POST /api/orders}. */
public final class CounterOrders {

    private CounterOrders() {
    }

    /**
     * The items (catalog JSON with id and price) at quantity 1 or 2 by {@code n}, paid by Yape (10.00, reference
     * {@code prefix-n}) and cash: prices include tax in the demo tenant, so the total is the sum of the lines;
     * the customer hands over the whole total in cash and gets 10.00 back.
     */
    public static String paidSale(int n, long locationId, List<JsonObject> items, String prefix) {
        BigDecimal total = BigDecimal.ZERO;
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            JsonObject item = items.get(i);
            int quantity = 1 + (n + i) % 2;
            total = total.add(JsonMoney.of(item, "price").multiply(BigDecimal.valueOf(quantity)));
            lines.append(i == 0 ? "" : ",").append("{\"itemId\":").append(item.getJsonNumber("id").longValue())
                    .append(",\"quantity\":").append(quantity).append('}');
        }
        BigDecimal cash = total.setScale(0, RoundingMode.UP).setScale(2, RoundingMode.HALF_UP);
        return "{\"locationId\":" + locationId + ",\"channel\":\"COUNTER\",\"lines\":[" + lines + "],\"payments\":["
                + "{\"methodCode\":\"YAPE\",\"amount\":\"10.00\",\"reference\":\"" + prefix + "-" + n + "\"},"
                + "{\"methodCode\":\"EFECTIVO\",\"amount\":\"" + cash + "\"}]}";
    }
}
