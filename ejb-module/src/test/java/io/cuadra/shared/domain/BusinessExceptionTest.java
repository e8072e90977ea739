package io.cuadra.shared.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusinessExceptionTest {

    @Test
    void theFieldComesFromThePrefixUnlessNamed() {
        RuleViolation plain = new RuleViolation("reference: a Yape payment needs its reference.");
        assertThat(plain.field()).contains("reference");
        assertThat(plain.sentence()).isEqualTo("a Yape payment needs its reference.");
        assertThat(plain.messageKey()).isEmpty();
        assertThat(new RuleViolation("Say why the price of X changes.").field()).isEmpty();
        assertThat(new RuleViolation("Say why.").onField("reason").field()).contains("reason");
        assertThat(new RuleViolation("lines.lotId: name the lot.").field()).contains("lines.lotId");
    }

    @Test
    void aKeyCarriesItsArgumentsAsText() {
        BusinessException e = new RuleViolation("reference: needs it").withKey("payment.reference", "Yape", 2);
        assertThat(e.messageKey()).contains("payment.reference");
        assertThat(e.arguments()).containsExactly("Yape", "2");
    }

    @Test
    void aCodedArgumentKeepsItsTypeSoItCanBeWorded() {
        enum Light { RED }
        BusinessException e = new Conflict("Count 7 is OPEN.").withKey("inventory.countLinesCan", 7, Light.RED,
                java.time.LocalDate.of(2026, 12, 7));
        assertThat(e.arguments()).containsExactly("7", "RED", "2026-12-07");
        assertThat(e.argumentTypes()).containsExactly(null, "Light", "date");
        assertThat(new Conflict("x").withKeyOf(e).argumentTypes()).containsExactly(null, "Light", "date");
    }
}
