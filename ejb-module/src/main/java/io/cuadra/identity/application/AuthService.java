package io.cuadra.identity.application;

import io.cuadra.identity.events.PasswordResetRequested;
import io.cuadra.identity.domain.PasswordPolicy;
import io.cuadra.identity.domain.PasswordResetToken;
import io.cuadra.identity.domain.RefreshToken;
import io.cuadra.identity.domain.User;
import io.cuadra.audit.application.AuditTrail;
import io.cuadra.identity.infrastructure.security.AccessTokens;
import io.cuadra.identity.infrastructure.security.PasswordHasher;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signing in and staying signed in: password check with lockout, access and refresh tokens with
 * rotation and replay detection, sign-out, and password reset by e-mail. Every security event lands
 * in the audit log of the user's tenant.
 */
@Stateless
public class AuthService {

    static final int MAX_FAILURES = 5;
    /** username@tenant-slug: the username's own rule, and a slug never has a dot (so no e-mail domain). */
    static final Pattern USERNAME_AT_TENANT = Pattern.compile("^([a-z0-9][a-z0-9._-]{1,39})@([a-z0-9][a-z0-9-]*)$");
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    AccessTokens accessTokens;

    @Inject
    AuditTrail audit;

    @Inject
    Event<PasswordResetRequested> resetRequested;

    @Inject
    Event<SessionsEnded> sessionsEnded;

