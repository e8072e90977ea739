package io.cuadra.shared.identitydocuments;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"20100070970", "20131312955", "10467793549", "20601030013", "20100047218"})
    void acceptsRucsWithCorrectCheckDigit(String ruc) {
        assertThat(DocumentType.RUC.check(ruc).valid()).as(ruc).isTrue();
    }

    @Test
    void computesTheCheckDigitWithSunatWeights() {
        // 2*5+0*4+1*3+0*2+0*7+0*6+7*5+0*4+9*3+7*2 = 89; 89 % 11 = 1; 11 - 1 = 10 -> 0
        assertThat(DocumentType.rucCheckDigit("2010007097")).isZero();
    }

    @Test
    void refusesAWrongCheckDigitSayingWhich() {
        DocumentCheck check = DocumentType.RUC.check("20100070971");
        assertThat(check.valid()).isFalse();
        assertThat(check.problem()).contains("check digit should be 0, not 1");
    }

    @Test
    void refusesAnUnknownRucPrefix() {
        assertThat(DocumentType.RUC.check("30100070970").problem()).contains("starts with 10, 15, 17 or 20");
    }

    @Test
    void refusesARucOfTheWrongLength() {
        assertThat(DocumentType.RUC.check("2010007097").problem()).contains("exactly 11 digits");
    }

    @Test
    void normalisesSpacesAndDashes() {
        DocumentCheck check = DocumentType.RUC.check(" 20 100-070-970 ");
        assertThat(check.valid()).isTrue();
        assertThat(check.number()).isEqualTo("20100070970");
    }

    @Test
    void dniHasExactlyEightDigits() {
        assertThat(DocumentType.DNI.check("46027897").valid()).isTrue();
        assertThat(DocumentType.DNI.check("4602789").problem()).contains("exactly 8 digits");
        assertThat(DocumentType.DNI.check("4602789A").valid()).isFalse();
    }

    @Test
    void passportAndForeignerCardAreAlphanumericUpToTwelve() {
        assertThat(DocumentType.PASSPORT.check("ab123456").number()).isEqualTo("AB123456");
        assertThat(DocumentType.PASSPORT.check("AB123456").valid()).isTrue();
        assertThat(DocumentType.FOREIGNER_CARD.check("0012345678901").valid()).isFalse();
    }

    @Test
    void anonymousSaleHasNoNumber() {
        assertThat(DocumentType.NONE.check("").number()).isEqualTo("-");
        assertThat(DocumentType.NONE.check("-").valid()).isTrue();
        assertThat(DocumentType.NONE.check("123").valid()).isFalse();
    }

    @Test
    void findsTypesBySunatCatalog06Code() {
        assertThat(DocumentType.bySunatCode("6")).contains(DocumentType.RUC);
        assertThat(DocumentType.bySunatCode("9")).isEmpty();
    }
}
