package io.cuadra.sunat.simulator;

import static io.cuadra.sunat.simulator.TestDocuments.ISSUER_RUC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cuadra.sunat.simulator.TestDocuments.Invoice;

/** The simulator as a client meets it: SOAP envelopes over HTTP, and the admin controls. */
class SunatSimulatorHttpTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SunatSimulator simulator;

    @BeforeEach
    void start() throws IOException {
        simulator = SunatSimulator.onPort(0).withUser(ISSUER_RUC, "CUADRA01", "s3cret").start();
    }

    @AfterEach
    void stop() {
        simulator.stop();
    }

    @Test
    void answersSendBillWithAnEnvelopeCarryingTheCdrInBase64(@TempDir Path keys) throws Exception {
        Invoice factura = Invoice.factura("F001", 1);
        byte[] zip = TestSigner.zip(factura.fileBaseName() + ".xml", TestSigner.withNewKey(keys).sign(factura.xml()));

        HttpResponse<String> response = post(envelope(ISSUER_RUC + "CUADRA01", "s3cret",
                "<ser:sendBill><fileName>" + factura.fileBaseName() + ".zip</fileName><contentFile>"
                        + Base64.getEncoder().encodeToString(zip) + "</contentFile></ser:sendBill>"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("text/xml"));
        assertThat(response.body()).contains("sendBillResponse", "<applicationResponse>");
        assertThat(simulator.receivedDocuments()).singleElement().satisfies(d -> {
            assertThat(d.fileName()).isEqualTo(factura.fileBaseName() + ".zip");
            assertThat(d.zip()).isEqualTo(zip);
            assertThat(d.verdict().hasCdr()).isTrue();
        });
    }

    @Test
    void wrongCredentialsGetSunatsFaultWithHttp500() throws Exception {
        HttpResponse<String> response = post(envelope(ISSUER_RUC + "CUADRA01", "nope",
                "<ser:getStatus><ticket>1</ticket></ser:getStatus>"));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<faultcode>soap-env:Client.0102</faultcode>",
                "<faultstring>Usuario o contraseña incorrectos</faultstring>");
    }

    @Test
    void theOutageControlMakesTheNextRequestsFailWith0100() throws Exception {
        HttpResponse<String> control = http.send(HttpRequest.newBuilder(admin("outage?requests=1"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(control.statusCode()).isEqualTo(200);

        String status = envelope(ISSUER_RUC + "CUADRA01", "s3cret", "<ser:getStatus><ticket>1</ticket></ser:getStatus>");
        assertThat(post(status).body()).contains("<faultcode>soap-env:Server.0100</faultcode>");
        assertThat(post(status).body()).contains("<faultcode>soap-env:Client.0127</faultcode>");
    }

    @Test
    void theOutageControlRefusesAMissingCount() throws Exception {
        HttpResponse<String> control = http.send(HttpRequest.newBuilder(admin("outage?requests=many"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(control.statusCode()).isEqualTo(400);
    }

    @Test
    void listsReceivedDocumentsAsText() throws Exception {
        post(envelope(ISSUER_RUC + "MODDATOS", "moddatos",
                "<ser:sendBill><fileName>bad.zip</fileName><contentFile>AAAA</contentFile></ser:sendBill>"));

        HttpResponse<String> list = http.send(HttpRequest.newBuilder(admin("documents")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(list.body()).contains("sendBill\tbad.zip\tFAULT\t0151");
    }

    @Test
    void somethingThatIsNotAnEnvelopeGetsAClientFault() throws Exception {
        HttpResponse<String> response = post("<hello/>");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("<faultcode>soap-env:Client</faultcode>");
    }

    @Test
    void onceStoppedItRefusesConnections() {
        URI endpoint = simulator.billServiceUri();
        simulator.stop();

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(endpoint)
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(ConnectException.class);
    }

    private URI admin(String pathAndQuery) {
        return URI.create("http://localhost:" + simulator.port() + "/simulator/" + pathAndQuery);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(simulator.billServiceUri())
                .header("Content-Type", "text/xml;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String envelope(String username, String password, String operation) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                    xmlns:ser="http://service.sunat.gob.pe"
                    xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd">
                  <soapenv:Header><wsse:Security><wsse:UsernameToken>
                    <wsse:Username>%s</wsse:Username><wsse:Password>%s</wsse:Password>
                  </wsse:UsernameToken></wsse:Security></soapenv:Header>
                  <soapenv:Body>%s</soapenv:Body>
                </soapenv:Envelope>
                """.formatted(username, password, operation);
    }
}
