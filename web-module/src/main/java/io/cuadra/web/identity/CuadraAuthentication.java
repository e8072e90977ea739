package io.cuadra.web.identity;

import io.cuadra.identity.application.AuthService;
import io.cuadra.identity.application.ClientInfo;
import io.cuadra.identity.application.LoginOutcome;
import io.cuadra.identity.application.SessionValidity;
import io.cuadra.identity.infrastructure.security.AccessTokens;
import io.cuadra.platform.application.Operator;
import io.cuadra.platform.application.OperatorSignIn;
import io.cuadra.platform.application.PlatformOperators;
import io.cuadra.web.platform.Problem;
import io.cuadra.web.platform.RequestId;
import io.cuadra.web.platform.RequestLog;
import io.cuadra.web.platform.SecurityHeaders;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The one authentication mechanism of the application (Jakarta Security 3 allows one): a bearer
 * access token on /api and only there, the HTTP session of the JSF back office elsewhere, and the
 * credential the login page submits. The session cookie opens no API call, so no other site can make
 * a signed-in browser call the API. A token or session is honoured only while
 * {@link SessionValidity} admits it (sign-out, deactivation, new password or roles end it at once).
 * Unauthenticated API calls get a 401 problem; pages redirect to the login page. A suspended tenant's
 * tokens get a 403 problem that says so. Platform operators sign in the same ways (their own token kind,
 * their own login page) and are confined to the platform's pages and API by {@link CallerFilter}.
 */
