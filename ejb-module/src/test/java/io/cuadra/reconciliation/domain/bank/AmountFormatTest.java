package io.cuadra.reconciliation.domain.bank;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountFormatTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1.234,56;1234.56",
            "1234,56;1234.56",
            "-1.234,56;-1234.56",
            "(1.234,56);-1234.56",
            "1.234,56-;-1234.56",
            "S/ 1.234,5;1234.5",
            "12.345.678;12345678",
            "0,07;0.07"})
    void readsPeruvianDecimalComma(String text, String expected) {
        assertThat(AmountFormat.decimalComma().parse(text)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "1,234.56;1234.56",
            "1234.56;1234.56",
            "+1,234.56;1234.56",
            "US$ 2,000;2000",
            "S/. 15.90;15.90"})
    void readsDecimalPoint(String text, String expected) {
        assertThat(AmountFormat.decimalPoint().parse(text)).isEqualByComparingTo(expected);
    }

    @Test
    void readsSpaceThousandsAndNoThousands() {
        assertThat(new AmountFormat(',', ' ').parse("1 234 567,89")).isEqualByComparingTo("1234567.89");
        assertThat(new AmountFormat('.', null).parse("1234567.89")).isEqualByComparingTo("1234567.89");
    }

    @Test
    void refusesTheOtherConventionInsteadOfMisreadingIt() {
        assertThatThrownBy(() -> AmountFormat.decimalComma().parse("1,234.56"))
                .isInstanceOf(NumberFormatException.class)
                .hasMessage("\"1,234.56\" is not an amount written like 1.234,56");
        assertThatThrownBy(() -> AmountFormat.decimalPoint().parse("1.234,56"))
                .hasMessage("\"1.234,56\" is not an amount written like 1,234.56");
        assertThatThrownBy(() -> AmountFormat.decimalPoint().parse("12,34.00"))
                .hasMessage("\"12,34.00\" is not an amount written like 1,234.56");
        assertThatThrownBy(() -> AmountFormat.decimalPoint().parse("12.345"))
                .hasMessage("\"12.345\" has more than two decimals");
        assertThatThrownBy(() -> AmountFormat.decimalPoint().parse("abc")).isInstanceOf(NumberFormatException.class);
    }

    @Test
    void separatorsMustDiffer() {
        assertThatThrownBy(() -> new AmountFormat(',', ',')).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AmountFormat(';', null)).isInstanceOf(IllegalArgumentException.class);
    }
}
