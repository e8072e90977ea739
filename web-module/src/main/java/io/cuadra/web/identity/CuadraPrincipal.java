package io.cuadra.web.identity;

import io.cuadra.identity.application.UserSummary;
import io.cuadra.identity.infrastructure.security.AccessTokens;

import java.io.Serializable;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;

/**
 * The authenticated user as the web boundary carries it: from a verified token or the HTTP session.
 * {@code tokenVersion} and {@code sessionId} (a token's refresh-token family; none for a back-office
 * session) are checked against the database on every request.
 */
public record CuadraPrincipal(String name, long userId, long tenantId, Set<String> roles, boolean allLocations,
                              Set<Long> locationIds, long tokenVersion, UUID sessionId)
        implements Principal, Serializable {

    static CuadraPrincipal of(UserSummary u) {
        return new CuadraPrincipal(u.email(), u.id(), u.tenantId(), Set.copyOf(u.roles()), u.allLocations(),
                Set.copyOf(u.locationIds()), u.tokenVersion(), null);
    }

    static CuadraPrincipal of(AccessTokens.TokenClaims c) {
        return new CuadraPrincipal(c.email(), c.userId(), c.tenantId(), c.roles(), c.allLocations(), c.locationIds(),
                c.tokenVersion(), c.sessionId());
    }

    @Override
    public String getName() {
        return name;
    }
}
