package io.cuadra.reconciliation.domain.bank;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SimilarityTest {

    @Test
    void namesCompareWithoutAccentsCaseOrWordOrder() {
        assertThat(NameSimilarity.of("MARIA GONZALEZ", "María González")).isEqualTo(1.0);
        assertThat(NameSimilarity.of("GONZALEZ, MARIA", "maría gonzález")).isEqualTo(1.0);
        assertThat(NameSimilarity.normalise("  Núñez-Ñahui  Ü ")).isEqualTo("nunez nahui u");
    }

    @Test
    void aOneLetterSlipStillScoresHighAndStrangersLow() {
        // maria: 5 trigrams in common; gonzales/gonzalez share 6 of 8 → 11 / (13 + 13 - 11)
        assertThat(NameSimilarity.of("MARIA GONZALES", "María González")).isCloseTo(11.0 / 15, within(1e-12));
        assertThat(NameSimilarity.of("JUAN PEREZ", "María González")).isLessThan(0.1);
        assertThat(NameSimilarity.of("", "María González")).isZero();
        assertThat(NameSimilarity.of(null, null)).isZero();
    }

    @Test
    void referencesIgnorePaddingPunctuationAndCase() {
        assertThat(ReferenceSimilarity.of("00123456", null, "123456", "A-0001")).isEqualTo(ReferenceSimilarity.EQUAL);
        assertThat(ReferenceSimilarity.of("op-778899", null, "OP 778899", "A-0001")).isEqualTo(ReferenceSimilarity.EQUAL);
    }

    @Test
    void referencesFoundInsideTheBankTextCountLess() {
        assertThat(ReferenceSimilarity.of(null, "TRANSF 000123456 DE ANA", "123456", "A-0001"))
                .isEqualTo(ReferenceSimilarity.CONTAINED);
        assertThat(ReferenceSimilarity.of("9911", "PAGO PEDIDO a-0004", null, "A-0004"))
                .isEqualTo(ReferenceSimilarity.CONTAINED);
        assertThat(ReferenceSimilarity.of("4567", null, "VOUCHER 1234567", "A-0001"))
                .isEqualTo(ReferenceSimilarity.CONTAINED);
    }

    @Test
    void shortOrMissingReferencesDoNotMatch() {
        assertThat(ReferenceSimilarity.of(null, "ABONO 2026 12 123", "123", "A1")).isEqualTo(ReferenceSimilarity.NONE);
        assertThat(ReferenceSimilarity.of(null, null, null, "A-0001")).isEqualTo(ReferenceSimilarity.NONE);
        assertThat(ReferenceSimilarity.of("555111", "DEPOSITO", "777222", "A-0009")).isEqualTo(ReferenceSimilarity.NONE);
    }

    @Test
    void scoreFormulaWeighsAmountDateReferenceNameAndGroupSize() {
        assertThat(new ScoreBreakdown(1, 1, 1, 1, 2).score()).isEqualTo(1.0);
        assertThat(new ScoreBreakdown(1, 1, 0, 0, 2).score()).isEqualTo(0.55);
        assertThat(new ScoreBreakdown(0.5, 0.25, 0.8, 0.5, 2).score()).isEqualTo(0.5525);
        assertThat(new ScoreBreakdown(1, 1, 1, 1, 4).score()).isEqualTo(0.90);
        assertThat(new ScoreBreakdown(0, 0, 0, 0, 5).score()).isZero();
    }
}
