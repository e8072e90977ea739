package io.cuadra.platform.application;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The documented first-run step: with {@code CUADRA_OPERATOR_EMAIL} set, the server prints (once per start,
 * until that operator has chosen a password) a single-use link, valid 24 hours, to choose the operator's
 * password. There is never a default password outside the demo.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
public class OperatorBootstrap {

    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class.getName());

    @Inject
    @ConfigProperty(name = "cuadra.operator.email")
    Optional<String> email;

    @Inject
    @ConfigProperty(name = "cuadra.public-url", defaultValue = "http://localhost:8080/")
    String publicUrl;

    @EJB
    PlatformOperators operators;

    @PostConstruct
    void printSetupLink() {
        email.filter(e -> !e.isBlank()).ifPresent(e -> operators.setupLinkIfUnset(e).ifPresent(token ->
                LOG.warning(() -> "Platform operator " + e + ": choose the password within 24 hours at "
                        + publicUrl + "platform/set-password.xhtml?token=" + token
                        + " (or POST {\"token\":\"" + token + "\",\"password\":\"...\"} to "
                        + publicUrl + "api/platform/auth/password)")));
    }
}
