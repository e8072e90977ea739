package io.cuadra.web.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code BigDecimal} property of an API record or request body as money. The API writes it as a
 * decimal string with exactly the currency's digits ({@code "47.70"} in PEN, {@code "11900"} in CLP), reads
 * it only as such a string (a JSON number is refused, never coerced), and the OpenAPI document gives it the
 * one {@code Money} schema. Quantities, percents and per-unit costs are not money: they stay JSON numbers.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.RECORD_COMPONENT})
public @interface Amount {
}
