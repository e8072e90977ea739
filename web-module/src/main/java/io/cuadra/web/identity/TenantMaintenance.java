package io.cuadra.web.identity;

import io.cuadra.web.platform.Problem;
import jakarta.ws.rs.core.Response;

/**
 * The answer a tenant's API calls get while the platform operator holds it for maintenance: 503 with
 * {@code Retry-After} (the seconds left), so a client waits and tries again instead of failing.
 */
final class TenantMaintenance {

    static final String TYPE = "tenant-maintenance";

    private TenantMaintenance() {
    }

    static Problem problem(long secondsLeft) {
        return Problem.of(TYPE, "Under maintenance", Response.Status.SERVICE_UNAVAILABLE,
                "Your company's Cuadra account is under maintenance by the platform operator for about "
                        + secondsLeft + " more seconds: retry after Retry-After seconds.");
    }
}
