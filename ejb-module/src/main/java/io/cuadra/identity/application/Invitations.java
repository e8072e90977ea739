package io.cuadra.identity.application;

import io.cuadra.identity.domain.PasswordResetToken;
import io.cuadra.identity.domain.User;
import io.cuadra.audit.application.AuditTrail;
import io.cuadra.shared.mail.OutgoingMail;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Invites a new user by e-mail: the password-reset machinery (single-use token, only its hash stored,
 * {@code reset-password.xhtml} or {@code POST /api/auth/password/reset}) with a 72-hour link. The mail
 * leaves through the outbox after commit, like a reset mail.
 */
@Stateless
public class Invitations {

    public static final Duration LIFETIME = Duration.ofHours(72);

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    OutgoingMail mail;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "cuadra.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    /** Runs in the user's tenant (the caller sets the context); the user has no usable password yet. */
    public void invite(User user, String companyName) {
        invite(user, companyName, user.getEmail());
    }

    /** @param signInName what the user types to sign in ({@code username@slug} for a user with a username) */
    public void invite(User user, String companyName, String signInName) {
        String token = Secrets.newToken();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // The tenant of the context: a user just persisted does not carry its tenant id until read back.
        em.persist(new PasswordResetToken(TenantContext.require().tenantId(), user.getId(), Secrets.sha256(token), now,
                LIFETIME));
        audit.security(TenantContext.require(), "user.invited", "User", user.getId(), null);
        mail.send(user.getEmail(), "Cuadra: " + companyName + " le invita / invites you",
                "Hola " + user.getFirstName() + ",\n\n"
                        + "Usted administra " + companyName + " en Cuadra. Elija su contraseña en este enlace"
                        + " (válido 72 horas, un solo uso):\n"
                        + "You administer " + companyName + " on Cuadra. Choose your password at this link"
                        + " (valid 72 hours, single use):\n\n"
                        + publicUrl + "reset-password.xhtml?token=" + token + "\n\n"
                        + "Reset token: " + token + "\n\n"
                        + "Usuario / user: " + signInName + "\n");
        em.flush();
    }
}
