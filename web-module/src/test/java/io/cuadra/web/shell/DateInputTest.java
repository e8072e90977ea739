package io.cuadra.web.shell;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DateInputTest {

    @Test
    void peruFranceChileAndMexicoTypeTheDayFirstTheUnitedStatesTheMonth() {
        LocalDate ides = LocalDate.of(2027, 3, 15);
        for (String tag : new String[] {"es-PE", "fr-FR", "es-CL", "es-MX", "es", "en"}) {
            assertThat(DateTimeFormatter.ofPattern(DateInput.patternFor(Locale.forLanguageTag(tag))).format(ides))
                    .as(tag).isEqualTo("15/03/2027");
        }
        assertThat(DateInput.patternFor(Locale.US)).isEqualTo("MM/dd/yyyy");
    }

    @Test
    void whatIsTypedTheUsersWayIsReadBack() {
        DateTimeFormatter peru = DateTimeFormatter.ofPattern(DateInput.patternFor(Locale.forLanguageTag("es-PE")));
        assertThat(LocalDate.parse("05/01/2026", peru)).isEqualTo(LocalDate.of(2026, 1, 5));
    }
}
