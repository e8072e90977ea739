package io.cuadra.sunat.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clave SOL secondary users allowed to call the service. The WS-Security user name is the RUC followed by the
 * SOL user. Like SUNAT's beta environment, any RUC may also log in as {RUC}MODDATOS with password "moddatos".
 */
final class SolUsers {

    record SolUser(String ruc, String solUser) {
    }

    private static final Pattern BETA_USER = Pattern.compile("(\\d{11})MODDATOS");
    private static final String BETA_PASSWORD = "moddatos";

    private final Map<String, String> passwordsByUsername = new ConcurrentHashMap<>();

    void register(String ruc, String solUser, String password) {
        if (!ruc.matches("\\d{11}") || solUser.isBlank() || password.isEmpty()) {
            throw new IllegalArgumentException("A SOL user needs an 11-digit RUC, a user name and a password");
        }
        passwordsByUsername.put(ruc + solUser, password);
    }

    Optional<SolUser> authenticate(String username, String password) {
        String expected = passwordsByUsername.get(username);
        if (expected != null) {
            return expected.equals(password)
                    ? Optional.of(new SolUser(username.substring(0, 11), username.substring(11)))
                    : Optional.empty();
        }
        Matcher beta = BETA_USER.matcher(username);
        if (beta.matches() && BETA_PASSWORD.equals(password)) {
            return Optional.of(new SolUser(beta.group(1), "MODDATOS"));
        }
        return Optional.empty();
    }
}
