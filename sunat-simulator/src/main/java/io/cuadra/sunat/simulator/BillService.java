package io.cuadra.sunat.simulator;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.w3c.dom.Document;
import org.xml.sax.SAXException;

import io.cuadra.sunat.simulator.ServiceAnswer.ApplicationResponse;
import io.cuadra.sunat.simulator.ServiceAnswer.Fault;
import io.cuadra.sunat.simulator.ServiceAnswer.TicketIssued;
import io.cuadra.sunat.simulator.ServiceAnswer.TicketStatus;
import io.cuadra.sunat.simulator.SolUsers.SolUser;
import io.cuadra.sunat.simulator.Verdict.Outcome;

/**
 * SUNAT's billService without the SOAP: authenticates the caller, opens the ZIP, checks names against content,
 * verifies the signature, applies the content rules and remembers every document number it has registered.
 * One lock guards it all; a simulator has no throughput to defend, and the register must stay consistent when
 * the same number arrives twice at once.
 */
final class BillService {

    private final SolUsers users;
    private final Clock clock;
    private final List<ReceivedDocument> received = new CopyOnWriteArrayList<>();
    /** Registered documents by RUC-type-series-number: a number once accepted or rejected is spent. */
    private final Map<String, Outcome> register = new HashMap<>();
    private final Map<String, PendingSummary> tickets = new HashMap<>();
    private int outageRequestsLeft;
    private int answersToLose;
    private long nextResponseId;
    private long nextTicket;

    /** A summary is validated on arrival but, as at SUNAT, its result shows only from the second status query. */
    private static final class PendingSummary {
        final String ownerRuc;
        final Verdict verdict;
        int queries;

        PendingSummary(String ownerRuc, Verdict verdict) {
            this.ownerRuc = ownerRuc;
            this.verdict = verdict;
        }
    }

    private record Unzipped(DocumentFileName name, UblDocument document) {
    }

    /** Either the unzipped document or the exception that stopped it. */
    private record Opening(Unzipped unzipped, Finding failure) {
    }

    BillService(SolUsers users, Clock clock) {
        this.users = users;
        this.clock = clock;
        this.nextResponseId = LocalDateTime.now(clock).getYear() * 100_000_000_000L + 1;
        this.nextTicket = clock.millis();
    }

    synchronized void simulateOutage(int requests) {
        if (requests < 0) {
            throw new IllegalArgumentException("requests must be 0 or more, got " + requests);
        }
        outageRequestsLeft = requests;
    }

    /** The next {@code sendBills} documents are registered as usual but their answers are lost on the way. */
    synchronized void simulateLostAnswers(int sendBills) {
        if (sendBills < 0) {
            throw new IllegalArgumentException("sendBills must be 0 or more, got " + sendBills);
        }
        answersToLose = sendBills;
    }

    List<ReceivedDocument> receivedDocuments() {
        return List.copyOf(received);
    }

    synchronized ServiceAnswer answer(SoapCall call) {
        if (outageRequestsLeft > 0) {
            outageRequestsLeft--;
            Fault fault = Fault.of(ReturnCode.SERVICE_UNAVAILABLE);
            keepIfDocument(call, "", Verdict.fault(new Finding(ReturnCode.SERVICE_UNAVAILABLE, null)));
            return fault;
        }
        if (call.credentials().isEmpty()) {
            keepIfDocument(call, "", Verdict.fault(new Finding(ReturnCode.BAD_SECURITY_HEADER, null)));
            return Fault.of(ReturnCode.BAD_SECURITY_HEADER);
        }
        String username = call.credentials().get().username();
        Optional<SolUser> user = users.authenticate(username, call.credentials().get().password());
        if (user.isEmpty()) {
            keepIfDocument(call, username, Verdict.fault(new Finding(ReturnCode.WRONG_CREDENTIALS, null)));
            return Fault.of(ReturnCode.WRONG_CREDENTIALS);
        }
        return switch (call.operation()) {
            case "sendBill" -> sendBill(user.get(), username, call.parameter("fileName"), call.parameter("contentFile"));
            case "sendSummary" ->
                    sendSummary(user.get(), username, call.parameter("fileName"), call.parameter("contentFile"));
            case "getStatus" -> getStatus(user.get(), call.parameter("ticket"));
            default -> new Fault(null, "Operación no soportada: " + call.operation(), false);
        };
    }

