package io.cuadra.it.support;

import io.cuadra.it.support.Http.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo tenant's users (README, "Demo users") and signing in as them. */
public enum DemoUsers {
    ADMIN("admin@cuadra.demo", "Admin-Cuadra-2026!"),
    SUPERVISOR("supervisor@cuadra.demo", "Supervisor-Cuadra-2026!"),
    CASHIER("cajero@cuadra.demo", "Cajero-Cuadra-2026!"),
    WAREHOUSE("almacen@cuadra.demo", "Almacen-Cuadra-2026!"),
    ACCOUNTANT("contador@cuadra.demo", "Contador-Cuadra-2026!");

    public final String email;
    public final String password;

    DemoUsers(String email, String password) {
        this.email = email;
        this.password = password;
    }

    /** Signs in through POST /api/auth/login; returns the client carrying the access token. */
    public Http signIn(Http http) {
        return signIn(http, email, password);
    }

    public static Http signIn(Http http, String email, String password) {
        Reply r = http.post("api/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(r.status()).as("login of " + email + ": " + r).isEqualTo(200);
        return http.as(r.json().getString("accessToken"));
    }
}
