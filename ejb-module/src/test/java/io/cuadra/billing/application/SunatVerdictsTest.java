package io.cuadra.billing.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.billing.infrastructure.sunat.SunatCodeCategory;
import io.cuadra.billing.infrastructure.sunat.SunatEnvironment;
import io.cuadra.billing.infrastructure.sunat.SunatNote;
import io.cuadra.billing.infrastructure.sunat.SunatResult;
import io.cuadra.billing.infrastructure.sunat.SunatRetryableException;
import io.cuadra.billing.infrastructure.sunat.SunatStatus;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SunatVerdictsTest {

    @Test
    void registeredVerdictsAreFinalStatuses() {
        assertThat(SunatVerdicts.statusOf(SunatStatus.ACCEPTED)).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(SunatVerdicts.statusOf(SunatStatus.ACCEPTED_WITH_OBSERVATIONS))
                .isEqualTo(DocumentStatus.ACCEPTED_WITH_OBSERVATIONS);
        assertThat(SunatVerdicts.statusOf(SunatStatus.REJECTED)).isEqualTo(DocumentStatus.REJECTED);
    }

    @Test
    void codeRangesDecideRetryRejectionOrObservation() {
        // 0100–1999 are exceptions (the gateway throws SunatRetryableException: the outbox retries),
        // 2000–3999 rejections, 4000 and up observations.
        assertThat(SunatCodeCategory.of("0100")).isEqualTo(SunatCodeCategory.EXCEPTION);
        assertThat(SunatCodeCategory.of("1999")).isEqualTo(SunatCodeCategory.EXCEPTION);
        assertThat(SunatCodeCategory.of("2800")).isEqualTo(SunatCodeCategory.REJECTION);
        assertThat(SunatCodeCategory.of("3999")).isEqualTo(SunatCodeCategory.REJECTION);
        assertThat(SunatCodeCategory.of("4093")).isEqualTo(SunatCodeCategory.OBSERVATION);
    }

    @Test
    void alreadyRegisteredIsTakenAsAcceptedWithTheCodeAsObservationAndNoCdr() {
        SunatRetryableException e = new SunatRetryableException(SunatRetryableException.Reason.SUNAT_EXCEPTION,
                "1033", "SUNAT exception 1033: El comprobante fue registrado previamente con otros datos", null);
        assertThat(e.alreadyRegistered()).isTrue();

        SunatResult result = SunatVerdicts.alreadyRegistered(e);
        assertThat(SunatVerdicts.statusOf(result.status())).isEqualTo(DocumentStatus.ACCEPTED);
        assertThat(result.code()).isEqualTo("1033");
        assertThat(result.cdr()).isEmpty();
        assertThat(SunatVerdicts.notes(result)).startsWith("1033 - Already registered; no CDR received")
                .contains("registrado previamente");
    }

    @Test
    void timelineNotesCarrySunatsWords() {
        SunatResult observed = new SunatResult(SunatStatus.ACCEPTED_WITH_OBSERVATIONS, "0", "La Factura numero F001-1,"
                + " ha sido aceptada", List.of(new SunatNote("4093", "El codigo de ubigeo no es válido")), null);
        assertThat(SunatVerdicts.describe(observed))
                .isEqualTo("0 La Factura numero F001-1, ha sido aceptada [4093 - El codigo de ubigeo no es válido]");
        SunatRetryableException outage = new SunatRetryableException(SunatRetryableException.Reason.SUNAT_EXCEPTION,
                "0100", "SUNAT exception 0100: El sistema no puede responder", null);
        assertThat(SunatVerdicts.describe(outage)).startsWith("SUNAT exception 0100: ");
        SunatRetryableException network = new SunatRetryableException(SunatRetryableException.Reason.NETWORK, null,
                "Connection refused", null);
        assertThat(SunatVerdicts.describe(network)).isEqualTo("NETWORK: Connection refused");
    }

    @Test
    void theEndpointIsBetaProductionOrAUrl() {
        assertThat(SunatGateways.billService("beta")).isEqualTo(SunatEnvironment.BETA.billService());
        assertThat(SunatGateways.billService(" PRODUCTION ")).isEqualTo(SunatEnvironment.PRODUCTION.billService());
        assertThat(SunatGateways.billService("http://localhost:8089/ol-ti-itcpfegem-beta/billService"))
                .isEqualTo(URI.create("http://localhost:8089/ol-ti-itcpfegem-beta/billService"));
    }

    @Test
    void productionWithBetasTestLoginOrNoLoginIsRefusedBeforeSending() {
        assertThat(SunatGateways.refusal("production", "MODDATOS", "moddatos")).get().asString()
                .contains("CUADRA_SUNAT_SOL_USER is beta's test user MODDATOS").contains("stay PENDING");
        assertThat(SunatGateways.refusal(SunatEnvironment.PRODUCTION.billService().toString(), " ", "secret"))
                .get().asString().contains("CUADRA_SUNAT_SOL_USER is empty");
        assertThat(SunatGateways.refusal("production", "FACTURA1", "moddatos")).get().asString()
                .contains("CUADRA_SUNAT_SOL_PASSWORD is beta's test password");
        assertThat(SunatGateways.refusal("production", "FACTURA1", "s3cret!")).isEmpty();
        assertThat(SunatGateways.refusal("beta", "MODDATOS", "moddatos")).isEmpty();
        assertThat(SunatGateways.refusal("http://localhost:8089/ol-ti-itcpfegem-beta/billService", "MODDATOS",
                "moddatos")).isEmpty();
    }
}
