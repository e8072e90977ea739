package io.cuadra.shared.identitydocuments;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The check rules of RUT, RFC, CURP, SIREN, SIRET and VAT numbers: published examples and properties. */
class ForeignDocumentsTest {

    @Test
    void chileanRutsHoldUnderModulo11WithK() {
        assertThat(DocumentType.RUT.check("76.086.428-5").valid()).isTrue();
        assertThat(DocumentType.RUT.check("76.086.428-5").number()).isEqualTo("760864285");
        assertThat(DocumentType.RUT.check("12345678-5").valid()).isTrue();
        assertThat(DocumentType.RUT.check("10.000.013-k").valid()).as("K, typed in lower case").isTrue();
        assertThat(DocumentType.RUT.check("10.000.004-0").valid()).as("11 gives 0").isTrue();
        assertThat(DocumentType.RUT.check("76.086.428-4").problem()).contains("should be 5, not 4");
        assertThat(DocumentType.RUT.check("76.086-X").problem()).contains("7 or 8 digits");
    }

    @Property
    void everyRutBodyHasExactlyOneCheckCharacter(@ForAll @LongRange(min = 1_000_000, max = 99_999_999) long body,
                                                 @ForAll @IntRange(min = 0, max = 10) int other) {
        String digits = Long.toString(body);
        char right = ForeignDocuments.rutCheckCharacter(digits);
        assertThat(DocumentType.RUT.check(digits + "-" + right).valid()).isTrue();
        char wrong = other == 10 ? 'K' : (char) ('0' + other);
        assertThat(DocumentType.RUT.check(digits + wrong).valid()).isEqualTo(wrong == right);
    }

    @Test
    void mexicanRfcsHoldUnderSatsCheckCharacter() {
        assertThat(DocumentType.RFC.check("SAT970701NN3").valid()).as("a company: 12 characters").isTrue();
        assertThat(DocumentType.RFC.check("gode-561231-gr8").valid()).as("a person: 13").isTrue();
        assertThat(DocumentType.RFC.check("XAXX010101000").valid()).as("SAT's generic RFC").isTrue();
        assertThat(DocumentType.RFC.check("SAT970701NN4").problem()).contains("should be 3, not 4");
        assertThat(DocumentType.RFC.check("SAT971301NN3").problem()).contains("not a date");
        assertThat(DocumentType.RFC.check("SA970701NN3").problem()).contains("3 (company) or 4 (person) letters");
    }

    @Property
    void aChangedDateDigitOfAnRfcIsCaught(@ForAll("rfcBodies") String body, @ForAll @IntRange(min = 0, max = 5) int at,
                                          @ForAll @IntRange(min = 1, max = 9) int shift) {
        String valid = body + ForeignDocuments.rfcCheckCharacter(body);
        assertThat(DocumentType.RFC.check(valid).valid()).as(valid).isTrue();
        // The date's digits weigh 4 to 9: a change of 1 to 9 there never moves the sum by a multiple of 11.
        int pos = body.length() - 8 + at;
        char changed = (char) ('0' + (valid.charAt(pos) - '0' + shift) % 10);
        String typo = valid.substring(0, pos) + changed + valid.substring(pos + 1);
        assertThat(DocumentType.RFC.check(typo).valid()).as(typo).isFalse();
    }

