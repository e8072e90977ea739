package io.cuadra.identity.domain;

import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A tenant's languages after opening: only those the back office is written in, each once, the first the default. */
class TenantLanguagesTest {

    private final Tenant tenant = new Tenant("clinique", "Clinique", "operator@cuadra.test");

    @Test
    void theFirstLanguageIsTheDefaultAndCodesAreKeptLowerCase() {
        tenant.speak(List.of(" FR", "en"), "admin@clinique.test", Instant.parse("2026-12-08T10:00:00Z"));
        assertThat(tenant.languages()).containsExactly("fr", "en");
    }

    @Test
    void noLanguageAnUnwrittenOneOrTheSameTwiceIsRefusedAndNothingChanges() {
        tenant.speak(List.of("es"), "admin@clinique.test", Instant.now());
        for (List<String> wrong : List.of(List.<String>of(), List.of("de"), List.of("es", "ES"), List.of("es", "pt"))) {
            assertThatThrownBy(() -> tenant.speak(wrong, "admin@clinique.test", Instant.now()))
                    .isInstanceOf(RuleViolation.class).hasMessageContaining("languages");
        }
        assertThatThrownBy(() -> tenant.speak(null, "admin@clinique.test", Instant.now()))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> tenant.speak(Arrays.asList((String) null), "a", Instant.now()))
                .isInstanceOf(RuleViolation.class);
        assertThat(tenant.languages()).containsExactly("es");
    }
}