@ApplicationScoped
public class CuadraAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_PRINCIPAL = "cuadra.principal";
    public static final String REQUEST_PRINCIPAL = "cuadra.principal";
    static final String LOGIN_OUTCOME = "cuadra.login-outcome";

    @EJB
    AuthService auth;

    @Inject
    AccessTokens tokens;

    @Inject
    SessionValidity validity;

    @EJB
    PlatformOperators operators;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext ctx) {
        SecurityHeaders.apply(request, response);
        Credential credential = ctx.getAuthParameters().getCredential();
        if (credential instanceof OperatorCredential form) {
            return operatorLogin(form, request, ctx);
        }
        if (credential instanceof UsernamePasswordCredential form) {
            return formLogin(form, request, ctx);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = authorization.substring(7).trim();
            Optional<AccessTokens.TokenClaims> claims = tokens.verify(token, Instant.now());
            if (claims.isEmpty()) {
                return operatorToken(token, request, response, ctx);
            }
            CuadraPrincipal p = CuadraPrincipal.of(claims.get());
            if (!validity.admits(p.userId(), p.tokenVersion(), p.sessionId())) {
                // A suspended tenant's tokens, even those issued before the suspension: 403 saying why.
                return validity.tenantSuspended(p.userId())
                        ? refuse(request, response, TenantSuspension.problem(), null)
                        : unauthorized(request, response, "The access token was revoked: sign in again.");
            }
            long maintenance = validity.maintenanceSecondsLeft(p.userId());
            if (maintenance > 0) {
                response.setHeader("Retry-After", Long.toString(maintenance));
                return refuse(request, response, TenantMaintenance.problem(maintenance), null);
            }
            return accept(p, request, ctx);
        }
        if (isApi(request)) {
            // Bearer tokens only: a browser's cookie is sent by whatever site triggers the request.
            return ctx.isProtected()
                    ? unauthorized(request, response, "Sign in first: send an access token from POST /api/auth/login.")
                    : ctx.doNothing();
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_PRINCIPAL) instanceof CuadraPrincipal p) {
            if (validity.admits(p.userId(), p.tokenVersion(), null)) {
                return accept(p, request, ctx);
            }
            session.invalidate();
        } else if (session != null && session.getAttribute(SESSION_PRINCIPAL) instanceof OperatorPrincipal op) {
            if (operators.admits(op.operator().id(), op.operator().tokenVersion())) {
                return accept(op, Set.of(AccessTokens.OPERATOR_ROLE), request, ctx);
            }
            session.invalidate();
        }
        if (!ctx.isProtected()) {
            return ctx.doNothing();
        }
        String target = request.getRequestURI().substring(request.getContextPath().length());
        if (target.startsWith("/platform/")) {
            return ctx.redirect(request.getContextPath() + "/platform/login.xhtml");
        }
        return ctx.redirect(request.getContextPath() + "/login.xhtml?next="
                + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext ctx) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SESSION_PRINCIPAL);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, ctx);
    }

    private AuthenticationStatus formLogin(UsernamePasswordCredential form, HttpServletRequest request,
                                           HttpMessageContext ctx) {
        LoginOutcome outcome = auth.signIn(form.getCaller(), form.getPasswordAsString(), clientOf(request), false);
        request.setAttribute(LOGIN_OUTCOME, outcome);
        if (outcome instanceof LoginOutcome.SignedIn signedIn) {
            CuadraPrincipal principal = CuadraPrincipal.of(signedIn.user());
            if (request.getSession(false) != null) {
                request.changeSessionId(); // no session fixation: the id seen before sign-in dies here
            }
            request.getSession(true).setAttribute(SESSION_PRINCIPAL, principal);
            return accept(principal, request, ctx);
        }
        // No 401 error page here: the login form says what went wrong beside its fields and keeps the e-mail.
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** An operator's bearer token (a tenant's token failed): valid only while the operator's version holds. */
    private AuthenticationStatus operatorToken(String token, HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext ctx) {
        Optional<AccessTokens.OperatorClaims> claims = tokens.verifyOperator(token, Instant.now());
        if (claims.isEmpty()) {
            return unauthorized(request, response, "The access token is invalid or expired.");
        }
        AccessTokens.OperatorClaims c = claims.get();
        if (!operators.admits(c.operatorId(), c.tokenVersion())) {
            return unauthorized(request, response, "The access token was revoked: sign in again.");
        }
        return accept(new OperatorPrincipal(new Operator(c.operatorId(), c.email(), c.tokenVersion())),
                Set.of(AccessTokens.OPERATOR_ROLE), request, ctx);
    }

    private AuthenticationStatus operatorLogin(OperatorCredential form, HttpServletRequest request,
                                               HttpMessageContext ctx) {
        Optional<OperatorSignIn> signedIn = operators.signIn(form.getCaller(), form.getPasswordAsString(), false);
        if (signedIn.isEmpty()) {
            return ctx.responseUnauthorized();
        }
        OperatorPrincipal principal = new OperatorPrincipal(signedIn.get().operator());
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        request.getSession(true).setAttribute(SESSION_PRINCIPAL, principal);
        return accept(principal, Set.of(AccessTokens.OPERATOR_ROLE), request, ctx);
    }

    private static AuthenticationStatus accept(CuadraPrincipal principal, HttpServletRequest request,
                                               HttpMessageContext ctx) {
        return accept(principal, principal.roles(), request, ctx);
    }

    private static AuthenticationStatus accept(java.security.Principal principal, Set<String> roles,
                                               HttpServletRequest request, HttpMessageContext ctx) {
        request.setAttribute(REQUEST_PRINCIPAL, principal);
        return ctx.notifyContainerAboutLogin(principal, roles);
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String detail) {
        return refuse(request, response, Problem.of("unauthorized", "Unauthorized", Response.Status.UNAUTHORIZED,
                detail), "Bearer realm=\"cuadra\"");
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response,
                                               Problem refusal, String challenge) {
        writeProblem(request, response, refusal, challenge);
        return AuthenticationStatus.SEND_FAILURE;
    }

    /** Writes the problem itself: the mechanism and the filters answer before any JAX-RS mapper could. */
    static void writeProblem(HttpServletRequest request, HttpServletResponse response, Problem refusal,
                             String challenge) {
        try {
            Problem problem = refusal.withInstance(URI.create(request.getRequestURL().toString()))
                    .withRequestId(RequestId.of(request));
            response.setStatus(problem.status());
            if (challenge != null) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JsonbBuilder.create().toJson(problem));
            if (RequestId.current().isEmpty()) {
                // answered by the authentication step, before RequestLog: its line is written here (ops lane)
                RequestLog.finished(request, problem.status(), RequestId.startNanos(request));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    public static ClientInfo clientOf(HttpServletRequest request) {
        String ip = ClientAddress.of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"),
                TrustedProxies.ADDRESSES);
        return new ClientInfo(ip, request.getHeader("User-Agent"));
    }

    /** Read once: proxies do not change while the server runs. */
    private static final class TrustedProxies {
        static final Set<String> ADDRESSES = ClientAddress.parse(ConfigProvider.getConfig()
                .getOptionalValue("cuadra.trusted-proxies", String.class).orElse(null));
    }
}