    @Provide
    Arbitrary<String> rfcBodies() {
        Arbitrary<String> letters = Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofMinLength(3).ofMaxLength(4);
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28))
                .as((y, m, d) -> String.format("%02d%02d%02d", y, m, d));
        Arbitrary<String> homoclave = Arbitraries.strings().withChars("ABCDEFGHJKLMNPQRSTUVWXYZ123456789").ofLength(2);
        return Combinators.combine(letters, date, homoclave).as((l, d, h) -> l + d + h);
    }

    @Test
    void curpsHoldUnderRenaposCheckDigit() {
        assertThat(DocumentType.CURP.check("HEGG560427MVZRRL04").valid()).isTrue();
        assertThat(DocumentType.CURP.check("HEGG560427MVZRRL05").problem()).contains("should be 4, not 5");
        assertThat(DocumentType.CURP.check("HEGG560427MXXRRL04").problem()).as("no state XX").contains("18 characters");
        assertThat(DocumentType.CURP.check("HEGG561327MVZRRL04").problem()).contains("not a date");
    }

    @Property
    void everyCurpHasExactlyOneCheckDigit(@ForAll("curpBodies") String body, @ForAll @IntRange(min = 0, max = 9) int digit) {
        char right = ForeignDocuments.curpCheckDigit(body);
        assertThat(DocumentType.CURP.check(body + right).valid()).as(body + right).isTrue();
        assertThat(DocumentType.CURP.check(body + digit).valid()).isEqualTo((char) ('0' + digit) == right);
    }

    @Provide
    Arbitrary<String> curpBodies() {
        Arbitrary<String> name = Combinators.combine(Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofLength(1),
                        Arbitraries.strings().withChars("AEIOUX").ofLength(1),
                        Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ").ofLength(2))
                .as((a, b, c) -> a + b + c);
        Arbitrary<String> date = Combinators.combine(Arbitraries.integers().between(0, 99),
                        Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28))
                .as((y, m, d) -> String.format("%02d%02d%02d", y, m, d));
        Arbitrary<String> rest = Combinators.combine(Arbitraries.of("H", "M"), Arbitraries.of("DF", "JC", "NL", "VZ", "NE"),
                        Arbitraries.strings().withChars("BCDFGHJKLMNPQRSTVWXZ").ofLength(3),
                        Arbitraries.strings().withChars("0123456789A").ofLength(1))
                .as((s, e, c, h) -> s + e + c + h);
        return Combinators.combine(name, date, rest).as((n, d, r) -> n + d + r);
    }

    @Test
    void sirenSiretAndFrenchVatNumbersHold() {
        assertThat(DocumentType.SIREN.check("732 829 320").valid()).isTrue();
        assertThat(DocumentType.SIRET.check("732 829 320 00074").valid()).isTrue();
        assertThat(DocumentType.SIRET.check("73282932000075").problem()).contains("Luhn");
        assertThat(DocumentType.SIRET.check("35600000049837").valid()).as("La Poste: digits sum to a multiple of 5")
                .isTrue();
        assertThat(DocumentType.VAT.check("FR 40 303265045").valid()).isTrue();
        assertThat(DocumentType.VAT.check("FR41303265045").problem()).contains("should be 40, not 41");
        assertThat(DocumentType.VAT.check("DE123456789").valid()).as("other states: the format only").isTrue();
        assertThat(DocumentType.VAT.check("12345").problem()).contains("country prefix");
    }

    @Property
    void luhnCatchesEverySingleDigitTypoOfASiren(@ForAll @LongRange(min = 100_000_00, max = 999_999_99) long first8,
                                                  @ForAll @IntRange(min = 0, max = 8) int at,
                                                  @ForAll @IntRange(min = 1, max = 9) int shift) {
        String body = Long.toString(first8);
        String siren = null;
        for (int d = 0; d <= 9; d++) {
            if (ForeignDocuments.luhnValid(body + d)) {
                siren = body + d;
            }
        }
        assertThat(siren).as("one check digit completes any 8 digits").isNotNull();
        assertThat(DocumentType.SIREN.check(siren).valid()).isTrue();
        char changed = (char) ('0' + (siren.charAt(at) - '0' + shift) % 10);
        String typo = siren.substring(0, at) + changed + siren.substring(at + 1);
        assertThat(DocumentType.SIREN.check(typo).valid()).as(typo).isFalse();
        assertThat(DocumentType.VAT.check("FR" + ForeignDocuments.frenchVatKey(siren) + siren).valid()).isTrue();
    }
}