    @Inject
    @ConfigProperty(name = "cuadra.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    private final PasswordPolicy policy = new PasswordPolicy();

    /**
     * Checks the password; with {@code issueTokens} also starts a refresh-token family (REST clients).
     * The sign-in name is an e-mail address or {@code username@tenant-slug} (see {@link #findUser}).
     */
    public LoginOutcome signIn(String rawEmail, String password, ClientInfo client, boolean issueTokens) {
        String email = User.normalizeEmail(rawEmail);
        Instant now = now();
        Optional<UserRef> ref = findUser(email);
        Optional<Instant> lockedUntil = lockedUntil(email, now);
        if (lockedUntil.isPresent()) {
            hasher.matchesNothing(password);
            ref.ifPresent(r -> as(r, client, () -> {
                audit.security(actor(r, client), "login.refused-locked", "User", r.id(), null);
                return null;
            }));
            return new LoginOutcome.LockedOut(lockedUntil.get());
        }
        if (ref.isEmpty()) {
            hasher.matchesNothing(password);
            return recordFailure(email, null, client, now);
        }
        UserRef r = ref.get();
        return as(r, client, () -> {
            User user = em.find(User.class, r.id());
            boolean ok = hasher.matches(password, user.getPasswordHash());
            if (!ok || !user.isActive()) {
                return recordFailure(email, r, client, now);
            }
            if (!tenantActive(r.tenantId())) {
                // The password was right: say why, so the person calls their company instead of resetting it.
                audit.security(actor(r, client), "login.refused-suspended", "User", r.id(), null);
                return new LoginOutcome.TenantSuspended();
            }
            clearFailures(email);
            user.recordLogin(now);
            audit.security(actor(r, client), "login.succeeded", "User", user.getId(), null);
            LoginOutcome.Tokens tokens = issueTokens ? newTokens(user, UUID.randomUUID(), now) : null;
            em.flush();
            return new LoginOutcome.SignedIn(UserSummary.of(user), tokens);
        });
    }

    /**
     * Trades a refresh token for a new pair. The old one is retired; presenting a retired token again
     * revokes its whole family, so a stolen token dies with the legitimate one.
     */
    public Optional<LoginOutcome.Tokens> refresh(String refreshToken, ClientInfo client) {
        Instant now = now();
        Optional<RefreshToken> found = findRefreshToken(refreshToken);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RefreshToken token = found.get();
        UserRef r = new UserRef(token.getUserId(), token.getTenantId());
        return as(r, client, () -> {
            if (token.isRetired()) {
                revokeFamily(token.getFamilyId(), now);
                audit.security(actor(r, client), "token.reuse-detected", "User", r.id(),
                        "{\"family\":\"" + token.getFamilyId() + "\"}");
                return Optional.empty();
            }
            if (!token.isUsable(now)) {
                return Optional.empty();
            }
            token.use(now);
            User user = em.find(User.class, r.id());
            if (user == null || !user.isActive() || !tenantActive(r.tenantId())) {
                revokeFamily(token.getFamilyId(), now);
                return Optional.empty();
            }
            LoginOutcome.Tokens tokens = newTokens(user, token.getFamilyId(), now);
            em.flush();
            return Optional.of(tokens);
        });
    }

    /**
     * Ends the session that the refresh token belongs to: its refresh tokens and, within a second on
     * every server, its access tokens. Unknown tokens are ignored.
     */
    public void signOut(String refreshToken, ClientInfo client) {
        findRefreshToken(refreshToken).ifPresent(token -> {
            UserRef r = new UserRef(token.getUserId(), token.getTenantId());
            as(r, client, () -> {
                revokeFamily(token.getFamilyId(), now());
                audit.security(actor(r, client), "logout", "User", r.id(), null);
                sessionsEnded.fire(new SessionsEnded(Set.of(r.id())));
                return null;
            });
        });
    }

    /**
     * The user's token version was raised in this transaction ({@link User#endSessions()}): its refresh
     * tokens die too, and this server forgets the user's session state after commit.
     */
    public void sessionsEndedFor(Set<Long> userIds) {
        Instant now = now();
        for (long userId : userIds) {
            revokeAllOf(userId, now);
        }
        sessionsEnded.fire(new SessionsEnded(userIds));
    }

    /** A JSF session ended: audited like a token sign-out. */
    public void recordSessionSignOut(long userId, long tenantId, ClientInfo client) {
        UserRef r = new UserRef(userId, tenantId);
        as(r, client, () -> {
            audit.security(actor(r, client), "logout", "User", userId, null);
            return null;
        });
    }

    /**
     * Queues a single-use reset link valid one hour through the notifications (PASSWORD_RESET, sent after
     * commit by the outbox worker), so neither a slow nor a failing mail server shows in the answer.
     * Asynchronous: the caller answers at once and the same for every e-mail — same status, same body, and no time spent on an existing account that an
     * unknown one would not cost.
     */
    @Asynchronous
    public void requestPasswordReset(String rawEmail, ClientInfo client) {
        String email = User.normalizeEmail(rawEmail);
        findUser(email).ifPresent(r -> as(r, client, () -> {
            User user = em.find(User.class, r.id());
            if (!user.isActive()) {
                return null;
            }
            if (!user.hasEmail()) {
                // Nowhere to send a link: an administrator sets the password. The answer stays the same.
                audit.security(actor(r, client), "password.reset-refused-no-email", "User", r.id(), null);
                return null;
            }
            String token = Secrets.newToken();
            em.persist(new PasswordResetToken(r.tenantId(), r.id(), Secrets.sha256(token), now()));
            audit.security(actor(r, client), "password.reset-requested", "User", r.id(), null);
            resetRequested.fire(new PasswordResetRequested(user.getId(), user.getEmail(), user.getFirstName(),
                    user.getLanguage(), publicUrl + "reset-password.xhtml?token=" + token, token));
            return null;
        }));
    }

    /** Sets a new password with a reset token; the token is spent and every session of the user ends. */
    public void resetPassword(String token, String newPassword, ClientInfo client) {
        Instant now = now();
        PasswordResetToken reset = em.createQuery(
                        "select t from PasswordResetToken t where t.tokenHash = :h", PasswordResetToken.class)
                .setParameter("h", Secrets.sha256(token == null ? "" : token))
                .getResultStream().findFirst()
                .filter(t -> t.isUsable(now))
                .orElseThrow(() -> new RuleViolation("This reset link is invalid, used or expired: ask for a new one.").withKey("identity.resetLinkInvalid"));
        UserRef r = new UserRef(reset.getUserId(), reset.getTenantId());
        as(r, client, () -> {
            User user = em.find(User.class, r.id());
            policy.refusal(null, newPassword, user.loginName(), user.getFirstName(), user.getLastName())
                    .ifPresent(refusal -> {
                        throw refusal;
                    });
            user.changePassword(hasher.hash(newPassword));
            reset.use(now);
            sessionsEndedFor(Set.of(user.getId()));
            clearFailures(signInName(user));
            audit.security(actor(r, client), "password.reset", "User", user.getId(), null);
            em.flush();
            return null;
        });
    }

    private LoginOutcome recordFailure(String email, UserRef ref, ClientInfo client, Instant now) {
        CrossTenantSql.query(em, "insert into login_failures (id, email, at, ip) values (nextval('cuadra_id_seq'), ?, ?, ?)")
                .setParameter(1, email).setParameter(2, Timestamp.from(now)).setParameter(3, client.ip())
                .executeUpdate();
        long recent = ((Number) CrossTenantSql.query(em, "select count(*) from login_failures where email = ? and at > ?")
                .setParameter(1, email).setParameter(2, Timestamp.from(now.minus(FAILURE_WINDOW)))
                .getSingleResult()).longValue();
        boolean lock = recent >= MAX_FAILURES;
        Instant until = now.plus(LOCKOUT);
        if (lock) {
            CrossTenantSql.query(em, "insert into login_lockouts (email, locked_until) values (?, ?) "
                            + "on conflict (email) do update set locked_until = excluded.locked_until")
                    .setParameter(1, email).setParameter(2, Timestamp.from(until)).executeUpdate();
        }
        if (ref != null) {
            audit.security(actor(ref, client), "login.failed", "User", ref.id(), null);
            if (lock) {
                audit.security(actor(ref, client), "login.locked-out", "User", ref.id(),
                        "{\"until\":\"" + until + "\"}");
            }
        }
        return lock ? new LoginOutcome.LockedOut(until) : new LoginOutcome.Rejected();
    }

    private void clearFailures(String email) {
        CrossTenantSql.query(em, "delete from login_failures where email = ?").setParameter(1, email).executeUpdate();
        CrossTenantSql.query(em, "delete from login_lockouts where email = ?").setParameter(1, email).executeUpdate();
    }

    private Optional<Instant> lockedUntil(String email, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object> rows = CrossTenantSql.query(em, "select locked_until from login_lockouts where email = ? "
                + "and locked_until > ?").setParameter(1, email).setParameter(2, Timestamp.from(now)).getResultList();
        return rows.stream().findFirst().map(AuthService::instant);
    }

    private LoginOutcome.Tokens newTokens(User user, UUID family, Instant now) {
        String refresh = Secrets.newToken();
        em.persist(new RefreshToken(user.getTenantId(), user.getId(), family, Secrets.sha256(refresh), now));
        return new LoginOutcome.Tokens(accessTokens.issue(user, family, now), AccessTokens.LIFETIME.toSeconds(), refresh,
                RefreshToken.LIFETIME.toSeconds());
    }

    private Optional<RefreshToken> findRefreshToken(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return em.createQuery("select t from RefreshToken t where t.tokenHash = :h", RefreshToken.class)
                .setParameter("h", Secrets.sha256(token)).getResultStream().findFirst();
    }

    private void revokeFamily(UUID family, Instant now) {
        em.createQuery("update RefreshToken t set t.revokedAt = :now where t.familyId = :f and t.revokedAt is null")
                .setParameter("now", now).setParameter("f", family).executeUpdate();
    }

    private void revokeAllOf(long userId, Instant now) {
        em.createQuery("update RefreshToken t set t.revokedAt = :now where t.userId = :u and t.revokedAt is null")
                .setParameter("now", now).setParameter("u", userId).executeUpdate();
    }

    /** What the user types to sign in: the e-mail, else username@tenant-slug (lockouts are kept by it). */
    private String signInName(User user) {
        if (user.hasEmail()) {
            return user.getEmail();
        }
        return user.getUsername() + "@" + CrossTenantSql.query(em, "select slug from tenants where id = ?")
                .setParameter(1, user.getTenantId()).getSingleResult();
    }

    private boolean tenantActive(long tenantId) {
        return Boolean.TRUE.equals(CrossTenantSql.query(em, "select active from tenants where id = ?")
                .setParameter(1, tenantId).getSingleResult());
    }

    /**
     * The only lookup across tenants: an e-mail address alone names the account and its tenant (e-mails
     * are unique across tenants); otherwise {@code username@tenant-slug} names a username in the tenant
     * with that slug. A bare username names nothing: the same one may exist in several tenants.
     */
    private Optional<UserRef> findUser(String signInName) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select id, tenant_id from users where email = ?")
                .setParameter(1, signInName).getResultList();
        if (rows.isEmpty()) {
            Matcher m = USERNAME_AT_TENANT.matcher(signInName);
            if (m.matches()) {
                @SuppressWarnings("unchecked")
                List<Object[]> byName = CrossTenantSql.query(em, "select u.id, u.tenant_id from users u join tenants t "
                                + "on t.id = u.tenant_id where u.username = ? and t.slug = ?")
                        .setParameter(1, m.group(1)).setParameter(2, m.group(2)).getResultList();
                rows = byName;
            }
        }
        return rows.stream().findFirst()
                .map(row -> new UserRef(((Number) row[0]).longValue(), ((Number) row[1]).longValue()));
    }

    /** Runs with the user's tenant in scope and as the acting user, flushing while the actor is known. */
    private <T> T as(UserRef r, ClientInfo client, Callable<T> work) {
        try {
            return TenantContext.runAs(actor(r, client), () -> {
                em.setProperty(TenantContext.TENANT_PROPERTY, r.tenantId());
                T result = work.call();
                em.flush();
                return result;
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Actor actor(UserRef r, ClientInfo client) {
        String name = TenantContext.current().filter(a -> a.userId() != null && a.userId() == r.id())
                .map(Actor::name).orElseGet(() -> emailOf(r.id()));
        return new Actor(r.tenantId(), r.id(), name, client.ip(), client.userAgent());
    }

    private String emailOf(long userId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = CrossTenantSql.query(em, "select coalesce(email, username) from users where id = ?")
                .setParameter(1, userId)
                .getResultList();
        return rows.isEmpty() ? "user:" + userId : (String) rows.get(0);
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return Instant.parse(value.toString());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private record UserRef(long id, long tenantId) {
    }
}
