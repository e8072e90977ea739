package io.cuadra.web.identity;

import io.cuadra.identity.application.AuthService;
import io.cuadra.identity.application.LoginOutcome;
import io.cuadra.web.platform.Problem;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;

/** Signing in for programs: access tokens (30 min), rotating refresh tokens (7 days), password reset. */
@RequestScoped
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication")
public class AuthResource {

    private static final String INVALID = "The e-mail or the password is not right.";

    @EJB
    AuthService auth;

    @Context
    HttpServletRequest request;

    @POST
    @Path("login")
    @Operation(summary = "Sign in", description = "Five failed attempts for one e-mail within 15 minutes lock it for "
            + "15 minutes (429). The answer never tells whether the e-mail exists.")
    @APIResponse(responseCode = "200", description = "Signed in: tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Wrong e-mail or password",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Right password, but the company's account is suspended",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response login(@Valid LoginRequest body) {
        LoginOutcome outcome = auth.signIn(body.email, body.password, CuadraAuthentication.clientOf(request), true);
        if (outcome instanceof LoginOutcome.SignedIn s) {
            return Response.ok(TokenResponse.of(s.tokens())).header("Cache-Control", "no-store").build();
        }
        if (outcome instanceof LoginOutcome.LockedOut locked) {
            long seconds = Math.max(1, Duration.between(Instant.now(), locked.until()).toSeconds());
            Problem problem = Problem.of("locked", "Too Many Requests", new Status429(),
                    "Too many failed attempts for this e-mail: try again in " + (seconds + 59) / 60 + " minutes.");
            return Response.status(429).type(Problem.PROBLEM_JSON).header("Retry-After", seconds).entity(problem)
                    .build();
        }
        if (outcome instanceof LoginOutcome.TenantSuspended) {
            return TenantSuspension.problem().toResponse();
        }
        return unauthorized(INVALID);
    }

    @POST
    @Path("refresh")
    @Operation(summary = "Trade a refresh token for a new pair",
            description = "Each refresh token works once. Presenting a used or revoked one revokes its whole family.")
    @APIResponse(responseCode = "200", description = "Signed in: tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "401", description = "Unknown, used, revoked or expired refresh token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refresh(@Valid RefreshRequest body) {
        return auth.refresh(body.refreshToken, CuadraAuthentication.clientOf(request))
                .map(t -> Response.ok(TokenResponse.of(t)).header("Cache-Control", "no-store").build())
                .orElseGet(() -> unauthorized("The refresh token is not valid: sign in again."));
    }

    @POST
    @Path("logout")
    @Operation(summary = "Sign out: revokes the refresh token's family")
    @APIResponse(responseCode = "204", description = "Signed out")
    public Response logout(@Valid RefreshRequest body) {
        auth.signOut(body.refreshToken, CuadraAuthentication.clientOf(request));
        return Response.noContent().build();
    }

    @POST
    @Path("password/forgot")
    @Operation(summary = "Mail a password reset link", description = "Always 202, whether or not the e-mail exists.")
    @APIResponse(responseCode = "202", description = "If the account exists, a link is on its way")
    public Response forgot(@Valid ForgotRequest body) {
        auth.requestPasswordReset(body.email, CuadraAuthentication.clientOf(request));
        return Response.accepted().build();
    }

    @POST
    @Path("password/reset")
    @Operation(summary = "Set a new password with a reset token")
    @APIResponse(responseCode = "204", description = "Password changed; every session of the user ended")
    public Response reset(@Valid ResetRequest body) {
        auth.resetPassword(body.token, body.newPassword, CuadraAuthentication.clientOf(request));
        return Response.noContent().build();
    }

    private static Response unauthorized(String detail) {
        return Problem.of("unauthorized", "Unauthorized", Response.Status.UNAUTHORIZED, detail).toResponse();
    }

    private record Status429() implements Response.StatusType {
        @Override
        public int getStatusCode() {
            return 429;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Too Many Requests";
        }
    }

    @Schema(name = "LoginRequest")
    public static final class LoginRequest {
        @Schema(example = "cajero@cuadra.demo", required = true,
                description = "The e-mail address, or username@company for users who sign in by username")
        @NotBlank
        @Size(max = 200)
        public String email;
        @Schema(example = "Cajero-Cuadra-2026!", required = true)
        @NotBlank
        @Size(max = 128)
        public String password;
    }

    @Schema(name = "RefreshRequest")
    public static final class RefreshRequest {
        @Schema(required = true)
        @NotBlank
        @Size(max = 200)
        public String refreshToken;
    }

    @Schema(name = "ForgotPasswordRequest")
    public static final class ForgotRequest {
        @Schema(required = true, example = "cajero@cuadra.demo",
                description = "E-mail or username@company; users without an e-mail get no link (an administrator "
                        + "sets their password), and the answer is the same")
        @NotBlank
        @Email
        @Size(max = 200)
        public String email;
    }

    @Schema(name = "ResetPasswordRequest")
    public static final class ResetRequest {
        @Schema(required = true)
        @NotBlank
        @Size(max = 200)
        public String token;
        @Schema(required = true, description = "12 to 128 characters, not a common password")
        @NotBlank
        @Size(max = 128)
        public String newPassword;
    }

    @Schema(name = "Tokens")
    public record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken,
                                long refreshExpiresIn) {
        static TokenResponse of(LoginOutcome.Tokens t) {
            return new TokenResponse(t.accessToken(), "Bearer", t.accessExpiresInSeconds(), t.refreshToken(),
                    t.refreshExpiresInSeconds());
        }
    }
}
