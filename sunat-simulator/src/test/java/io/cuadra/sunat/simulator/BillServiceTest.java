package io.cuadra.sunat.simulator;

import static io.cuadra.sunat.simulator.TestDocuments.ISSUER_RUC;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import io.cuadra.sunat.simulator.ServiceAnswer.ApplicationResponse;
import io.cuadra.sunat.simulator.ServiceAnswer.Fault;
import io.cuadra.sunat.simulator.ServiceAnswer.TicketIssued;
import io.cuadra.sunat.simulator.ServiceAnswer.TicketStatus;
import io.cuadra.sunat.simulator.SoapCall.Credentials;
import io.cuadra.sunat.simulator.TestDocuments.Invoice;
import io.cuadra.sunat.simulator.Verdict.Outcome;

/** The bill service's rules, called without HTTP; the HTTP face is covered by SunatSimulatorHttpTest. */
class BillServiceTest {

    private static final Credentials BETA = new Credentials(ISSUER_RUC + "MODDATOS", "moddatos");

    @TempDir
    static Path keys;
    private static TestSigner signer;

    private BillService service;

    @BeforeAll
    static void createKey() throws Exception {
        signer = TestSigner.withNewKey(keys);
    }

    @BeforeEach
    void newService() {
        SolUsers users = new SolUsers();
        users.register(ISSUER_RUC, "CUADRA01", "s3cret");
        service = new BillService(users, Clock.fixed(Instant.parse("2026-01-15T15:00:00Z"), ZoneOffset.UTC));
    }

    @Test
    void acceptsASignedFacturaWithAnApplicationResponseCarryingCodeZero() throws Exception {
        Invoice factura = Invoice.factura("F001", 1);

        ServiceAnswer answer = sendBill(BETA, factura, signer.sign(factura.xml()));

        Element response = cdrResponse(answer, factura);
        assertThat(text(response, "ResponseCode")).isEqualTo("0");
        assertThat(text(response, "Description")).isEqualTo("La Factura numero F001-1, ha sido aceptada");
        assertThat(text(response, "ReferenceID")).isEqualTo("F001-1");
        assertThat(service.receivedDocuments()).singleElement()
                .satisfies(d -> assertThat(d.verdict().outcome()).isEqualTo(Outcome.ACCEPTED));
    }

    @Test
    void acceptsTheLegacySha1SignatureThatSunatsGuideStillShows() throws Exception {
        Invoice factura = Invoice.factura("F001", 2);

        ServiceAnswer answer = sendBill(BETA, factura, signer.signWithSha1(factura.xml()));

        assertThat(text(cdrResponse(answer, factura), "ResponseCode")).isEqualTo("0");
    }

    @Test
    void registeredSolUserMaySendForItsRuc() throws Exception {
        Invoice factura = Invoice.factura("F001", 3);

        ServiceAnswer answer = sendBill(new Credentials(ISSUER_RUC + "CUADRA01", "s3cret"), factura,
                signer.sign(factura.xml()));

        assertThat(answer).isInstanceOf(ApplicationResponse.class);
        assertThat(service.receivedDocuments().get(0).username()).isEqualTo(ISSUER_RUC + "CUADRA01");
    }

    @Test
    void wrongPasswordIsFault0102AndMissingHeaderIs0101() throws Exception {
        Invoice factura = Invoice.factura("F001", 4);
        byte[] signed = signer.sign(factura.xml());

        assertFault(sendBill(new Credentials(ISSUER_RUC + "CUADRA01", "wrong"), factura, signed), "0102");
        assertFault(service.answer(new SoapCall(Optional.empty(), "sendBill", Map.of(
                "fileName", factura.fileBaseName() + ".zip",
                "contentFile", zipBase64(factura.fileBaseName(), signed)))), "0101");
    }

