package io.cuadra.billing.infrastructure.sunat;

import static io.cuadra.billing.infrastructure.sunat.CdrReaderTest.cdrXml;
import static io.cuadra.billing.infrastructure.sunat.CdrReaderTest.cdrZip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.cuadra.billing.infrastructure.sunat.BillServiceMessages.Answer;
import io.cuadra.billing.infrastructure.sunat.BillServiceMessages.Fault;
import io.cuadra.billing.infrastructure.sunat.SunatRetryableException.Reason;

/** Reading SUNAT's answers and classifying them, without a network. */
class BillServiceMessagesTest {

    @Test
    void aCdrWithCodeZeroAndNoNotesIsAccepted() throws Exception {
        byte[] zip = cdrZip(cdrXml("0", "La Factura numero F001-1, ha sido aceptada", ""));

        SunatResult result = BillServiceMessages.verdict(zip);

        assertThat(result.status()).isEqualTo(SunatStatus.ACCEPTED);
        assertThat(result.code()).isEqualTo("0");
        assertThat(result.cdrZip()).isEqualTo(zip);
    }

    @Test
    void aCdrWithCodeZeroAndNotesIsAcceptedWithObservations() throws Exception {
        SunatResult result = BillServiceMessages.verdict(cdrZip(cdrXml("0", "aceptada",
                "<cbc:Note>4093 - El codigo de ubigeo del domicilio fiscal del emisor no es válido</cbc:Note>")));

        assertThat(result.status()).isEqualTo(SunatStatus.ACCEPTED_WITH_OBSERVATIONS);
        assertThat(result.notes()).extracting(SunatNote::code).containsExactly("4093");
    }

    @ParameterizedTest
    @CsvSource({"4000, ACCEPTED_WITH_OBSERVATIONS", "4287, ACCEPTED_WITH_OBSERVATIONS",
            "2000, REJECTED", "2800, REJECTED", "3999, REJECTED"})
    void aCdrCodeIsClassifiedBySunatsRanges(String code, SunatStatus expected) throws Exception {
        SunatResult result = BillServiceMessages.verdict(cdrZip(cdrXml(code, "x", "")));

        assertThat(result.status()).isEqualTo(expected);
        assertThat(result.code()).isEqualTo(code);
    }

    @Test
    void aCdrInTheExceptionRangeRegisteredNothingAndIsRetryable() throws Exception {
        byte[] zip = cdrZip(cdrXml("0100", "El sistema no puede responder su solicitud", ""));

        Throwable thrown = catchThrowable(() -> BillServiceMessages.verdict(zip));

        assertThat(thrown).isInstanceOfSatisfying(SunatRetryableException.class, e -> {
            assertThat(e.reason()).isEqualTo(Reason.SUNAT_EXCEPTION);
            assertThat(e.code()).contains("0100");
        });
    }

