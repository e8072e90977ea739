package io.cuadra.web.identity;

import io.cuadra.platform.application.Operator;

import java.io.Serializable;
import java.security.Principal;

/**
 * A platform operator as the web boundary carries it (token or back-office session). Not a
 * {@link CuadraPrincipal}: it has no tenant, and {@link CallerFilter} lets it reach the platform's pages
 * and API only.
 */
public record OperatorPrincipal(Operator operator) implements Principal, Serializable {

    @Override
    public String getName() {
        return operator.email();
    }
}
