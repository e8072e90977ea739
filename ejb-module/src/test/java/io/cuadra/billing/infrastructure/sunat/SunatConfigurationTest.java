package io.cuadra.billing.infrastructure.sunat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SunatConfigurationTest {

    @Test
    void theWsSecurityUserIsRucFollowedBySolUser() {
        assertThat(new SolCredentials("20100070970", "CUADRA01", "x").username()).isEqualTo("20100070970CUADRA01");
        assertThat(SolCredentials.beta("20100070970").username()).isEqualTo("20100070970MODDATOS");
    }

    @Test
    void credentialsNeverPrintTheirPassword() {
        assertThat(new SolCredentials("20100070970", "CUADRA01", "s3cret-pass").toString())
                .doesNotContain("s3cret-pass").contains("20100070970CUADRA01");
    }

    @Test
    void credentialsNeedAnElevenDigitRuc() {
        assertThatThrownBy(() -> new SolCredentials("2010007097", "CUADRA01", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void environmentsPointAtSunatsBillService() {
        assertThat(SunatEnvironment.BETA.billService())
                .isEqualTo(URI.create("https://e-beta.sunat.gob.pe/ol-ti-itcpfegem-beta/billService"));
        assertThat(SunatEnvironment.PRODUCTION.billService())
                .isEqualTo(URI.create("https://e-factura.sunat.gob.pe/ol-ti-itcpfegem/billService"));
        SunatGatewayConfig config = SunatGatewayConfig.of(SunatEnvironment.BETA, SolCredentials.beta("20100070970"));
        assertThat(config.connectTimeout()).isEqualTo(SunatGatewayConfig.DEFAULT_CONNECT_TIMEOUT);
        assertThat(config.requestTimeout()).isEqualTo(SunatGatewayConfig.DEFAULT_REQUEST_TIMEOUT);
    }

    @Test
    void timeoutsMustBePositive() {
        SunatGatewayConfig config = SunatGatewayConfig.of(SunatEnvironment.BETA, SolCredentials.beta("20100070970"));

        assertThatThrownBy(() -> config.withTimeouts(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"0, ACCEPTED", "98, EXCEPTION", "100, EXCEPTION", "0100, EXCEPTION", "1999, EXCEPTION",
            "2000, REJECTION", "3999, REJECTION", "4000, OBSERVATION", "4999, OBSERVATION"})
    void codesFallInSunatsRanges(String code, SunatCodeCategory expected) {
        assertThat(SunatCodeCategory.of(code)).isEqualTo(expected);
    }

    @Test
    void codesAreWrittenAsSunatWritesThem() {
        assertThat(SunatCodeCategory.normalize("100")).isEqualTo("0100");
        assertThat(SunatCodeCategory.normalize("0")).isEqualTo("0");
        assertThat(SunatCodeCategory.normalize("2800")).isEqualTo("2800");
        assertThatThrownBy(() -> SunatCodeCategory.of("ERR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notesWithoutCodeKeepTheirText() {
        assertThat(SunatNote.parse("4093 - texto")).isEqualTo(new SunatNote("4093", "texto"));
        assertThat(SunatNote.parse("4001: texto")).isEqualTo(new SunatNote("4001", "texto"));
        assertThat(SunatNote.parse("Observación libre")).isEqualTo(new SunatNote("", "Observación libre"));
    }
}