    private ServiceAnswer sendBill(SolUser user, String username, String fileName, String contentFile) {
        byte[] zip = decode(contentFile);
        Opening opening = open(user, fileName, zip, false);
        if (opening.failure() != null) {
            return fault(username, fileName, zip, opening.failure());
        }
        DocumentFileName name = opening.unzipped().name();
        UblDocument document = opening.unzipped().document();
        Optional<Finding> mismatch = contentAgainstName(name, document);
        if (mismatch.isPresent()) {
            return fault(username, fileName, zip, mismatch.get());
        }
        String key = name.ruc() + "-" + name.typeCode() + "-" + name.series() + "-" + Long.parseLong(name.number());
        Outcome earlier = register.get(key);
        if (earlier != null) {
            return fault(username, fileName, zip, new Finding(earlier == Outcome.REJECTED
                    ? ReturnCode.ALREADY_VOIDED_OR_REJECTED : ReturnCode.ALREADY_REGISTERED,
                    "El comprobante " + document.id() + " fue informado anteriormente"));
        }
        Optional<Finding> badSignature = SignatureRule.check(document);
        if (badSignature.isPresent()) {
            // Seen from SUNAT as soap-env:Client.2335 with no CDR; the number is spent all the same.
            register.put(key, Outcome.REJECTED);
            return fault(username, fileName, zip, badSignature.get());
        }
        Optional<Finding> identity = CustomerIdentityRule.check(document);
        if (identity.isPresent() && identity.get().code().isException()) {
            return fault(username, fileName, zip, identity.get());
        }
        Verdict verdict = identity.map(f -> rejected(name, document, f))
                .orElseGet(() -> accepted(name, document, IssuerAddressRule.check(document).stream().toList()));
        register.put(key, verdict.outcome());
        received.add(new ReceivedDocument(clock.instant(), "sendBill", username, fileName, zip, verdict));
        if (answersToLose > 0) {
            answersToLose--;
            return new ServiceAnswer.Lost();
        }
        return new ApplicationResponse(verdict.cdrZip());
    }

    private ServiceAnswer sendSummary(SolUser user, String username, String fileName, String contentFile) {
        byte[] zip = decode(contentFile);
        Opening opening = open(user, fileName, zip, true);
        if (opening.failure() != null) {
            return fault(username, fileName, zip, opening.failure(), "sendSummary");
        }
        DocumentFileName name = opening.unzipped().name();
        UblDocument document = opening.unzipped().document();
        Optional<Finding> finding = Optional.<Finding>empty()
                .or(() -> document.id().equals(name.documentId()) ? Optional.empty()
                        : Optional.of(new Finding(ReturnCode.SUMMARY_ID_NOT_FILE_NAME,
                        "(nodo: \"cbc:ID\" valor: \"" + document.id() + "\")")))
                .or(() -> document.issuerRuc().equals(name.ruc()) ? Optional.empty()
                        : Optional.of(new Finding(ReturnCode.SUMMARY_RUC_NOT_FILE_RUC,
                        "(nodo: \"cbc:CustomerAssignedAccountID\" valor: \"" + document.issuerRuc() + "\")")))
                .or(() -> SignatureRule.check(document));
        Verdict verdict = finding.map(f -> rejected(name, document, f))
                .orElseGet(() -> accepted(name, document, List.of()));
        String ticket = String.valueOf(nextTicket++);
        tickets.put(ticket, new PendingSummary(user.ruc(), verdict));
        received.add(new ReceivedDocument(clock.instant(), "sendSummary", username, fileName, zip, verdict));
        return new TicketIssued(ticket);
    }

    private ServiceAnswer getStatus(SolUser user, String ticket) {
        PendingSummary summary = tickets.get(ticket.strip());
        if (summary == null) {
            return Fault.of(ReturnCode.UNKNOWN_TICKET);
        }
        if (!summary.ownerRuc.equals(user.ruc())) {
            return Fault.of(ReturnCode.TICKET_OF_ANOTHER_USER);
        }
        if (summary.queries++ == 0) {
            return new TicketStatus("98", null);
        }
        return new TicketStatus(summary.verdict.outcome() == Outcome.REJECTED ? "99" : "0", summary.verdict.cdrZip());
    }

