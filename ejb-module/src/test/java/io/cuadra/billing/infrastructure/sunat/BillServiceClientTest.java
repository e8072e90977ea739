package io.cuadra.billing.infrastructure.sunat;

import static io.cuadra.sunat.simulator.TestDocuments.ISSUER_RUC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

import io.cuadra.billing.infrastructure.sunat.SunatRetryableException.Reason;
import io.cuadra.sunat.simulator.TestDocuments;
import io.cuadra.sunat.simulator.TestDocuments.Invoice;
import io.cuadra.sunat.simulator.TestSigner;
import io.cuadra.sunat.simulator.ReceivedDocument;
import io.cuadra.sunat.simulator.SunatSimulator;

/** The real client against the SUNAT simulator over HTTP on a free local port. */
class BillServiceClientTest {

    private static final SolCredentials CREDENTIALS = new SolCredentials(ISSUER_RUC, "CUADRA01", "s3cret");

    @TempDir
    static Path keys;
    private static TestSigner signer;

    private SunatSimulator sunat;
    private BillServiceClient client;

    @BeforeAll
    static void createKey() throws Exception {
        signer = TestSigner.withNewKey(keys);
    }

    @BeforeEach
    void startSunat() throws IOException {
        sunat = SunatSimulator.onPort(0).withUser(ISSUER_RUC, "CUADRA01", "s3cret").start();
        client = new BillServiceClient(SunatGatewayConfig.of(sunat.billServiceUri(), CREDENTIALS)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(20)));
    }

    @AfterEach
    void stopSunat() {
        sunat.stop();
    }

    @Test
    void anAcceptedFacturaComesBackWithCodeZeroAndItsCdr() throws Exception {
        Invoice factura = Invoice.factura("F001", 1);

        SunatResult result = client.sendBill(factura.fileBaseName() + ".zip", signedZip(factura));

        assertThat(result.status()).isEqualTo(SunatStatus.ACCEPTED);
        assertThat(result.code()).isEqualTo("0");
        assertThat(result.message()).isEqualTo("La Factura numero F001-1, ha sido aceptada");
        assertThat(result.notes()).isEmpty();
        Cdr cdr = CdrReader.read(result.cdr().orElseThrow());
        assertThat(cdr.referenceId()).isEqualTo("F001-1");
        assertThat(cdr.responseCode()).isEqualTo("0");
        ReceivedDocument received = sunat.receivedDocuments().get(0);
        assertThat(received.username()).isEqualTo(ISSUER_RUC + "CUADRA01");
        assertThat(received.verdict().cdrZip()).isEqualTo(result.cdrZip());
    }

    @Test
    void aFacturaToACustomerWithoutRucIsRejectedWith2800() throws Exception {
        Invoice factura = Invoice.factura("F001", 2).customer("1", "46027897");

        SunatResult result = client.sendBill(factura.fileBaseName() + ".zip", signedZip(factura));

        assertThat(result.status()).isEqualTo(SunatStatus.REJECTED);
        assertThat(result.code()).isEqualTo("2800");
        assertThat(result.message())
                .startsWith("El dato ingresado en el tipo de documento de identidad del receptor no esta permitido.");
        assertThat(result.cdr()).isPresent();
    }

    @Test
    void aBoletaWithAShortDniIsRejectedWith2801() throws Exception {
        Invoice boleta = Invoice.boleta("B001", 1).customer("1", "4602789");

        SunatResult result = client.sendBill(boleta.fileBaseName() + ".zip", signedZip(boleta));

        assertThat(result.status()).isEqualTo(SunatStatus.REJECTED);
        assertThat(result.code()).isEqualTo("2801");
    }

    @Test
    void aBadIssuerUbigeoIsAcceptedWithObservation4093() throws Exception {
        Invoice factura = Invoice.factura("F001", 3).issuerUbigeo("990101");

        SunatResult result = client.sendBill(factura.fileBaseName() + ".zip", signedZip(factura));

        assertThat(result.status()).isEqualTo(SunatStatus.ACCEPTED_WITH_OBSERVATIONS);
        assertThat(result.status().isValid()).isTrue();
        assertThat(result.notes()).singleElement().satisfies(note -> {
            assertThat(note.code()).isEqualTo("4093");
            assertThat(note.message()).startsWith("El codigo de ubigeo del domicilio fiscal del emisor no es válido");
        });
    }

    @Test
    void anOutageIsException0100AndRetryable() throws Exception {
        Invoice factura = Invoice.factura("F001", 4);
        byte[] zip = signedZip(factura);
        sunat.simulateOutage(1);

        SunatRetryableException e = retryable(() -> client.sendBill(factura.fileBaseName() + ".zip", zip));

        assertThat(e.reason()).isEqualTo(Reason.SUNAT_EXCEPTION);
        assertThat(e.code()).contains("0100");
        assertThat(e.getMessage()).contains("El sistema no puede responder su solicitud");
        // The retry the exception invites goes through once SUNAT is back.
        assertThat(client.sendBill(factura.fileBaseName() + ".zip", zip).status()).isEqualTo(SunatStatus.ACCEPTED);
    }

    @Test
    void wrongCredentialsAreException0102() throws Exception {
        Invoice factura = Invoice.factura("F001", 5);
        BillServiceClient wrongLogin = new BillServiceClient(SunatGatewayConfig.of(sunat.billServiceUri(),
                new SolCredentials(ISSUER_RUC, "CUADRA01", "not-the-password")));

        SunatRetryableException e = retryable(
                () -> wrongLogin.sendBill(factura.fileBaseName() + ".zip", signedZip(factura)));

        assertThat(e.code()).contains("0102");
        assertThat(e.getMessage()).contains("Usuario o contraseña incorrectos");
    }

    @Test
    void betaSharedLoginIsAccepted() throws Exception {
        Invoice factura = Invoice.factura("F001", 6);
        BillServiceClient beta = new BillServiceClient(SunatGatewayConfig.of(sunat.billServiceUri(),
                SolCredentials.beta(ISSUER_RUC)));

        assertThat(beta.sendBill(factura.fileBaseName() + ".zip", signedZip(factura)).status())
                .isEqualTo(SunatStatus.ACCEPTED);
        assertThat(sunat.receivedDocuments().get(0).username()).isEqualTo(ISSUER_RUC + "MODDATOS");
    }

    @Test
    void anAcceptedNumberSentAgainIsException1033AlreadyRegistered() throws Exception {
        Invoice factura = Invoice.factura("F001", 7);
        byte[] zip = signedZip(factura);
        client.sendBill(factura.fileBaseName() + ".zip", zip);

        SunatRetryableException e = retryable(() -> client.sendBill(factura.fileBaseName() + ".zip", zip));

        assertThat(e.code()).contains("1033");
        assertThat(e.alreadyRegistered()).isTrue();
    }

    @Test
    void aDocumentAlteredAfterSigningIsRejectedBy2335FaultWithoutCdr() throws Exception {
        Invoice factura = Invoice.factura("F001", 8);
        byte[] tampered = new String(signer.sign(factura.xml()), StandardCharsets.UTF_8)
                .replace("Arroz extra 5 kg", "Arroz extra 50 kg").getBytes(StandardCharsets.UTF_8);

        SunatResult result = client.sendBill(factura.fileBaseName() + ".zip",
                TestSigner.zip(factura.fileBaseName() + ".xml", tampered));

        assertThat(result.status()).isEqualTo(SunatStatus.REJECTED);
        assertThat(result.code()).isEqualTo("2335");
        assertThat(result.message()).startsWith("El documento electrónico ingresado ha sido alterado");
        assertThat(result.cdr()).isEmpty();
    }

    @Test
    void aCustomerRucThatCannotExistIsException1083() throws Exception {
        Invoice factura = Invoice.factura("F001", 9).customer("6", "20131312954");

        SunatRetryableException e = retryable(
                () -> client.sendBill(factura.fileBaseName() + ".zip", signedZip(factura)));

        assertThat(e.code()).contains("1083");
    }

    @Test
    void aZipNamedForAnotherDocumentIsException1036() throws Exception {
        Invoice factura = Invoice.factura("F001", 10);
        String otherName = ISSUER_RUC + "-01-F001-11";

        SunatRetryableException e = retryable(() -> client.sendBill(otherName + ".zip",
                TestSigner.zip(otherName + ".xml", signer.sign(factura.xml()))));

        assertThat(e.code()).contains("1036");
    }

    @Test
    void whenSunatIsDownTheFailureIsANetworkOneAndRetryable() throws Exception {
        Invoice factura = Invoice.factura("F001", 12);
        byte[] zip = signedZip(factura);
        sunat.stop();

        SunatRetryableException e = retryable(() -> client.sendBill(factura.fileBaseName() + ".zip", zip));

        assertThat(e.reason()).isEqualTo(Reason.NETWORK);
        assertThat(e.code()).isEmpty();
    }

    @Test
    void aDailySummaryIsFollowedByTicketUntilProcessed() throws Exception {
        String base = ISSUER_RUC + "-RC-20260116-1";
        byte[] zip = TestSigner.zip(base + ".xml", signer.sign(TestDocuments.dailySummary("RC-20260116-1",
                ISSUER_RUC)));

        SummarySubmission submission = client.sendSummary(base + ".zip", zip);

        assertThat(submission).isInstanceOf(SummarySubmission.Ticket.class);
        String ticket = ((SummarySubmission.Ticket) submission).number();
        TicketStatus first = client.getStatus(ticket);
        assertThat(first.inProcess()).isTrue();
        assertThat(first.result()).isEmpty();
        TicketStatus processed = client.getStatus(ticket);
        assertThat(processed.inProcess()).isFalse();
        SunatResult result = processed.result().orElseThrow();
        assertThat(result.status()).isEqualTo(SunatStatus.ACCEPTED);
        assertThat(CdrReader.read(result.cdrZip()).referenceId()).isEqualTo("RC-20260116-1");
    }

    @Test
    void aSummaryProcessedWithErrorsComesBackRejectedWithItsCdr() throws Exception {
        String base = ISSUER_RUC + "-RC-20260116-2";
        byte[] zip = TestSigner.zip(base + ".xml", signer.sign(TestDocuments.dailySummary("RC-20260116-7",
                ISSUER_RUC)));
        String ticket = ((SummarySubmission.Ticket) client.sendSummary(base + ".zip", zip)).number();

        client.getStatus(ticket);
        SunatResult result = client.getStatus(ticket).result().orElseThrow();

        assertThat(result.status()).isEqualTo(SunatStatus.REJECTED);
        assertThat(result.code()).isEqualTo("2220");
        assertThat(result.cdr()).isPresent();
    }

    @Test
    void anUnknownTicketIsException0127() {
        SunatRetryableException e = retryable(() -> client.getStatus("1234567890123"));

        assertThat(e.code()).contains("0127");
    }

    @Test
    void aSlowSunatIsATimeoutAndRetryable() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        HttpServer slow = localServer(exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        try {
            BillServiceClient impatient = new BillServiceClient(SunatGatewayConfig.of(uriOf(slow), CREDENTIALS)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));

            SunatRetryableException e = retryable(() -> impatient.getStatus("1"));

            assertThat(e.reason()).isEqualTo(Reason.TIMEOUT);
        } finally {
            release.countDown();
            slow.stop(0);
        }
    }

    @Test
    void anHtmlMaintenancePageIsAnUnexpectedResponseAndRetryable() throws Exception {
        HttpServer maintenance = localServer(exchange -> {
            byte[] page = "<html><body>Service Unavailable</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html");
            exchange.sendResponseHeaders(503, page.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(page);
            }
        });
        try {
            BillServiceClient client503 = new BillServiceClient(SunatGatewayConfig.of(uriOf(maintenance), CREDENTIALS));

            SunatRetryableException e = retryable(() -> client503.getStatus("1"));

            assertThat(e.reason()).isEqualTo(Reason.UNEXPECTED_RESPONSE);
            assertThat(e.getMessage()).contains("HTTP 503");
        } finally {
            maintenance.stop(0);
        }
    }

    private static SunatRetryableException retryable(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(SunatRetryableException.class);
        return (SunatRetryableException) thrown;
    }

    private static byte[] signedZip(Invoice invoice) throws Exception {
        return TestSigner.zip(invoice.fileBaseName() + ".xml", signer.sign(invoice.xml()));
    }

    private static HttpServer localServer(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", handler);
        server.start();
        return server;
    }

    private static URI uriOf(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/ol-ti-itcpfegem-beta/billService");
    }
}
