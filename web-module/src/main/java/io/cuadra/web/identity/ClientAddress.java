package io.cuadra.web.identity;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address a request came from. {@code X-Forwarded-For} is anyone's to write, so it is believed only
 * when the connection comes from a configured trusted proxy ({@code CUADRA_TRUSTED_PROXIES}, none by
 * default); then the right-most address that is not itself a trusted proxy is the client's. Lockout
 * counting and the audit log rest on this.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(String remoteAddr, String forwardedFor, Set<String> trustedProxies) {
        if (forwardedFor == null || forwardedFor.isBlank() || !trustedProxies.contains(remoteAddr)) {
            return remoteAddr;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop;
            }
        }
        return remoteAddr;
    }

    /** A comma-separated list of proxy addresses, as configured. */
    public static Set<String> parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
