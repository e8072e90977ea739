package io.cuadra.shared.tenancy;

import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Default interceptor of every EJB (ejb-jar.xml): before a business method runs, the current
 * transaction's entity manager learns the caller's tenant. This is the one place tenant scoping
 * happens; no query names tenant_id by hand.
 */
public class TenantInterceptor {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @AroundInvoke
    public Object scope(InvocationContext ctx) throws Exception {
        TenantContext.current().ifPresent(actor -> {
            if (em.isJoinedToTransaction()) {
                em.setProperty(TenantContext.TENANT_PROPERTY, actor.tenantId());
            }
        });
        return ctx.proceed();
    }
}