    @Test
    void aFacturaToADniCustomerIsRejectedWith2800InTheCdr() throws Exception {
        Invoice factura = Invoice.factura("F001", 5).customer("1", "46027897");

        ServiceAnswer answer = sendBill(BETA, factura, signer.sign(factura.xml()));

        Element response = cdrResponse(answer, factura);
        assertThat(text(response, "ResponseCode")).isEqualTo("2800");
        assertThat(text(response, "Description")).startsWith(ReturnCode.CUSTOMER_TYPE_NOT_ALLOWED.message());
        assertThat(service.receivedDocuments().get(0).verdict().outcome()).isEqualTo(Outcome.REJECTED);
    }

    @Test
    void aBoletaToAShortDniIsRejectedWith2801() throws Exception {
        Invoice boleta = Invoice.boleta("B001", 1).customer("1", "4602789");

        ServiceAnswer answer = sendBill(BETA, boleta, signer.sign(boleta.xml()));

        assertThat(text(cdrResponse(answer, boleta), "ResponseCode")).isEqualTo("2801");
    }

    @Test
    void aCustomerRucWithAWrongCheckDigitDoesNotExistAndIsException1083() throws Exception {
        Invoice factura = Invoice.factura("F001", 6).customer("6", "20131312954");

        assertFault(sendBill(BETA, factura, signer.sign(factura.xml())), "1083");
    }

    @Test
    void aBadIssuerUbigeoIsAcceptedWithObservation4093() throws Exception {
        Invoice factura = Invoice.factura("F001", 7).issuerUbigeo("990101");

        ServiceAnswer answer = sendBill(BETA, factura, signer.sign(factura.xml()));

        Element response = cdrResponse(answer, factura);
        assertThat(text(response, "ResponseCode")).isEqualTo("0");
        Verdict verdict = service.receivedDocuments().get(0).verdict();
        assertThat(verdict.outcome()).isEqualTo(Outcome.ACCEPTED_WITH_OBSERVATIONS);
        assertThat(verdict.notes()).singleElement().asString()
                .startsWith("4093 - El codigo de ubigeo del domicilio fiscal del emisor no es válido")
                .contains("990101");
    }

    @Test
    void aDocumentChangedAfterSigningIsFault2335AndItsNumberIsSpent() throws Exception {
        Invoice factura = Invoice.factura("F001", 8);
        byte[] tampered = new String(signer.sign(factura.xml()), StandardCharsets.UTF_8)
                .replace("118.00", "18.00").getBytes(StandardCharsets.UTF_8);

        assertFault(sendBill(BETA, factura, tampered), "2335");
        assertThat(service.receivedDocuments().get(0).verdict().outcome()).isEqualTo(Outcome.REJECTED);
        assertFault(sendBill(BETA, factura, signer.sign(factura.xml())), "1032");
    }

    @Test
    void anUnsignedDocumentIsFault2336() throws Exception {
        Invoice factura = Invoice.factura("F001", 9);

        assertFault(sendBill(BETA, factura, factura.xml().getBytes(StandardCharsets.UTF_8)), "2336");
    }

    @Test
    void anAcceptedNumberSentAgainIsFault1033() throws Exception {
        Invoice factura = Invoice.factura("F001", 10);
        byte[] signed = signer.sign(factura.xml());
        sendBill(BETA, factura, signed);

        assertFault(sendBill(BETA, factura, signed), "1033");
    }

    @Test
    void aLostAnswerStillRegistersTheDocumentSoSendingItAgainIsFault1033() throws Exception {
        Invoice factura = Invoice.factura("F001", 12);
        byte[] signed = signer.sign(factura.xml());
        service.simulateLostAnswers(1);

        assertThat(sendBill(BETA, factura, signed)).isInstanceOf(ServiceAnswer.Lost.class);
        assertThat(service.receivedDocuments()).singleElement()
                .satisfies(d -> assertThat(d.verdict().outcome()).isEqualTo(Outcome.ACCEPTED));
        assertFault(sendBill(BETA, factura, signed), "1033");
        Invoice next = Invoice.factura("F001", 13);
        assertThat(sendBill(BETA, next, signer.sign(next.xml()))).as("only one answer was lost")
                .isInstanceOf(ServiceAnswer.ApplicationResponse.class);
    }

