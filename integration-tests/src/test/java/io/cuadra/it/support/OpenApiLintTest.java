package io.cuadra.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint's money rule on a small document: a property whose name says money may not be a JSON number. */
class OpenApiLintTest {

    @Test
    void aNumberNamedLikeMoneyIsAFindingUnlessItIsAPercentQuantityOrUnitCost() {
        JsonObject document = Json.createReader(new StringReader("""
                {"openapi": "3.0.3", "paths": {}, "components": {"schemas": {"Day": {"type": "object", "properties": {
                  "net": {"type": "number"}, "lastWeekNet": {"type": "number"}, "threshold": {"type": "number"},
                  "grandTotal": {"$ref": "#/components/schemas/Money"}, "taxPercent": {"type": "number"},
                  "quantity": {"type": "number"}, "unitCost": {"type": "number"}, "total": {"type": "integer",
                  "format": "int64"}, "exchangeRate": {"type": "number"}, "amountScore": {"type": "number"}}}}}}
                """)).readObject();
        List<String> money = OpenApiLint.check(document).stream().filter(f -> f.contains("money")).toList();
        assertThat(money).containsExactlyInAnyOrder(
                "schema Day.net: money is the Money schema (a decimal string), not number",
                "schema Day.lastWeekNet: money is the Money schema (a decimal string), not number",
                "schema Day.threshold: money is the Money schema (a decimal string), not number");
    }

    @Test
    void moneyWordsAreReadFromCamelCaseParts() {
        assertThat(OpenApiLint.isMoneyName("cardFee")).isTrue();
        assertThat(OpenApiLint.isMoneyName("expectedCashDifference")).isTrue();
        assertThat(OpenApiLint.isMoneyName("cardFeePercent")).isFalse();
        assertThat(OpenApiLint.isMoneyName("network")).isFalse();
        assertThat(OpenApiLint.isMoneyName("onHand")).isFalse();
    }
}