    /** The checks every sendBill and sendSummary goes through, in SUNAT's order: names, ZIP, XML name, XML. */
    private Opening open(SolUser user, String fileName, byte[] zip, boolean summary) {
        Optional<DocumentFileName> name = DocumentFileName.parse(fileName, "zip");
        if (name.isEmpty() || name.get().isSummary() != summary) {
            return failed(name.isPresent() && !summary ? ReturnCode.SUMMARY_NOT_ALLOWED_HERE : ReturnCode.BAD_ZIP_NAME,
                    fileName);
        }
        if (!name.get().ruc().equals(user.ruc())) {
            return failed(ReturnCode.RUC_NOT_THE_USERS, fileName);
        }
        if (zip.length == 0) {
            return failed(ReturnCode.CORRUPT_ZIP, "contentFile no es base64");
        }
        List<ZipArchive.Entry> entries;
        try {
            entries = ZipArchive.read(zip);
        } catch (IOException e) {
            return failed(ReturnCode.CORRUPT_ZIP, e.getMessage());
        }
        if (entries.isEmpty()) {
            return failed(ReturnCode.EMPTY_ZIP, fileName);
        }
        List<ZipArchive.Entry> xmlFiles = new ArrayList<>();
        for (ZipArchive.Entry entry : entries) {
            if (entry.name().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                xmlFiles.add(entry);
            }
        }
        if (xmlFiles.isEmpty()) {
            return failed(ReturnCode.NO_DOCUMENT_IN_ZIP, fileName);
        }
        if (xmlFiles.size() > 1) {
            return failed(ReturnCode.TOO_MANY_DOCUMENTS_IN_ZIP, xmlFiles.size() + " archivos XML");
        }
        ZipArchive.Entry xml = xmlFiles.get(0);
        Optional<DocumentFileName> xmlName = DocumentFileName.parse(xml.name(), "xml");
        if (xmlName.isEmpty()) {
            return failed(ReturnCode.BAD_XML_NAME, xml.name());
        }
        if (!xmlName.get().baseName().equals(name.get().baseName())) {
            return failed(ReturnCode.XML_NAME_NOT_ZIP_NAME, xml.name());
        }
        if (xml.content().length == 0) {
            return failed(ReturnCode.EMPTY_XML, xml.name());
        }
        try {
            Document dom = Xml.parse(xml.content());
            return new Opening(new Unzipped(name.get(), UblDocument.read(dom)), null);
        } catch (SAXException | IOException e) {
            return failed(ReturnCode.UNREADABLE_XML, e.getMessage());
        }
    }

    /** Codes 1034, 1003, 1035, 1036: the file name promised one document and the XML is another. */
    private static Optional<Finding> contentAgainstName(DocumentFileName name, UblDocument document) {
        if (!document.issuerRuc().equals(name.ruc())) {
            return Optional.of(new Finding(ReturnCode.RUC_NOT_FILE_RUC, valueOf("RUC", document.issuerRuc())));
        }
        if (!document.typeCode().equals(name.typeCode())) {
            return Optional.of(new Finding(ReturnCode.TYPE_NOT_FILE_TYPE, valueOf("InvoiceTypeCode",
                    document.typeCode())));
        }
        if (!document.series().equals(name.series())) {
            return Optional.of(new Finding(ReturnCode.SERIES_NOT_FILE_SERIES, valueOf("cbc:ID", document.id())));
        }
        if (!document.number().matches("\\d{1,8}")
                || Long.parseLong(document.number()) != Long.parseLong(name.number())) {
            return Optional.of(new Finding(ReturnCode.NUMBER_NOT_FILE_NUMBER, valueOf("cbc:ID", document.id())));
        }
        return Optional.empty();
    }

    private Verdict accepted(DocumentFileName name, UblDocument document, List<Finding> observations) {
        String description = name.isSummary()
                ? "El " + document.kindName() + " " + document.id() + ", ha sido aceptado"
                : "La " + document.kindName() + " numero " + document.id() + ", ha sido aceptada";
        List<String> notes = observations.stream().map(Finding::note).toList();
        byte[] cdr = cdr(name, document, "0", description, notes);
        return new Verdict(notes.isEmpty() ? Outcome.ACCEPTED : Outcome.ACCEPTED_WITH_OBSERVATIONS, "0",
                description, notes, cdr);
    }

    private Verdict rejected(DocumentFileName name, UblDocument document, Finding finding) {
        String description = finding.text();
        byte[] cdr = cdr(name, document, finding.code().code(), description, List.of());
        return new Verdict(Outcome.REJECTED, finding.code().code(), description, List.of(), cdr);
    }

    private byte[] cdr(DocumentFileName name, UblDocument document, String code, String description,
                       List<String> notes) {
        String recipient = document.customer().map(c -> c.typeCode() + "-" + c.number()).orElse("-");
        return CdrWriter.write(new CdrWriter.CdrContent(String.valueOf(nextResponseId++), name, document.id(), code,
                description, notes, recipient, LocalDateTime.now(clock)));
    }

    private ServiceAnswer fault(String username, String fileName, byte[] zip, Finding finding) {
        return fault(username, fileName, zip, finding, "sendBill");
    }

    private ServiceAnswer fault(String username, String fileName, byte[] zip, Finding finding, String operation) {
        received.add(new ReceivedDocument(clock.instant(), operation, username, fileName, zip,
                Verdict.fault(finding)));
        return Fault.of(finding);
    }

    private void keepIfDocument(SoapCall call, String username, Verdict verdict) {
        if (call.operation().equals("sendBill") || call.operation().equals("sendSummary")) {
            received.add(new ReceivedDocument(clock.instant(), call.operation(), username,
                    call.parameter("fileName"), decode(call.parameter("contentFile")), verdict));
        }
    }

    private static Opening failed(ReturnCode code, String detail) {
        return new Opening(null, new Finding(code, detail));
    }

    private static String valueOf(String node, String value) {
        return "(nodo: \"" + node + "\" valor: \"" + value + "\")";
    }

    /** MIME base64 too: SOAP toolkits wrap long base64 text in lines. */
    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
