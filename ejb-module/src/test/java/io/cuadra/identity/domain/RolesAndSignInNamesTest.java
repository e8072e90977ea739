package io.cuadra.identity.domain;

import io.cuadra.shared.domain.RuleViolation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolesAndSignInNamesTest {

    @Test
    void aClonedRoleHasTheSameMatrixAndSpanUnderItsOwnNameAndCode() {
        Role supervisor = DefaultRoles.SUPERVISOR.newRole();
        Role copy = supervisor.cloneAs("  Supervisora de Tienda Ñuñoa ");

        assertThat(copy.getName()).isEqualTo("Supervisora de Tienda Ñuñoa");
        assertThat(copy.permissions()).isEqualTo(supervisor.permissions());
        assertThat(copy.isAllLocations()).isEqualTo(supervisor.isAllLocations());
        assertThat(copy.getCode()).isEqualTo("CUSTOM_SUPERVISORA_DE_TIEN").matches("^[A-Z][A-Z0-9_]*$")
                .hasSizeLessThanOrEqualTo(26);
        assertThat(copy.recoded("CUSTOM_X_2").permissions()).isEqualTo(supervisor.permissions());
    }

    @Test
    void aRoleNeedsAName() {
        assertThatThrownBy(() -> Role.custom(" ", false, Set.of())).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> Role.custom("x".repeat(81), false, Set.of())).hasMessageContaining("80");
        Role role = Role.custom("Caja", false, Set.of());
        assertThatThrownBy(() -> role.rename(null)).isInstanceOf(RuleViolation.class);
        assertThat(Role.codeFor("¡¡¡")).isEqualTo("CUSTOM_");
    }

    @Test
    void everySeedBusinessHasItsRolesByTheNamesItsPeopleUse() {
        assertThat(names(RoleTemplateSet.LAB))
                .containsExactly("Administrador General", "Recepcionista", "Supervisor de Sede", "Laboratorista");
        assertThat(names(RoleTemplateSet.CLINIC)).hasSize(5).contains("Praticien", "Comptabilité");
        assertThat(names(RoleTemplateSet.DISTRIBUTOR)).containsExactly("Administrador", "Gerente", "Bodega", "Ventas");
        for (RoleTemplateSet set : RoleTemplateSet.values()) {
            Role admin = set.roles().get(0).newRole(set);
            assertThat(admin.permissions()).as(set + " starts with a full administrator")
                    .hasSize(Module.values().length * Action.values().length);
            assertThat(admin.getTemplate()).isEqualTo(set.name());
            assertThat(set.roles()).extracting(RoleTemplateSet.RoleTemplate::code).doesNotHaveDuplicates()
                    .allMatch(c -> c.matches("^[A-Z][A-Z0-9_]*$") && c.length() <= 30)
                    .noneMatch(c -> Arrays.stream(DefaultRoles.values()).anyMatch(d -> d.name().equals(c)));
        }
        Set<Permission> sales = RoleTemplateSet.DISTRIBUTOR.roles().get(3).permissions();
        assertThat(sales).contains(Permission.parse("orders:create")).doesNotContain(Permission.parse("settings:edit"));
    }

    @Test
    void aUserSignsInByEmailByUsernameOrBothButNeedsOne() {
        User byName = new User(null, "  JPerez ", "Juan", "Pérez", "hash");
        assertThat(byName.getUsername()).isEqualTo("jperez");
        assertThat(byName.getEmail()).isNull();
        assertThat(byName.hasEmail()).isFalse();
        assertThat(byName.loginName()).isEqualTo("jperez");

        User both = new User("Ana@Lab.PE", "ana.q", "Ana", "Q", "hash");
        assertThat(both.loginName()).isEqualTo("ana@lab.pe");
        assertThat(both.hasEmail()).isTrue();

        assertThatThrownBy(() -> new User(" ", " ", "A", "B", "hash")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("e-mail address or a username");
        assertThatThrownBy(() -> User.checkedUsername("ana@sipud")).hasMessageContaining("username:");
        assertThatThrownBy(() -> User.checkedUsername("a")).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> User.checkedUsername(".ana")).isInstanceOf(RuleViolation.class);
        assertThat(User.checkedUsername("j.perez_2-b")).isEqualTo("j.perez_2-b");
    }

    private static List<String> names(RoleTemplateSet set) {
        return set.roles().stream().map(RoleTemplateSet.RoleTemplate::name).toList();
    }
}