    @Test
    void fileNamesMustMatchTheDocumentInside() throws Exception {
        Invoice factura = Invoice.factura("F001", 11);
        byte[] signed = signer.sign(factura.xml());
        String base = factura.fileBaseName();

        assertFault(call(BETA, "sendBill", base + ".txt", zipBase64(base, signed)), "0151");
        assertFault(call(BETA, "sendBill", "20131312955-01-F001-11.zip",
                zipBase64("20131312955-01-F001-11", signed)), "0154");
        assertFault(call(BETA, "sendBill", base + ".zip", zipBase64(ISSUER_RUC + "-01-F001-12", signed)), "0161");
        assertFault(call(BETA, "sendBill", base + ".zip", zipBase64("factura", signed)), "0159");
        assertFault(call(BETA, "sendBill", ISSUER_RUC + "-01-F002-11.zip",
                zipBase64(ISSUER_RUC + "-01-F002-11", signed)), "1035");
        assertFault(call(BETA, "sendBill", ISSUER_RUC + "-01-F001-12.zip",
                zipBase64(ISSUER_RUC + "-01-F001-12", signed)), "1036");
        assertFault(call(BETA, "sendBill", ISSUER_RUC + "-03-F001-11.zip",
                zipBase64(ISSUER_RUC + "-03-F001-11", signed)), "1003");
        assertFault(call(BETA, "sendBill", base + ".zip", "not base64!"), "0156");
        // None of these registered the number: the right file still goes through.
        assertThat(cdrResponse(sendBill(BETA, factura, signed), factura)).isNotNull();
    }

    @Test
    void aDocumentOfAnotherIssuerIsFault1034() throws Exception {
        Invoice foreign = Invoice.factura("F001", 13).issuer("20131312955");
        byte[] signed = signer.sign(foreign.xml());
        String base = ISSUER_RUC + "-01-F001-13";

        assertFault(call(BETA, "sendBill", base + ".zip", zipBase64(base, signed)), "1034");
    }

    @Test
    void anOutageFailsTheNextRequestsWith0100ThenServiceResumes() throws Exception {
        Invoice factura = Invoice.factura("F001", 14);
        byte[] signed = signer.sign(factura.xml());
        service.simulateOutage(2);

        Fault first = assertFault(sendBill(BETA, factura, signed), "0100");
        assertFault(sendBill(BETA, factura, signed), "0100");

        assertThat(first.serverSide()).isTrue();
        assertThat(first.text()).isEqualTo(ReturnCode.SERVICE_UNAVAILABLE.message());
        assertThat(cdrResponse(sendBill(BETA, factura, signed), factura)).isNotNull();
        assertThat(service.receivedDocuments()).extracting(d -> d.verdict().code()).containsExactly("0100", "0100", "0");
    }

    @Test
    void aSummaryGetsATicketWhoseStatusIsInProcessThenProcessedWithItsCdr() throws Exception {
        String base = ISSUER_RUC + "-RC-20260116-1";
        byte[] signed = signer.sign(TestDocuments.dailySummary("RC-20260116-1", ISSUER_RUC));

        ServiceAnswer sent = call(BETA, "sendSummary", base + ".zip", zipBase64(base, signed));

        assertThat(sent).isInstanceOf(TicketIssued.class);
        String ticket = ((TicketIssued) sent).ticket();
        assertThat(ticket).matches("\\d{13,}");
        TicketStatus first = (TicketStatus) service.answer(statusCall(BETA, ticket));
        assertThat(first.statusCode()).isEqualTo("98");
        assertThat(first.content()).isNull();
        TicketStatus second = (TicketStatus) service.answer(statusCall(BETA, ticket));
        assertThat(second.statusCode()).isEqualTo("0");
        Element response = responseOf(second.content(), "R-" + base + ".xml");
        assertThat(text(response, "ResponseCode")).isEqualTo("0");
    }

