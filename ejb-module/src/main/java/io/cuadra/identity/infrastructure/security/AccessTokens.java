package io.cuadra.identity.infrastructure.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.cuadra.identity.domain.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens in the MicroProfile JWT format (RS256; {@code upn}, {@code groups}), carrying the
 * tenant and the locations the user works at, the user's token version ({@code tv}) and the session
 * ({@code sid}, the refresh-token family). Valid 30 minutes; refresh tokens renew them.
 */
@ApplicationScoped
public class AccessTokens {

    public static final Duration LIFETIME = Duration.ofMinutes(30);
    public static final String OPERATOR_ROLE = "PLATFORM_OPERATOR";
    private static final String OPERATOR_SUBJECT = "operator:";

    /** Verified tokens kept at most; beyond, the expired ones go, and if that is not enough, all. */
    static final int CACHED_TOKENS = 20_000;

    @Inject
    TokenKeys keys;

    /**
     * Tokens whose signature, issuer and claims were checked, until they expire: the same string cannot verify
     * otherwise later, and the RSA check and JSON parse cost more than a simple request's query. Revocation is
     * not decided here (SessionValidity asks the database's token version and session on every request).
     */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(TokenClaims claims, Instant expiresAt) {
    }

    @Inject
    @ConfigProperty(name = "cuadra.jwt.issuer", defaultValue = "https://cuadra.local")
    String issuer;

    /** A token of the session {@code session} (its refresh-token family), bound to the user's token version. */
    public String issue(User user, UUID session, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(Long.toString(user.getId()))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("upn", user.loginName())
                .claim("groups", new ArrayList<>(user.roleCodes()))
                .claim("tenant", user.getTenantId())
                .claim("locations", user.locationIds().stream().sorted().toList())
                .claim("allLocations", user.worksInAllLocations())
                .claim("tv", user.getTokenVersion())
                .claim("sid", session.toString())
                .build();
        return sign(claims);
    }

    /**
     * A platform operator's token: its subject is not a user id and it names no tenant, so {@link #verify}
     * refuses it, and a tenant's token lacks the {@code platform} claim {@link #verifyOperator} requires.
     */
    public String issueOperator(long operatorId, String email, long tokenVersion, Instant now) {
        return sign(new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(OPERATOR_SUBJECT + operatorId)
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .claim("upn", email)
                .claim("groups", List.of(OPERATOR_ROLE))
                .claim("platform", true)
                .claim("tv", tokenVersion)
                .build());
    }

    private String sign(JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(keys.privateKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
        return jwt.serialize();
    }

    /** An operator token's claims when its signature, issuer and expiry hold and it is an operator's. */
    public Optional<OperatorClaims> verifyOperator(String token, Instant now) {
        try {
            Optional<JWTClaimsSet> verified = verifiedClaims(token, now);
            if (verified.isEmpty()) {
                return Optional.empty();
            }
            JWTClaimsSet c = verified.get();
            Long tokenVersion = c.getLongClaim("tv");
            if (!Boolean.TRUE.equals(c.getBooleanClaim("platform")) || c.getClaim("tenant") != null
                    || tokenVersion == null || c.getSubject() == null || !c.getSubject().startsWith(OPERATOR_SUBJECT)) {
                return Optional.empty();
            }
            return Optional.of(new OperatorClaims(Long.parseLong(c.getSubject().substring(OPERATOR_SUBJECT.length())),
                    c.getStringClaim("upn"), tokenVersion));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<JWTClaimsSet> verifiedClaims(String token, Instant now) throws ParseException, JOSEException {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())
                || !jwt.verify(new RSASSAVerifier(keys.publicKey()))) {
            return Optional.empty();
        }
        JWTClaimsSet c = jwt.getJWTClaimsSet();
        if (!issuer.equals(c.getIssuer()) || c.getExpirationTime() == null
                || !c.getExpirationTime().toInstant().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(c);
    }

    /** The token's claims when its signature, issuer and expiry hold; empty otherwise. */
    public Optional<TokenClaims> verify(String token, Instant now) {
        Verified known = verified.get(token);
        if (known != null) {
            if (known.expiresAt().isAfter(now)) {
                return Optional.of(known.claims());
            }
            verified.remove(token);
            return Optional.empty();
        }
        Optional<TokenClaims> claims = verifyFully(token, now);
        claims.ifPresent(c -> remember(token, c, now));
        return claims;
    }

    private void remember(String token, TokenClaims claims, Instant now) {
        if (verified.size() >= CACHED_TOKENS) {
            verified.values().removeIf(v -> !v.expiresAt().isAfter(now));
            if (verified.size() >= CACHED_TOKENS) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(claims, claims.expiresAt()));
    }

    private Optional<TokenClaims> verifyFully(String token, Instant now) {
        try {
            Optional<JWTClaimsSet> verified = verifiedClaims(token, now);
            if (verified.isEmpty() || verified.get().getClaim("platform") != null) {
                return Optional.empty();
            }
            JWTClaimsSet c = verified.get();
            Set<Long> locations = new HashSet<>();
            List<Object> raw = c.getListClaim("locations");
            if (raw != null) {
                raw.forEach(o -> locations.add(((Number) o).longValue()));
            }
            Long tokenVersion = c.getLongClaim("tv");
            String session = c.getStringClaim("sid");
            if (tokenVersion == null || session == null) {
                return Optional.empty();
            }
            return Optional.of(new TokenClaims(Long.parseLong(c.getSubject()), c.getLongClaim("tenant"),
                    c.getStringClaim("upn"), Set.copyOf(c.getStringListClaim("groups")),
                    Boolean.TRUE.equals(c.getBooleanClaim("allLocations")), Set.copyOf(locations), tokenVersion,
                    UUID.fromString(session), c.getExpirationTime().toInstant()));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** What a verified operator token says: checked against the operator's current token version. */
    public record OperatorClaims(long operatorId, String email, long tokenVersion) {
    }

    /**
     * What a verified access token says about its bearer. A valid signature is not enough: the
     * {@code tokenVersion} and {@code sessionId} must still be current (SessionValidity).
     */
    public record TokenClaims(long userId, long tenantId, String email, Set<String> roles, boolean allLocations,
                              Set<Long> locationIds, long tokenVersion, UUID sessionId, Instant expiresAt) {
    }
}