    @Test
    void anUnreadableCdrIsAnUnexpectedResponse() {
        Throwable thrown = catchThrowable(() -> BillServiceMessages.verdict(new byte[] {1, 2, 3}));

        assertThat(thrown).isInstanceOfSatisfying(SunatRetryableException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @CsvSource(delimiter = '|', value = {
            "soap-env:Client.0102 | Usuario o contraseña incorrectos | 0102",
            "soap-env:Server.0100 | El sistema no puede responder su solicitud | 0100",
            "soap-env:Client.2335 | El documento electrónico ingresado ha sido alterado | 2335",
            "0109 | El sistema no puede responder su solicitud. (El servicio de autenticación no está disponible) | 0109",
            "soap-env:Server | 0130 - El sistema no puede responder su solicitud | 0130",
            "soap:Server.100 | x | 0100",
    })
    void faultCodesAreReadFromFaultcodeOrFaultstring(String faultCode, String faultString, String expected)
            throws Exception {
        Fault fault = BillServiceMessages.read(faultEnvelope(faultCode, faultString)).fault();

        assertThat(fault.code()).isEqualTo(expected);
        assertThat(fault.message()).isEqualTo(faultString);
    }

    @Test
    void aFaultWithoutCodeIsAnExceptionWithoutCode() throws Exception {
        Fault fault = BillServiceMessages.read(faultEnvelope("soap-env:Server", "Internal Error")).fault();

        Throwable thrown = catchThrowable(() -> BillServiceMessages.rejectionOrThrow(fault));

        assertThat(fault.code()).isNull();
        assertThat(thrown).isInstanceOfSatisfying(SunatRetryableException.class,
                e -> assertThat(e.code()).isEmpty());
    }

    @Test
    void aFaultWithARejectionCodeIsARejectedVerdictWithoutCdr() throws Exception {
        SunatResult result = BillServiceMessages.rejectionOrThrow(new Fault("3280",
                "El importe total del comprobante no coincide con el valor calculado"));

        assertThat(result.status()).isEqualTo(SunatStatus.REJECTED);
        assertThat(result.code()).isEqualTo("3280");
        assertThat(result.cdr()).isEmpty();
    }

    @Test
    void aFaultWithAnExceptionCodeIsRetryable() {
        Throwable thrown = catchThrowable(() -> BillServiceMessages.rejectionOrThrow(
                new Fault("1033", "El comprobante fue registrado previamente con otros datos")));

        assertThat(thrown).isInstanceOfSatisfying(SunatRetryableException.class,
                e -> assertThat(e.alreadyRegistered()).isTrue());
    }

    @Test
    void readsTheSendBillPayload() throws Exception {
        byte[] cdr = cdrZip(cdrXml("0", "ok", ""));
        String body = "<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap-env:Header/><soap-env:Body><br:sendBillResponse xmlns:br=\"http://service.sunat.gob.pe\">"
                + "<applicationResponse>" + Base64.getMimeEncoder().encodeToString(cdr) + "</applicationResponse>"
                + "</br:sendBillResponse></soap-env:Body></soap-env:Envelope>";

        Answer answer = BillServiceMessages.read(body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.fault()).isNull();
        assertThat(BillServiceMessages.base64Child(answer.payload(), "applicationResponse")).hasValue(cdr);
    }

    @Test
    void somethingThatIsNotAnEnvelopeIsAnUnexpectedResponse() {
        assertThatThrownBy(() -> BillServiceMessages.read("<html><body>503</body></html>".getBytes(
                StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(SunatRetryableException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE));
    }

    @Test
    void theRequestCarriesTheUsernameTokenAndEscapesWhatItEmbeds() throws Exception {
        String envelope = BillServiceMessages.sendBill(new SolCredentials("20100070970", "CUADRA01", "a<b&c"),
                "20100070970-01-F001-1.zip", new byte[] {1, 2, 3});

        var document = SafeXml.parse(envelope.getBytes(StandardCharsets.UTF_8));
        String wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
        assertThat(document.getElementsByTagNameNS(wsse, "Username").item(0).getTextContent())
                .isEqualTo("20100070970CUADRA01");
        var password = (org.w3c.dom.Element) document.getElementsByTagNameNS(wsse, "Password").item(0);
        assertThat(password.getTextContent()).isEqualTo("a<b&c");
        assertThat(password.getAttribute("Type")).endsWith("#PasswordText");
        var sendBill = document.getElementsByTagNameNS("http://service.sunat.gob.pe", "sendBill").item(0);
        assertThat(sendBill.getTextContent()).isEqualTo("20100070970-01-F001-1.zip" + "AQID");
    }

    private static byte[] faultEnvelope(String faultCode, String faultString) {
        return ("<soap-env:Envelope xmlns:soap-env=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap-env:Body>"
                + "<soap-env:Fault><faultcode>" + faultCode + "</faultcode><faultstring>" + faultString
                + "</faultstring></soap-env:Fault></soap-env:Body></soap-env:Envelope>").getBytes(StandardCharsets.UTF_8);
    }
}
