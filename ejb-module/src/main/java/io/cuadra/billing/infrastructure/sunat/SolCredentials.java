package io.cuadra.billing.infrastructure.sunat;

import java.util.Objects;

/**
 * A Clave SOL secondary user allowed to send electronic documents. SUNAT's WS-Security user name is the
 * issuer's RUC followed by the SOL user ("20100070970MODDATOS" in beta).
 */
public record SolCredentials(String ruc, String solUser, String password) {

    public SolCredentials {
        Objects.requireNonNull(ruc, "ruc");
        Objects.requireNonNull(solUser, "solUser");
        Objects.requireNonNull(password, "password");
        if (!ruc.matches("\\d{11}")) {
            throw new IllegalArgumentException("A RUC has 11 digits, got \"" + ruc + "\"");
        }
        if (solUser.isBlank()) {
            throw new IllegalArgumentException("The SOL user is missing");
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException("The SOL password is missing");
        }
    }

    /** SUNAT beta's shared login for any RUC: {RUC}MODDATOS / moddatos. */
    public static SolCredentials beta(String ruc) {
        return new SolCredentials(ruc, "MODDATOS", "moddatos");
    }

    public String username() {
        return ruc + solUser;
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "SolCredentials[" + username() + ", password ****]";
    }
}
