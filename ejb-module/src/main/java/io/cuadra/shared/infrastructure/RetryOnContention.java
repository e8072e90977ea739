package io.cuadra.shared.infrastructure;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a boundary (REST method, JSF action) whose work is one transaction begun inside it: when that
 * transaction dies of a deadlock or a serialization failure, {@link ContentionRetry} runs it once more.
 * Carried by {@code @Permitted}, so every guarded boundary has it.
 */
@Inherited
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
public @interface RetryOnContention {
}
