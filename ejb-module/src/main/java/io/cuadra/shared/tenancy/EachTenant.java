package io.cuadra.shared.tenancy;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A scheduled job's round over tenants: each runs as the system actor of that tenant, and one tenant's failure is
 * logged without stopping the others (each work item brings its own transaction).
 */
public final class EachTenant {

    private EachTenant() {
    }

    public static void run(List<? extends Number> tenants, String process, Logger log, String what,
                           Callable<?> work) {
        for (Number tenant : tenants) {
            try {
                TenantContext.runAs(Actor.system(tenant.longValue(), process), work);
            } catch (Exception e) {
                log.log(Level.WARNING, what + " of tenant " + tenant + " not done this round", e);
            }
        }
    }
}
