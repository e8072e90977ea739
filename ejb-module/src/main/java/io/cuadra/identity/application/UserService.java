package io.cuadra.identity.application;

import io.cuadra.identity.domain.Location;
import io.cuadra.identity.domain.PasswordPolicy;
import io.cuadra.identity.domain.Role;
import io.cuadra.identity.domain.User;
import io.cuadra.identity.infrastructure.security.PasswordHasher;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.Versions;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import io.cuadra.audit.application.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Creating, editing and deactivating users, and assigning their roles and locations. */
@Stateless
public class UserService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuthService auth;

    @Inject
    AuditTrail audit;

    private final PasswordPolicy policy = new PasswordPolicy();

    public List<User> list() {
        return em.createQuery("select u from User u order by u.lastName, u.firstName", User.class).getResultList();
    }

    /**
     * Names of the active users whose roles grant {@code permission} at a location: whom to ask when a
     * step needs someone else (a count waiting for confirmation names who can confirm it).
     */
    public List<String> namesHolding(io.cuadra.identity.domain.Permission permission, long locationId) {
        return list().stream().filter(User::isActive)
                .filter(u -> u.permissions().contains(permission))
                .filter(u -> u.worksInAllLocations() || u.locationIds().contains(locationId))
                .map(User::fullName).toList();
    }

    public User find(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NotFound("No user " + id + ".").withKey("identity.user", id);
        }
        return user;
    }

    /** The signed-in user's own choice of language: everyone may make it, it needs no permission. */
    public void chooseOwnLanguage(String language) {
        find(CurrentCaller.require().userId()).speak(language);
    }

    /** The language a user chose, read at sign-in before the tenant context of the request is set. */
    public java.util.Optional<String> languageOf(long userId) {
        return CrossTenantSql.query(em, "select language from users where id = ?").setParameter(1, userId)
                .getResultStream().filter(java.util.Objects::nonNull).map(String.class::cast).findFirst();
    }

    public User create(String email, String firstName, String lastName, String phone, String password,
                       Set<String> roleCodes, Set<Long> locationIds) {
        return create(email, null, firstName, lastName, phone, password, roleCodes, locationIds);
    }

    /**
     * A user who signs in by e-mail (unique across tenants: it alone finds the tenant), by username
     * (unique within the tenant, typed as {@code username@tenant-slug}), or both. Neither sign-in name
     * may read as the other's: an e-mail equal to someone's {@code username@slug} is refused, and back.
     */
    public User create(String email, String username, String firstName, String lastName, String phone,
                       String password, Set<String> roleCodes, Set<Long> locationIds) {
        String normalized = User.normalizeEmail(email);
        String name = User.checkedUsername(username);
        if (normalized.isEmpty() && name == null) {
            throw new RuleViolation("email: a user signs in with an e-mail address or a username; give one.").withKey("identity.userSignsMail");
        }
        if (!normalized.isEmpty()) {
            refuseTakenEmail(normalized);
        }
        if (name != null) {
            refuseTakenUsername(name);
        }
        policy.refusal("password", password, normalized.isEmpty() ? name : normalized, firstName, lastName)
                .ifPresent(refusal -> {
                    throw refusal;
                });
        User user = new User(normalized, name, firstName, lastName, hasher.hash(password));
        user.rename(firstName, lastName, phone);
        user.assignRoles(roles(roleCodes));
        user.assignLocations(locations(locationIds));
        em.persist(user);
        em.flush();
        return user;
    }

    private void refuseTakenEmail(String email) {
        Number taken = (Number) CrossTenantSql.query(em, "select count(*) from users u where u.email = ? or exists "
                        + "(select 1 from tenants t where t.id = u.tenant_id and u.username || '@' || t.slug = ?)")
                .setParameter(1, email).setParameter(2, email).getSingleResult();
        if (taken.longValue() > 0) {
            throw new Conflict("The e-mail " + email + " already has an account.").withKey("identity.mailAlreadyAccount", email);
        }
    }

    private void refuseTakenUsername(String username) {
        Number taken = (Number) CrossTenantSql.query(em, "select count(*) from users u where (u.tenant_id = ? and "
                        + "u.username = ?) or u.email = (select ? || '@' || t.slug from tenants t where t.id = ?)")
                .setParameter(1, tenantId()).setParameter(2, username).setParameter(3, username)
                .setParameter(4, tenantId()).getSingleResult();
        if (taken.longValue() > 0) {
            throw new Conflict("The username " + username + " is already taken in this company.").withKey("identity.usernameAlreadyTaken", username);
        }
    }

    private static long tenantId() {
        return TenantContext.require().tenantId();
    }

    /**
     * An administrator sets a user's password: the way back in for users without an e-mail, who cannot
     * receive a reset link. Every session of the user ends.
     */
    public void setPassword(long id, String newPassword) {
        User user = find(id);
        policy.refusal("password", newPassword, user.loginName(), user.getFirstName(), user.getLastName())
                .ifPresent(refusal -> {
                    throw refusal;
                });
        user.changePassword(hasher.hash(newPassword));
        auth.sessionsEndedFor(Set.of(user.getId()));
        audit.security(TenantContext.require(), "password.set-by-admin", "User", user.getId(), null);
        em.flush();
    }

    public User update(long id, long expectedVersion, String firstName, String lastName, String phone,
                       boolean active, Set<String> roleCodes, Set<Long> locationIds) {
        User user = find(id);
        Versions.expect(expectedVersion, user.getVersion(), "User " + user.loginName());
        long tokenVersion = user.getTokenVersion();
        user.rename(firstName, lastName, phone);
        user.activate(active);
        user.assignRoles(roles(roleCodes));
        user.assignLocations(locations(locationIds));
        if (user.getTokenVersion() != tokenVersion) {
            // Deactivated, or what the user's tokens say changed: every session of the user ends now.
            auth.sessionsEndedFor(Set.of(user.getId()));
        }
        em.flush();
        return user;
    }

    /** An administrator sends the user a reset link (same mail as "forgot password"). */
    public void sendPasswordReset(long id, ClientInfo client) {
        User user = find(id);
        if (!user.hasEmail()) {
            throw new RuleViolation("email: " + user.loginName() + " has no e-mail address to send a link to; "
                    + "set a new password for them instead.").withKey("identity.mailAddressSend", user.loginName());
        }
        auth.requestPasswordReset(user.getEmail(), client);
    }

    private List<Role> roles(Set<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new RuleViolation("roles: a user needs at least one role.").withKey("identity.userNeedsLeast");
        }
        List<Role> roles = em.createQuery("select r from Role r where r.code in :codes", Role.class)
                .setParameter("codes", codes).getResultList();
        if (roles.size() != codes.size()) {
            List<String> unknown = new ArrayList<>(codes);
            roles.forEach(r -> unknown.remove(r.getCode()));
            throw new RuleViolation("roles: unknown role(s) " + unknown + ".").withKey("identity.unknownRoleS", unknown);
        }
        return roles;
    }

    private List<Location> locations(Set<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return List.of();
        }
        List<Location> locations = em.createQuery("select l from Location l where l.id in :ids", Location.class)
                .setParameter("ids", ids).getResultList();
        if (locations.size() != ids.size()) {
            throw new RuleViolation("locations: unknown location id(s).").withKey("identity.unknownLocationId");
        }
        return locations;
    }
}
