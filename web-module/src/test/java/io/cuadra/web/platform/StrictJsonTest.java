package io.cuadra.web.platform;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StrictJsonTest {

    enum Kind { CASH, CARD }

    public static final class Line {
        public String code;
        @Digits(integer = 9, fraction = 3)
        public BigDecimal quantity;
    }

    public static final class Body {
        public boolean active;
        public Boolean enabled;
        public int count;
        public Long locationId;
        @Size(max = 5)
        public String code;
        public String name;
        @Digits(integer = 10, fraction = 2)
        public BigDecimal amount;
        @Amount @Digits(integer = 10, fraction = 2)
        public BigDecimal price;
        public BigDecimal rate;
        public Kind kind;
        public LocalDate day;
        public List<Line> lines;
        public List<String> tags;
        public Map<String, Integer> counts;
    }

    public record Pair(String left, long right) {
    }

    private static List<Problem.FieldError> check(String json, java.lang.reflect.Type type) {
        return StrictJson.check(StrictJson.read(json.getBytes(StandardCharsets.UTF_8)), type);
    }

    private static List<Problem.FieldError> check(String json) {
        return check(json, Body.class);
    }

    @Test
    void aWellTypedBodyPasses() {
        assertThat(check("""
                {"active": true, "enabled": null, "count": 3, "locationId": 9007199254740993, "code": "AB",
                 "name": "Ana\\tMaría\\r\\n😀", "amount": 1234567890.12, "price": "47.70", "rate": 0.000001, "kind": "CARD",
                 "day": "2026-12-06", "lines": [{"code": "X", "quantity": 1.500}], "tags": [], "counts": {"a": 1}}
                """)).isEmpty();
        assertThat(check("{\"left\": \"a\", \"right\": -9223372036854775808}", Pair.class)).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "active|\"yes\"|must be true or false",
            "active|2|must be true or false",
            "enabled|0|must be true or false",
            "active|null|must not be null",
            "count|1e20|must be between",
            "count|2147483648|must be between",
            "count|1.5|must be a whole number",
            "count|\"12\"|must be a number",
            "locationId|1e400|must be between",
            "locationId|9223372036854775808|must be between",
            "locationId|1e999999999|must be between",
            "locationId|true|must be a number",
            "amount|1e400|at most 10 integer digits",
            "amount|9223372036854775808|at most 10 integer digits",
            "amount|0.001|2 decimals",
            "amount|\"5.00\"|must be a number",
            "price|47.70|decimal string such as",
            "price|\"4.77e1\"|decimal string such as",
            "price|\" 47.70\"|decimal string such as",
            "price|\"47.705\"|decimal string such as",
            "price|\"12345678901.00\"|at most 10 integer digits",
            "rate|1e-7|6 decimals",
            "name|[\"Ana\",\"Eva\"]|must be a string",
            "name|12|must be a string",
            "name|{}|must be a string",
            "name|\"a\\u0000b\"|U+0000",
            "name|\"a\\u001bb\"|U+001B",
            "name|\"a\\u0085b\"|U+0085",
            "name|\"\\ud800\"|lone UTF-16 surrogate",
            "code|\"ABCDEF\"|at most 5 characters",
            "kind|\"cash\"|must be one of CASH, CARD",
            "kind|1|must be one of",
            "day|20261206|must be a string",
            "lines|{}|must be an array",
            "lines|[null]|must not be null",
            "lines|[1]|must be an object",
            "tags|[\"a\", null]|must not be null",
            "counts|{\"a\": \"1\"}|must be a number",
            "unknown|1|is not a property"})
    void everyCoercionIsRefusedWithTheFieldNamed(String field, String value, String message) {
        List<Problem.FieldError> errors = check("{\"" + field + "\": " + value + "}");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).field()).startsWith(field);
        assertThat(errors.get(0).message()).contains(message);
    }

    @Test
    void nestedFieldsAreNamedByTheirPath() {
        assertThat(check("{\"lines\": [{\"code\": \"X\"}, {\"quantity\": \"1\"}]}"))
                .containsExactly(new Problem.FieldError("lines[1].quantity", "must be a number, not \"1\""));
    }

    @Test
    void nullAndArraysAtTheTopAreRefused() {
        assertThat(check("null")).extracting(Problem.FieldError::field).containsExactly("request");
        assertThat(check("[]")).extracting(Problem.FieldError::message).containsExactly("must be an object, not an array");
        assertThat(check("[{\"left\": \"a\", \"right\": 1}, null]", new java.util.ArrayList<Pair>() {
        }.getClass().getGenericSuperclass())).extracting(Problem.FieldError::field).containsExactly("[1]");
    }

    @Test
    void duplicateKeysAndTrailingValuesAreNotJson() {
        assertThatThrownBy(() -> check("{\"name\": \"Ana\", \"name\": \"Eva\"}"))
                .isInstanceOf(StrictJson.Unparseable.class).hasMessageContaining("name: given twice");
        assertThatThrownBy(() -> check("")).isInstanceOf(StrictJson.Unparseable.class);
        assertThatThrownBy(() -> check("{} {}")).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aHugeStringIsRefusedWithoutEchoingIt() {
        String huge = "x".repeat(StrictJson.MAX_TEXT + 1);
        List<Problem.FieldError> errors = check("{\"name\": \"" + huge + "\"}");
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.message()).hasSizeLessThan(100));
    }
}
