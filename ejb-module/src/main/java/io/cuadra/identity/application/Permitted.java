package io.cuadra.identity.application;

import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.shared.infrastructure.RetryOnContention;
import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares the permission a REST method or JSF action needs; {@link PermissionCheck} enforces it on
 * the server before the method runs (403 problem+json, or a message on the form). It carries
 * {@link RetryOnContention}: a guarded boundary whose transaction deadlocks is run once more.
 */
@Inherited
@InterceptorBinding
@RetryOnContention
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Permitted {

    @Nonbinding
    Module module() default Module.USERS;

    @Nonbinding
    Action action() default Action.VIEW;
}
