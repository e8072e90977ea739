package io.cuadra.identity.domain;


import io.cuadra.audit.domain.NotAudited;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person who signs in with an e-mail address or a username (unique within the tenant; SIPUD's staff
 * have no e-mail), holds roles, and works at assigned locations.
 */
@Entity
@Table(name = "users")
public class User extends TenantEntity {

    private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,39}$");

    @Column(updatable = false)
    private String email;
    /** Signs in as {@code username@tenant-slug}; null for users who sign in by e-mail only. */
    @Column(updatable = false)
    private String username;
    @NotAudited
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    @Column(name = "first_name", nullable = false)
    private String firstName;
    @Column(name = "last_name", nullable = false)
    private String lastName;
    private String phone;
    @Column(nullable = false)
    private boolean active = true;
    @NotAudited
    @Column(name = "last_login_at")
    private Instant lastLoginAt;
    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;
    /** Raised to end every session of the user at once: tokens and sessions carry the value they began with. */
    @NotAudited
    @Column(name = "token_version", nullable = false)
    private long tokenVersion;
    /** The back office's language the user chose (es, en, fr), or null: a preference, not business data. */
    @NotAudited
    private String language;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "user_roles", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new HashSet<>();

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "user_locations", joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "location_id"))
    private Set<Location> locations = new HashSet<>();

    protected User() {
    }

    public User(String email, String firstName, String lastName, String passwordHash) {
        this(email, null, firstName, lastName, passwordHash);
    }

    /** E-mail, username or both; at least one, since it is what the person signs in with. */
    public User(String email, String username, String firstName, String lastName, String passwordHash) {
        String e = normalizeEmail(email);
        this.email = e.isEmpty() ? null : e;
        this.username = checkedUsername(username);
        if (this.email == null && this.username == null) {
            throw new RuleViolation("email: a user signs in with an e-mail address or a username; give one.").withKey("identity.userSignsMail");
        }
        this.firstName = firstName;
        this.lastName = lastName;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = Instant.now();
    }

    public static String normalizeEmail(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    /** Lower case, 2 to 40 of a-z 0-9 . _ - (no '@': the sign-in name adds "@tenant"); blank is none. */
    public static String checkedUsername(String username) {
        if (username == null || username.isBlank()) {
            return null;
        }
        String u = username.strip().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(u).matches()) {
            throw new RuleViolation("username: 2 to 40 letters, digits, '.', '_' or '-', starting with a letter or "
                    + "digit; got \"" + username + "\".").withKey("identity.lettersDigitsStarting", username);
        }
        return u;
    }

    /** What names the user in tokens and the audit log: the e-mail, or the username when there is none. */
    public String loginName() {
        return email != null ? email : username;
    }

    /** A username-only user cannot receive a reset link: an administrator sets the password. */
    public boolean hasEmail() {
        return email != null;
    }

    public void rename(String firstName, String lastName, String phone) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.phone = phone;
    }

    public void changePassword(String newHash) {
        this.passwordHash = newHash;
        this.passwordChangedAt = Instant.now();
        endSessions();
    }

    public void recordLogin(Instant at) {
        this.lastLoginAt = at;
    }

    public void activate(boolean active) {
        if (this.active && !active) {
            endSessions();
        }
        this.active = active;
    }

    /** New roles change what the user's tokens say (groups, all locations): the old ones end. */
    public void assignRoles(Collection<Role> newRoles) {
        if (!roleCodes().equals(newRoles.stream().map(Role::getCode).collect(Collectors.toSet()))) {
            endSessions();
        }
        roles.clear();
        roles.addAll(newRoles);
    }

    public void assignLocations(Collection<Location> newLocations) {
        if (!locationIds().equals(newLocations.stream().map(Location::getId).collect(Collectors.toSet()))) {
            endSessions();
        }
        locations.clear();
        locations.addAll(newLocations);
    }

    /**
     * Every access token and back-office session of the user stops working: they carry the token
     * version they were issued with, and requests compare it with this one.
     */
    public void endSessions() {
        tokenVersion++;
    }

    public long getTokenVersion() {
        return tokenVersion;
    }

    /** Union of the permissions of every role the user holds. */
    public Set<Permission> permissions() {
        return roles.stream().flatMap(r -> r.permissions().stream()).collect(Collectors.toUnmodifiableSet());
    }

    /** Admins and accountants act in every location of their tenant; the others only where assigned. */
    public boolean worksInAllLocations() {
        return roles.stream().anyMatch(Role::isAllLocations);
    }

    public Set<String> roleCodes() {
        return roles.stream().map(Role::getCode).collect(Collectors.toUnmodifiableSet());
    }

    public Set<Long> locationIds() {
        return locations.stream().map(Location::getId).collect(Collectors.toUnmodifiableSet());
    }

    public String fullName() {
        return firstName + " " + lastName;
    }

    public String getEmail() {
        return email;
    }

    public String getUsername() {
        return username;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public String getPhone() {
        return phone;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public Set<Location> getLocations() {
        return Set.copyOf(locations);
    }

    public String getLanguage() {
        return language;
    }

    /** Remembers the back office's language; only the languages the back office is written in. */
    public void speak(String language) {
        if (language != null && !java.util.Set.of("es", "en", "fr").contains(language)) {
            throw new io.cuadra.shared.domain.RuleViolation("language: es, en or fr.");
        }
        this.language = language;
    }
}
