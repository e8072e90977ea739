package io.cuadra.billing.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DocumentNumberTest {

    @Test
    void writesTheIdWithoutLeadingZeros() {
        assertThat(DocumentNumber.of("F001", 123).id()).isEqualTo("F001-123");
        assertThat(DocumentNumber.parse("F001-00000123")).isEqualTo(DocumentNumber.of("F001", 123));
    }

    @Test
    void acceptsEightDigitsAtMost() {
        assertThat(DocumentNumber.parse("B001-99999999").number()).isEqualTo(99_999_999L);
        assertThatThrownBy(() -> DocumentNumber.of("B001", 100_000_000L)).hasMessageContaining("1 to 99999999");
        assertThatThrownBy(() -> DocumentNumber.of("B001", 0)).hasMessageContaining("1 to");
    }

    @Test
    void refusesMalformedIdsAndSeries() {
        assertThatThrownBy(() -> DocumentNumber.parse("F01-1")).hasMessageContaining("F001-123");
        assertThatThrownBy(() -> DocumentNumber.parse("F001-123456789")).hasMessageContaining("1 to 8");
        assertThatThrownBy(() -> DocumentNumber.of("f001", 1)).hasMessageContaining("upper-case");
    }

    @Test
    void seriesRulesFollowTheKind() {
        assertThat(DocumentKind.FACTURA.acceptsSeries("F001")).isTrue();
        assertThat(DocumentKind.FACTURA.acceptsSeries("FA01")).isTrue();
        assertThat(DocumentKind.FACTURA.acceptsSeries("B001")).isFalse();
        assertThat(DocumentKind.BOLETA.acceptsSeries("B001")).isTrue();
        assertThat(DocumentKind.BOLETA.acceptsSeries("F001")).isFalse();
        assertThat(DocumentKind.CREDIT_NOTE.acceptsSeries("FC01")).isTrue();
        assertThat(DocumentKind.CREDIT_NOTE.acceptsSeries("BC01")).isTrue();
        assertThat(DocumentKind.CREDIT_NOTE.acceptsSeries("NC01")).isFalse();
    }
}
