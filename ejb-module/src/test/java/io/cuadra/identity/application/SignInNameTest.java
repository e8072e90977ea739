package io.cuadra.identity.application;

import io.cuadra.identity.domain.User;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

class SignInNameTest {

    @Test
    void usernameAtTenantSlugNamesAUsernameInATenantAndNeverAnEmailAddress() {
        Matcher m = AuthService.USERNAME_AT_TENANT.matcher(User.normalizeEmail("  JPerez@SIPUD "));
        assertThat(m.matches()).isTrue();
        assertThat(m.group(1)).isEqualTo("jperez");
        assertThat(m.group(2)).isEqualTo("sipud");
        assertThat(AuthService.USERNAME_AT_TENANT.matcher("j.perez_2@clinique-paris").matches()).isTrue();

        assertThat(AuthService.USERNAME_AT_TENANT.matcher("ana@lab.pe").matches()).as("a slug has no dot").isFalse();
        assertThat(AuthService.USERNAME_AT_TENANT.matcher("jperez").matches()).as("no tenant").isFalse();
        assertThat(AuthService.USERNAME_AT_TENANT.matcher("a@sipud").matches()).as("too short a username").isFalse();
        assertThat(AuthService.USERNAME_AT_TENANT.matcher("j@p@sipud").matches()).isFalse();
    }
}
