package io.cuadra.web.platform;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AmountsTest {

    record Line(BigDecimal quantity, @Amount BigDecimal price) {
    }

    record Sale(String currency, @Amount BigDecimal total, BigDecimal taxPercent, List<Line> lines) {
    }

    record Wrapper(Sale sale, @Amount BigDecimal fee) {
    }

    record Plain(BigDecimal quantity) {
    }

    record Page<T>(List<T> items, long total) {
    }

    public static final class PaymentBody {
        public String methodCode;
        @Amount
        public BigDecimal amount;
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void amountsAreStringsWithExactlyTheCurrencysDigits() {
        assertThat(Amounts.text(new BigDecimal("47.7"), Currency.getInstance("PEN"))).isEqualTo("47.70");
        assertThat(Amounts.text(new BigDecimal("11900.00"), Currency.getInstance("CLP"))).isEqualTo("11900");
        assertThat(Amounts.text(new BigDecimal("1E+3"), Currency.getInstance("EUR"))).isEqualTo("1000.00");
        assertThat(Amounts.text(new BigDecimal("0.005"), Currency.getInstance("PEN"))).isEqualTo("0.01");
    }

    @Test
    void aResponseGetsItsAmountsAsStringsAndKeepsQuantitiesAsNumbers() {
        Sale sale = new Sale("CLP", new BigDecimal("11900.00"), new BigDecimal("19.00"),
                List.of(new Line(new BigDecimal("2.000"), new BigDecimal("5950.00"))));
        Wrapper w = new Wrapper(sale, new BigDecimal("3.5"));
        JsonValue written = json("{\"sale\":{\"currency\":\"CLP\",\"total\":11900.00,\"taxPercent\":19.00,"
                + "\"lines\":[{\"quantity\":2.000,\"price\":5950.00}]},\"fee\":3.5}");
        AtomicInteger asked = new AtomicInteger();
        JsonObject out = Amounts.write(written, w, () -> {
            asked.incrementAndGet();
            return Currency.getInstance("PEN");
        }).asJsonObject();
        JsonObject s = out.getJsonObject("sale");
        assertThat(s.getString("total")).isEqualTo("11900");
        assertThat(s.getJsonNumber("taxPercent").bigDecimalValue()).isEqualByComparingTo("19");
        assertThat(s.getJsonArray("lines").getJsonObject(0).getString("price")).isEqualTo("5950");
        assertThat(s.getJsonArray("lines").getJsonObject(0).get("quantity").getValueType())
                .isEqualTo(JsonValue.ValueType.NUMBER);
        // No currency of its own: the tenant's, asked for once.
        assertThat(out.getString("fee")).isEqualTo("3.50");
        assertThat(asked).hasValue(1);
    }

    @Test
    void listsAndClassesWithoutMoneyAreLeftAsTheyAre() {
        JsonValue list = json("[{\"currency\":\"PEN\",\"total\":1,\"lines\":[]}]");
        JsonValue out = Amounts.write(list, List.of(new Sale("PEN", BigDecimal.ONE, null, List.of())),
                () -> Currency.getInstance("PEN"));
        assertThat(out.asJsonArray().getJsonObject(0).getString("total")).isEqualTo("1.00");
        JsonValue plain = json("{\"quantity\":1.5}");
        assertThat(Amounts.write(plain, new Plain(new BigDecimal("1.5")), () -> {
            throw new AssertionError("no amount, no currency needed");
        })).isSameAs(plain);
        assertThat(Amounts.carries(Plain.class)).isFalse();
        assertThat(Amounts.carries(Wrapper.class)).isTrue();
    }

    @Test
    void aGenericPageIsWalkedByTheValuesItHolds() {
        JsonValue page = json("{\"items\":[{\"quantity\":1,\"price\":2.5}],\"total\":1}");
        JsonObject out = Amounts.write(page, new Page<>(List.of(new Line(BigDecimal.ONE, new BigDecimal("2.5"))), 1),
                () -> Currency.getInstance("PEN")).asJsonObject();
        assertThat(out.getJsonArray("items").getJsonObject(0).getString("price")).isEqualTo("2.50");
        assertThat(out.getJsonNumber("total").longValue()).isEqualTo(1);
    }

    @Test
    void aRequestsAmountStringsBecomeTheNumbersJsonbBinds() {
        JsonValue body = json("{\"methodCode\":\"EFECTIVO\",\"amount\":\"47.70\"}");
        assertThat(StrictJson.check(body, PaymentBody.class)).isEmpty();
        JsonObject bindable = Amounts.bindable(body, PaymentBody.class).asJsonObject();
        assertThat(bindable.getJsonNumber("amount").bigDecimalValue()).isEqualTo(new BigDecimal("47.70"));
        assertThat(bindable.getString("methodCode")).isEqualTo("EFECTIVO");
        JsonValue list = json("[{\"methodCode\":\"X\",\"amount\":\"1\"}]");
        assertThat(Amounts.bindable(list, new java.util.ArrayList<PaymentBody>() {
        }.getClass().getGenericSuperclass()).asJsonArray().getJsonObject(0).getJsonNumber("amount").intValue())
                .isEqualTo(1);
    }
}
