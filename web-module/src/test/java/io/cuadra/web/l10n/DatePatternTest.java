package io.cuadra.web.l10n;

import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Days are typed in the tenant country pack's pattern, and the empty picker says it in the user's letters. */
class DatePatternTest {

    @Test
    void thePatternIsTheCountryPacks() {
        assertThat(Formats.datePattern(new Locale("es", "CL"))).isEqualTo("dd-MM-yyyy");
        assertThat(Formats.datePattern(new Locale("es", "PE"))).isEqualTo("dd/MM/yyyy");
        assertThat(Formats.datePattern(new Locale("fr", "FR"))).isEqualTo("dd/MM/yyyy");
        assertThat(Formats.datePattern(new Locale("es", "MX"))).isEqualTo("dd/MM/yyyy");
        assertThat(Formats.datePattern(new Locale("en", "US"))).as("no pack: the US order").isEqualTo("MM/dd/yyyy");
    }

    @Test
    void thePlaceholderSpellsThePatternInTheUsersLetters() {
        assertThat(Formats.placeholder("dd-MM-yyyy", "d", "m", "a")).isEqualTo("dd-mm-aaaa");
        assertThat(Formats.placeholder("dd/MM/yyyy", "j", "m", "a")).isEqualTo("jj/mm/aaaa");
        assertThat(Formats.placeholder("MM/dd/yyyy", "d", "m", "y")).isEqualTo("mm/dd/yyyy");
    }
}
