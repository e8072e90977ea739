package io.cuadra.web.l10n;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class DayTextTest {

    private static final DayText PERU = new DayText(Locale.forLanguageTag("es-PE"));

    @Test
    void theLocalWritingAndIsoAreBothRead() {
        assertThat(PERU.parse("07/12/2026")).contains(LocalDate.of(2026, 12, 7));
        assertThat(PERU.parse("2026-12-07")).contains(LocalDate.of(2026, 12, 7));
        assertThat(new DayText(Locale.forLanguageTag("es-CL")).parse("07-12-2026")).contains(LocalDate.of(2026, 12, 7));
        assertThat(PERU.format(LocalDate.of(2026, 1, 5))).isEqualTo("05/01/2026");
    }

    @Test
    void impossibleOrAmbiguousDaysAreRefused() {
        assertThat(PERU.parse("31/02/2026")).isEmpty();
        assertThat(PERU.parse("12/31/2026")).as("month first is not the Peruvian way").isEmpty();
        assertThat(PERU.parse("7/12/26")).isEmpty();
        assertThat(PERU.parse("mañana")).isEmpty();
    }
}
