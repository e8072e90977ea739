package io.cuadra.identity.domain;

import io.cuadra.identity.application.SessionState;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What ends a user's sessions (a new token version), and what a session state admits. */
class UserSessionsTest {

    private final Role cashier = new Role("CASHIER", "Caja", false, Set.of());
    private final Role supervisor = new Role("SUPERVISOR", "Supervisor", false, Set.of());

    private User user() {
        User u = new User("ana@cuadra.test", "Ana", "Caja", "hash");
        u.assignRoles(List.of(cashier));
        return u;
    }

    @Test
    void deactivationPasswordAndNewRolesEndSessions() {
        User u = user();
        long v = u.getTokenVersion();
        u.activate(false);
        assertThat(u.getTokenVersion()).isEqualTo(v + 1);
        u.activate(false);
        assertThat(u.getTokenVersion()).as("already inactive").isEqualTo(v + 1);
        u.changePassword("other-hash");
        assertThat(u.getTokenVersion()).isEqualTo(v + 2);
        u.assignRoles(List.of(supervisor));
        assertThat(u.getTokenVersion()).isEqualTo(v + 3);
    }

    @Test
    void editsThatChangeNothingTheTokenSaysKeepSessions() {
        User u = user();
        long v = u.getTokenVersion();
        u.rename("Ana María", "Caja", "999");
        u.assignRoles(List.of(cashier));
        u.activate(true);
        u.recordLogin(java.time.Instant.now());
        assertThat(u.getTokenVersion()).isEqualTo(v);
    }

    @Test
    void aStateAdmitsOnlyTheCurrentVersionOfAnAllowedUserAndNoEndedSession() {
        UUID open = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        SessionState state = new SessionState(3, true, Set.of(ended), false);
        assertThat(state.admits(3, open)).isTrue();
        assertThat(state.admits(3, null)).as("a back-office session").isTrue();
        assertThat(state.admits(2, open)).isFalse();
        assertThat(state.admits(3, ended)).isFalse();
        assertThat(new SessionState(3, false, Set.of(), true).admits(3, open)).as("deactivated user or tenant").isFalse();
    }
}
