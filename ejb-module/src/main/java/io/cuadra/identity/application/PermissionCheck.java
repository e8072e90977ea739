package io.cuadra.identity.application;

import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.domain.Permission;
import io.cuadra.shared.domain.AccessDenied;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Enforces {@link Permitted}: the method's annotation, else its class's. */
@Permitted
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER + 10)
public class PermissionCheck implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @AroundInvoke
    public Object check(InvocationContext ctx) throws Exception {
        Permitted declared = ctx.getMethod().getAnnotation(Permitted.class);
        if (declared == null) {
            declared = ctx.getMethod().getDeclaringClass().getAnnotation(Permitted.class);
        }
        if (declared != null) {
            Caller caller = CurrentCaller.require();
            Permission needed = Permission.of(declared.module(), declared.action());
            if (!caller.can(needed)) {
                throw new AccessDenied("This needs the permission " + needed + ".").withKey("identity.needsPermission", needed);
            }
        }
        return ctx.proceed();
    }
}
