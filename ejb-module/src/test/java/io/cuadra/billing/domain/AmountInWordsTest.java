package io.cuadra.billing.domain;

import io.cuadra.shared.domain.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AmountInWordsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
            "0.00; CERO CON 00/100 SOLES",
            "0.50; CERO CON 50/100 SOLES",
            "0.05; CERO CON 05/100 SOLES",
            "1; UNO CON 00/100 SOLES",
            "1.99; UNO CON 99/100 SOLES",
            "10; DIEZ CON 00/100 SOLES",
            "15; QUINCE CON 00/100 SOLES",
            "16; DIECISÉIS CON 00/100 SOLES",
            "20; VEINTE CON 00/100 SOLES",
            "21; VEINTIUNO CON 00/100 SOLES",
            "22; VEINTIDÓS CON 00/100 SOLES",
            "30; TREINTA CON 00/100 SOLES",
            "31; TREINTA Y UNO CON 00/100 SOLES",
            "99.99; NOVENTA Y NUEVE CON 99/100 SOLES",
            "100; CIEN CON 00/100 SOLES",
            "101; CIENTO UNO CON 00/100 SOLES",
            "118; CIENTO DIECIOCHO CON 00/100 SOLES",
            "200; DOSCIENTOS CON 00/100 SOLES",
            "515; QUINIENTOS QUINCE CON 00/100 SOLES",
            "777; SETECIENTOS SETENTA Y SIETE CON 00/100 SOLES",
            "999; NOVECIENTOS NOVENTA Y NUEVE CON 00/100 SOLES",
            "1000; MIL CON 00/100 SOLES",
            "1001; MIL UNO CON 00/100 SOLES",
            "1100; MIL CIEN CON 00/100 SOLES",
            "1230.02; MIL DOSCIENTOS TREINTA CON 02/100 SOLES",
            "2000; DOS MIL CON 00/100 SOLES",
            "21000; VEINTIÚN MIL CON 00/100 SOLES",
            "31500; TREINTA Y UN MIL QUINIENTOS CON 00/100 SOLES",
            "100000; CIEN MIL CON 00/100 SOLES",
            "101000; CIENTO UN MIL CON 00/100 SOLES",
            "999999; NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE CON 00/100 SOLES",
            "1000000; UN MILLÓN CON 00/100 SOLES",
            "1000001; UN MILLÓN UNO CON 00/100 SOLES",
            "2000000; DOS MILLONES CON 00/100 SOLES",
            "2500123.45; DOS MILLONES QUINIENTOS MIL CIENTO VEINTITRÉS CON 45/100 SOLES",
            "21000000; VEINTIÚN MILLONES CON 00/100 SOLES",
            "101001001; CIENTO UN MILLONES MIL UNO CON 00/100 SOLES",
            "999999999.99; NOVECIENTOS NOVENTA Y NUEVE MILLONES NOVECIENTOS NOVENTA Y NUEVE MIL NOVECIENTOS NOVENTA Y NUEVE CON 99/100 SOLES",
            "1000000000; MIL MILLONES CON 00/100 SOLES",
    })
    void writesSolesTheWayPeruvianInvoicesDo(String amount, String words) {
        assertThat(AmountInWords.of(Money.of(amount, "PEN"))).isEqualTo(words);
    }

    @Test
    void namesDollarsAndEuros() {
        assertThat(AmountInWords.of(Money.of("1250.10", "USD")))
                .isEqualTo("MIL DOSCIENTOS CINCUENTA CON 10/100 DÓLARES AMERICANOS");
        assertThat(AmountInWords.of(Money.of("41", "EUR"))).isEqualTo("CUARENTA Y UNO CON 00/100 EUROS");
    }

    @Test
    void roundsToTheCentLikeEveryStoredAmount() {
        assertThat(AmountInWords.of(Money.of("10.005", "PEN"))).isEqualTo("DIEZ CON 01/100 SOLES");
    }

    @Test
    void refusesCurrenciesWithoutASpanishName() {
        assertThatThrownBy(() -> AmountInWords.of(Money.of("10", "GBP")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GBP");
    }

    @Test
    void refusesNegativeAndOversizedAmounts() {
        assertThatThrownBy(() -> AmountInWords.of(Money.of("-1", "PEN"))).hasMessageContaining("negative");
        assertThatThrownBy(() -> AmountInWords.of(Money.of("1000000000000", "PEN"))).hasMessageContaining("above");
    }
}
