package io.cuadra.identity.domain;

import io.cuadra.identity.application.SessionState;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator's maintenance window: within a day, not on a suspended tenant, and what a caller is told to wait. */
class TenantMaintenanceTest {

    private static final Instant NOW = Instant.parse("2026-12-10T03:00:00Z");
    private final Tenant tenant = new Tenant("clinica", "Clínica", "operator@cuadra.test");

    @Test
    void aWindowIsInTheNextDayAndEndsOnce() {
        tenant.beginMaintenance(NOW.plus(Duration.ofMinutes(30)), "operator:o@cuadra.test", NOW);
        assertThat(tenant.getMaintenanceUntil()).isEqualTo(NOW.plus(Duration.ofMinutes(30)));
        tenant.endMaintenance("operator:o@cuadra.test", NOW.plusSeconds(60));
        assertThat(tenant.getMaintenanceUntil()).isNull();
        assertThatThrownBy(() -> tenant.endMaintenance("operator:o@cuadra.test", NOW.plusSeconds(61)))
                .isInstanceOf(Conflict.class);
        assertThatThrownBy(() -> tenant.beginMaintenance(NOW, "operator:o@cuadra.test", NOW))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> tenant.beginMaintenance(NOW.plus(Duration.ofHours(25)), "operator:o@cuadra.test", NOW))
                .isInstanceOf(RuleViolation.class);
    }

    @Test
    void aSuspendedTenantIsNotPutUnderMaintenance() {
        tenant.suspend("Unpaid", "operator:o@cuadra.test", NOW);
        assertThatThrownBy(() -> tenant.beginMaintenance(NOW.plusSeconds(600), "operator:o@cuadra.test", NOW))
                .isInstanceOf(Conflict.class);
    }

    @Test
    void aCallerIsToldTheWholeSecondsLeftAndNothingOnceOver() {
        SessionState state = new SessionState(1, true, Set.of(), false, NOW.plusMillis(90_200));
        assertThat(state.maintenanceSecondsLeft(NOW)).isEqualTo(91);
        assertThat(state.maintenanceSecondsLeft(NOW.plusMillis(90_100))).isEqualTo(1);
        assertThat(state.maintenanceSecondsLeft(NOW.plusMillis(90_200))).isZero();
        assertThat(new SessionState(1, true, Set.of(), false).maintenanceSecondsLeft(NOW)).isZero();
    }
}
