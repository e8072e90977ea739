package io.cuadra.web.l10n;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DecimalTextTest {

    private static final DecimalText PERU = new DecimalText(Locale.forLanguageTag("es-PE"));
    private static final DecimalText FRANCE = new DecimalText(Locale.forLanguageTag("fr-FR"));

    @Test
    void peruvianNumbersAreReadExactly() {
        assertThat(PERU.parse("1,234.50")).contains(new BigDecimal("1234.50"));
        assertThat(PERU.parse("22.00")).as("the cost once stored as 2,200").contains(new BigDecimal("22.00"));
        assertThat(PERU.parse(" 1234.5 ")).contains(new BigDecimal("1234.5"));
        assertThat(PERU.parse("1,234,567.125")).contains(new BigDecimal("1234567.125"));
        assertThat(PERU.parse("-3")).contains(new BigDecimal("-3"));
        assertThat(PERU.parse(".5")).contains(new BigDecimal("0.5"));
    }

    @Test
    void ambiguousOrForeignWritingIsRefusedNotGuessed() {
        assertThat(PERU.parse("22,00")).as("a decimal comma in Peru: ambiguous").isEmpty();
        assertThat(PERU.parse("1,5")).isEmpty();
        assertThat(PERU.parse("1.234,50")).isEmpty();
        assertThat(PERU.parse("12,34,567")).isEmpty();
        assertThat(PERU.parse("1.2.3")).isEmpty();
        assertThat(PERU.parse("abc")).isEmpty();
        assertThat(PERU.parse("1e3")).isEmpty();
        assertThat(PERU.parse("")).isEmpty();
        assertThat(PERU.parse(".")).isEmpty();
        assertThat(FRANCE.parse("22.50")).as("a point in France is neither separator").isEmpty();
    }

    @Test
    void frenchNumbersTakeAnySpaceAsGrouping() {
        assertThat(FRANCE.parse("1 234,50")).contains(new BigDecimal("1234.50"));
        assertThat(FRANCE.parse("1\u00A0234,50")).contains(new BigDecimal("1234.50"));
        assertThat(FRANCE.parse("1\u202F234,5")).contains(new BigDecimal("1234.5"));
        assertThat(FRANCE.parse("22,00")).contains(new BigDecimal("22.00"));
        assertThat(FRANCE.parse("12 34,5")).isEmpty();
    }

    @Test
    void shownTheSameWayTheyAreTyped() {
        assertThat(PERU.format(new BigDecimal("1234.5"), 2)).isEqualTo("1,234.50");
        assertThat(PERU.format(new BigDecimal("2.125000"), 2)).isEqualTo("2.125");
        assertThat(FRANCE.format(new BigDecimal("1234.5"), 2)).isEqualTo("1\u202F234,50");
        assertThat(PERU.parse(PERU.format(new BigDecimal("9876543.21"), 2))).contains(new BigDecimal("9876543.21"));
        assertThat(FRANCE.parse(FRANCE.example())).contains(new BigDecimal("1234.50"));
    }
}
