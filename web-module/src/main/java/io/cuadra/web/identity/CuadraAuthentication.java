package io.cuadra.web.identity;

import io.cuadra.identity.application.AuthService;
import io.cuadra.identity.application.ClientInfo;
import io.cuadra.identity.application.LoginOutcome;
import io.cuadra.identity.infrastructure.security.AccessTokens;
import io.cuadra.web.platform.Problem;
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

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * The one authentication mechanism of the application (Jakarta Security 3 allows one): a bearer
 * access token on /api, the HTTP session of the JSF back office elsewhere, and the credential the
 * login page submits. Unauthenticated API calls get a 401 problem; pages redirect to the login page.
 */
@ApplicationScoped
public class CuadraAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_PRINCIPAL = "cuadra.principal";
    static final String REQUEST_PRINCIPAL = "cuadra.principal";
    static final String LOGIN_OUTCOME = "cuadra.login-outcome";

    @EJB
    AuthService auth;

    @Inject
    AccessTokens tokens;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext ctx) {
        Credential credential = ctx.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential form) {
            return formLogin(form, request, ctx);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            Optional<AccessTokens.TokenClaims> claims = tokens.verify(authorization.substring(7).trim(), Instant.now());
            if (claims.isPresent()) {
                return accept(CuadraPrincipal.of(claims.get()), request, ctx);
            }
            return unauthorized(request, response, "The access token is invalid or expired.");
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_PRINCIPAL) instanceof CuadraPrincipal p) {
            return accept(p, request, ctx);
        }
        if (!ctx.isProtected()) {
            return ctx.doNothing();
        }
        if (isApi(request)) {
            return unauthorized(request, response, "Sign in first: send an access token from POST /api/auth/login.");
        }
        String target = request.getRequestURI().substring(request.getContextPath().length());
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
            request.getSession(true).setAttribute(SESSION_PRINCIPAL, principal);
            return accept(principal, request, ctx);
        }
        return ctx.responseUnauthorized();
    }

    private static AuthenticationStatus accept(CuadraPrincipal principal, HttpServletRequest request,
                                               HttpMessageContext ctx) {
        request.setAttribute(REQUEST_PRINCIPAL, principal);
        return ctx.notifyContainerAboutLogin(principal, principal.roles());
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response,
                                                     String detail) {
        try {
            Problem problem = Problem.of("unauthorized", "Unauthorized", Response.Status.UNAUTHORIZED, detail)
                    .withInstance(URI.create(request.getRequestURL().toString()));
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"cuadra\"");
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(JsonbBuilder.create().toJson(problem));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    static ClientInfo clientOf(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        String ip = forwarded != null && !forwarded.isBlank() ? forwarded.split(",")[0].strip() : request.getRemoteAddr();
        return new ClientInfo(ip, request.getHeader("User-Agent"));
    }
}
