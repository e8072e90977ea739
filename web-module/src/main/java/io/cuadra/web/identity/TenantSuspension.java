package io.cuadra.web.identity;

import io.cuadra.web.platform.Problem;
import jakarta.ws.rs.core.Response;

/** The one answer a suspended tenant's people get, on sign-in and on every API call: 403, saying why. */
final class TenantSuspension {

    static final String TYPE = "tenant-suspended";

    private TenantSuspension() {
    }

    static Problem problem() {
        return Problem.of(TYPE, "Tenant suspended", Response.Status.FORBIDDEN,
                "Your company's Cuadra account is suspended by the platform operator: nobody of it can sign in or"
                        + " use the API until it is reactivated. Contact the platform operator.");
    }
}
