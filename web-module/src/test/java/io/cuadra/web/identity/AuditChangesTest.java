package io.cuadra.web.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChangesTest {

    @Test
    void eachFieldIsOneRowWithItsValueBeforeAndAfter() {
        var rows = AuditChanges.of("{\"price\":{\"before\":12.50,\"after\":16.00},\"name\":{\"after\":\"Gasa\"},"
                + "\"phone\":{\"before\":\"999\",\"after\":null}}", f -> f.equals("price") ? "Precio" : f);
        assertThat(rows).containsExactly(new AuditChanges.Change("Precio", "12.50", "16.00"),
                new AuditChanges.Change("name", "", "Gasa"), new AuditChanges.Change("phone", "999", "—"));
    }

    @Test
    void anUnknownShapeIsShownAsStored() {
        assertThat(AuditChanges.of("[1,2]", f -> f)).containsExactly(new AuditChanges.Change("", "", "[1,2]"));
        assertThat(AuditChanges.of("{\"roles\":[\"ADMIN\"]}", f -> f))
                .containsExactly(new AuditChanges.Change("roles", "", "[\"ADMIN\"]"));
        assertThat(AuditChanges.of(null, f -> f)).isEmpty();
    }
}
