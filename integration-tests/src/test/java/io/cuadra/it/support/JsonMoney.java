package io.cuadra.it.support;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.math.BigDecimal;

/**
 * Reads an amount from a REST answer. Tests read money through here so that they say what they mean
 * (an amount) rather than how the API happens to write it: the contract may carry amounts as JSON
 * numbers or as decimal strings, and a test must not care which.
 */
public final class JsonMoney {

    private JsonMoney() {
    }

    /** The amount in {@code field} of {@code object}; a missing or null field is a test failure. */
    public static BigDecimal of(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            throw new AssertionError("no amount '" + field + "' in " + object);
        }
        return of(value);
    }

    public static BigDecimal of(JsonValue value) {
        return switch (value.getValueType()) {
            case NUMBER -> ((JsonNumber) value).bigDecimalValue();
            case STRING -> new BigDecimal(((JsonString) value).getString());
            default -> throw new AssertionError("not an amount: " + value);
        };
    }
}
