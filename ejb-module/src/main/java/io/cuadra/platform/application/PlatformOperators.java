package io.cuadra.platform.application;

import io.cuadra.shared.cluster.ClusterLocks;
import io.cuadra.identity.application.Secrets;
import io.cuadra.identity.domain.PasswordPolicy;
import io.cuadra.identity.infrastructure.security.AccessTokens;
import io.cuadra.identity.infrastructure.security.PasswordHasher;
import io.cuadra.platform.domain.PlatformOperator;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Platform operators: the first-run setup link, choosing the password, signing in, and the check every
 * request of an operator passes (still active, token version unchanged).
 */
@Stateless
public class PlatformOperators {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @Inject
    PasswordHasher hasher;

    @Inject
    AccessTokens tokens;

    static final int MAX_FAILURES = 5;
    static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);

    private final PasswordPolicy policy = new PasswordPolicy();

    /**
     * The first-run step: the operator named by the environment gets a single-use link to choose a password,
     * unless they already have one. Answers the link's token, or empty when nothing is to be done.
     */
    public Optional<String> setupLinkIfUnset(String email) {
        ClusterLocks.serialize(em, "operator-setup"); // instances of a cluster start together
        Instant now = now();
        PlatformOperator operator = find(email).orElseGet(() -> {
            PlatformOperator created = new PlatformOperator(email, "system:first-run", now);
            em.persist(created);
            return created;
        });
        if (operator.getPasswordHash() != null) {
            return Optional.empty();
        }
        String token = Secrets.newToken();
        operator.expectSetup(Secrets.sha256(token), now);
        em.flush();
        return Optional.of(token);
    }

    /** Spends a setup link: the password must pass the same policy as every user's. */
    public void choosePassword(String token, String password) {
        Instant now = now();
        PlatformOperator operator = em.createQuery(
                        "select o from PlatformOperator o where o.setupTokenHash = :h", PlatformOperator.class)
                .setParameter("h", Secrets.sha256(token == null ? "" : token))
                .getResultStream().findFirst()
                .filter(o -> o.setupUsable(now))
                .orElseThrow(() -> new RuleViolation("This setup link is invalid, used or expired: restart the server"
                        + " with CUADRA_OPERATOR_EMAIL set to get a new one.").withKey("platform.setupLinkInvalid"));
        policy.refusal("password", password, operator.getEmail()).ifPresent(refusal -> {
            throw refusal;
        });
        operator.choosePassword(hasher.hash(password), now);
        em.flush();
    }

    /**
     * The operator changes their own password, proving the current one; every session and token of theirs
     * ends (the token version moves), so a stolen session does not outlive the change.
     */
    public void changePassword(Operator who, String current, String next) {
        PlatformOperator operator = em.find(PlatformOperator.class, who.id());
        if (operator == null || !operator.maySignIn()
                || !hasher.matches(current == null ? "" : current, operator.getPasswordHash())) {
            throw new RuleViolation("currentPassword: the current password is not right.").withKey("platform.currentPasswordWrong");
        }
        policy.refusal("password", next, operator.getEmail()).ifPresent(refusal -> {
            throw refusal;
        });
        operator.choosePassword(hasher.hash(next), now());
        em.flush();
    }

    /** The demo's operator (run command and tests only): a documented password, like the demo users. */
    public void ensureDemo(String email, String password) {
        if (find(email).isEmpty()) {
            PlatformOperator operator = new PlatformOperator(email, "system:demo", now());
            operator.choosePassword(hasher.hash(password), now());
            em.persist(operator);
            em.flush();
        }
    }

    /**
     * Checks the password; an unknown e-mail costs the same time as a wrong password. Five failures for one
     * e-mail within 15 minutes refuse it, right password or not, until 15 minutes have passed without one
     * (the failures are kept with the users' ones, under a key no user's e-mail can have).
     */
    public Optional<OperatorSignIn> signIn(String email, String password, boolean issueToken) {
        String raw = password == null ? "" : password;
        String key = "platform:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        String throttle = key.substring(0, Math.min(key.length(), 200)); // login_failures.email is varchar(200)
        Instant now = now();
        Number recent = (Number) CrossTenantSql.query(em, "select count(*) from login_failures where email = ?1 and at > ?2")
                .setParameter(1, throttle).setParameter(2, Timestamp.from(now.minus(FAILURE_WINDOW))).getSingleResult();
        Optional<PlatformOperator> found;
        try {
            found = find(PlatformOperator.normalizeEmail(email));
        } catch (RuleViolation notAnEmail) {
            found = Optional.empty();
        }
        boolean ok = found.isPresent() && found.get().maySignIn() && recent.longValue() < MAX_FAILURES
                ? hasher.matches(raw, found.get().getPasswordHash()) : hasher.matchesNothing(raw);
        if (!ok) {
            CrossTenantSql.query(em, "insert into login_failures (id, email, at) values (nextval('cuadra_id_seq'), ?1, ?2)")
                    .setParameter(1, throttle).setParameter(2, Timestamp.from(now)).executeUpdate();
            return Optional.empty();
        }
        CrossTenantSql.query(em, "delete from login_failures where email = ?1").setParameter(1, throttle).executeUpdate();
        PlatformOperator operator = found.get();
        operator.recordLogin(now);
        Operator who = new Operator(operator.getId(), operator.getEmail(), operator.getTokenVersion());
        String token = issueToken ? tokens.issueOperator(who.id(), who.email(), who.tokenVersion(), now) : null;
        return Optional.of(new OperatorSignIn(who, token, AccessTokens.LIFETIME.toSeconds()));
    }

    /** Whether a token or back-office session of this operator still holds; read from the table each time. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean admits(long operatorId, long tokenVersion) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em,
                        "select token_version, active and password_hash is not null from platform_operators where id = ?1")
                .setParameter(1, operatorId).getResultList();
        return !rows.isEmpty() && ((Number) rows.get(0)[0]).longValue() == tokenVersion
                && Boolean.TRUE.equals(rows.get(0)[1]);
    }

    private Optional<PlatformOperator> find(String email) {
        return em.createQuery("select o from PlatformOperator o where o.email = :e", PlatformOperator.class)
                .setParameter("e", PlatformOperator.normalizeEmail(email)).getResultStream().findFirst();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