    @Test
    void aSummaryWhoseIdDiffersFromItsFileNameIsProcessedWithError2220() throws Exception {
        String base = ISSUER_RUC + "-RC-20260116-2";
        byte[] signed = signer.sign(TestDocuments.dailySummary("RC-20260116-9", ISSUER_RUC));
        String ticket = ((TicketIssued) call(BETA, "sendSummary", base + ".zip", zipBase64(base, signed))).ticket();

        service.answer(statusCall(BETA, ticket));
        TicketStatus processed = (TicketStatus) service.answer(statusCall(BETA, ticket));

        assertThat(processed.statusCode()).isEqualTo("99");
        assertThat(text(responseOf(processed.content(), "R-" + base + ".xml"), "ResponseCode")).isEqualTo("2220");
    }

    @Test
    void ticketsAreKnownOnlyToTheirOwner() throws Exception {
        String base = ISSUER_RUC + "-RC-20260116-3";
        byte[] signed = signer.sign(TestDocuments.dailySummary("RC-20260116-3", ISSUER_RUC));
        String ticket = ((TicketIssued) call(BETA, "sendSummary", base + ".zip", zipBase64(base, signed))).ticket();

        assertFault(service.answer(statusCall(new Credentials("20131312955MODDATOS", "moddatos"), ticket)), "0126");
        assertFault(service.answer(statusCall(BETA, "123")), "0127");
    }

    @Test
    void aSummaryCannotGoThroughSendBill() throws Exception {
        String base = ISSUER_RUC + "-RC-20260116-4";
        byte[] signed = signer.sign(TestDocuments.dailySummary("RC-20260116-4", ISSUER_RUC));

        assertFault(call(BETA, "sendBill", base + ".zip", zipBase64(base, signed)), "0152");
    }

    private ServiceAnswer sendBill(Credentials credentials, Invoice invoice, byte[] signedXml) throws Exception {
        return call(credentials, "sendBill", invoice.fileBaseName() + ".zip",
                zipBase64(invoice.fileBaseName(), signedXml));
    }

    private ServiceAnswer call(Credentials credentials, String operation, String fileName, String content) {
        return service.answer(new SoapCall(Optional.of(credentials), operation,
                Map.of("fileName", fileName, "contentFile", content)));
    }

    private static SoapCall statusCall(Credentials credentials, String ticket) {
        return new SoapCall(Optional.of(credentials), "getStatus", Map.of("ticket", ticket));
    }

    private static String zipBase64(String baseName, byte[] xml) throws Exception {
        return Base64.getEncoder().encodeToString(TestSigner.zip(baseName + ".xml", xml));
    }

    private static Fault assertFault(ServiceAnswer answer, String code) {
        assertThat(answer).isInstanceOf(Fault.class);
        Fault fault = (Fault) answer;
        assertThat(fault.code()).as(fault.text()).isEqualTo(code);
        return fault;
    }

    private static Element cdrResponse(ServiceAnswer answer, Invoice invoice) throws Exception {
        assertThat(answer).as(answer.toString()).isInstanceOf(ApplicationResponse.class);
        return responseOf(((ApplicationResponse) answer).cdrZip(), "R-" + invoice.fileBaseName() + ".xml");
    }

    /** Opens the CDR ZIP and returns its cac:DocumentResponse/cac:Response. */
    private static Element responseOf(byte[] cdrZip, String expectedEntry) throws Exception {
        var entries = ZipArchive.read(cdrZip);
        assertThat(entries).extracting(ZipArchive.Entry::name).containsExactly(expectedEntry);
        Document cdr = TestSigner.parse(entries.get(0).content());
        assertThat(cdr.getDocumentElement().getLocalName()).isEqualTo("ApplicationResponse");
        return Xml.path(cdr.getDocumentElement(), Xml.CAC, "DocumentResponse", Xml.CAC, "Response").orElseThrow();
    }

    private static String text(Element response, String name) {
        return Xml.child(response, Xml.CBC, name).map(Xml::text).orElseThrow();
    }
}
