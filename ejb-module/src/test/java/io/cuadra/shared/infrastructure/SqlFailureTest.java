package io.cuadra.shared.infrastructure;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFailureTest {

    private static Throwable wrapped(String message, String state) {
        return new EJBException(new PersistenceException("Exception [EclipseLink-4002]",
                new SQLException(message, state)));
    }

    @Test
    void theStateIsFoundUnderTheWrappers() {
        SqlFailure f = SqlFailure.of(wrapped("ERROR: deadlock detected", "40P01")).orElseThrow();
        assertThat(f.state()).isEqualTo("40P01");
        assertThat(f.isContention()).isTrue();
        assertThat(SqlFailure.of(wrapped("x", "40001")).orElseThrow().isContention()).isTrue();
        assertThat(SqlFailure.of(wrapped("x", "23505")).orElseThrow().isContention()).isFalse();
        assertThat(SqlFailure.of(new IllegalStateException("no SQL"))).isEmpty();
    }

    @Test
    void theFieldsAreNamedAsTheApiSpellsThem() {
        assertThat(SqlFailure.of(wrapped("ERROR: duplicate key value violates unique constraint \"x\"\n  Detail: Key "
                + "(tenant_id, lower(name::text))=(1, ana) already exists.", "23505")).orElseThrow().fields())
                .isEqualTo("name");
        assertThat(SqlFailure.of(wrapped("ERROR: duplicate key value violates unique constraint \"x\"\n  Detail: Key "
                + "(tenant_id, tax_id_number)=(1, 20601030013) already exists.", "23505")).orElseThrow().fields())
                .isEqualTo("taxIdNumber");
        assertThat(SqlFailure.of(wrapped("ERROR: null value in column \"location_id\" of relation \"orders\" violates "
                + "not-null constraint", "23502")).orElseThrow().fields()).isEqualTo("locationId");
        assertThat(SqlFailure.of(wrapped("ERROR: value too long", "22001")).orElseThrow().fields()).isEmpty();
    }
}
