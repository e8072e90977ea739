package io.cuadra.web.platform;

import io.cuadra.shared.domain.PreconditionRequired;
import io.cuadra.shared.domain.StaleVersion;
import jakarta.ws.rs.core.EntityTag;

/**
 * Optimistic locking over HTTP: a representation's ETag is its version; an update must send it back
 * in If-Match (428 without it, 412 when it is no longer current).
 */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static long requireVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequired("Send the ETag you read in an If-Match header.");
        }
        String v = ifMatch.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new StaleVersion("If-Match " + ifMatch + " is not a version of this resource.");
        }
    }
}
