package io.cuadra.identity.application;

import io.cuadra.identity.domain.User;

import java.util.Set;

/** A user as other components and boundaries see it; {@code email} is the login name (e-mail or username). */
public record UserSummary(long id, long tenantId, String email, String firstName, String lastName, boolean active,
                          Set<String> roles, boolean allLocations, Set<Long> locationIds, long tokenVersion) {

    public static UserSummary of(User u) {
        return new UserSummary(u.getId(), u.getTenantId() == null ? 0 : u.getTenantId(), u.loginName(),
                u.getFirstName(), u.getLastName(), u.isActive(), u.roleCodes(), u.worksInAllLocations(),
                u.locationIds(), u.getTokenVersion());
    }
}
