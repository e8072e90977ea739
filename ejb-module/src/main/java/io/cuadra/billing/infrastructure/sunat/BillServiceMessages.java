package io.cuadra.billing.infrastructure.sunat;

import static io.cuadra.billing.infrastructure.sunat.SafeXml.SOAP_ENV;
import static io.cuadra.billing.infrastructure.sunat.SafeXml.escape;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The SOAP 1.1 messages of SUNAT's billService WSDL (namespace http://service.sunat.gob.pe, document/literal,
 * parameters unqualified) and SUNAT's way of answering them, turned into gateway outcomes.
 */
final class BillServiceMessages {

    private static final String SERVICE_NS = "http://service.sunat.gob.pe";
    private static final String WSSE_NS =
            "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    private static final String PASSWORD_TEXT = "http://docs.oasis-open.org/wss/2004/01/"
            + "oasis-200401-wss-username-token-profile-1.0#PasswordText";
    /** "soap-env:Client.0102", "soap-env:Server.0100", or a bare "0102". */
    private static final Pattern CODE_IN_FAULTCODE = Pattern.compile("(?:.*\\.)?(\\d{1,4})");
    /** Some faults carry the code only in the text: "0100 - El sistema no puede...". */
    private static final Pattern CODE_IN_FAULTSTRING = Pattern.compile("(\\d{4})\\b.*", Pattern.DOTALL);

    /** A SOAP fault as SUNAT sends it; code is null when neither faultcode nor faultstring holds one. */
    record Fault(String code, String message) {
    }

    private BillServiceMessages() {
    }

    static String sendBill(SolCredentials credentials, String fileName, byte[] zip) {
        return envelope(credentials, "<ser:sendBill><fileName>" + escape(fileName) + "</fileName><contentFile>"
                + Base64.getEncoder().encodeToString(zip) + "</contentFile></ser:sendBill>");
    }

    static String sendSummary(SolCredentials credentials, String fileName, byte[] zip) {
        return envelope(credentials, "<ser:sendSummary><fileName>" + escape(fileName) + "</fileName><contentFile>"
                + Base64.getEncoder().encodeToString(zip) + "</contentFile></ser:sendSummary>");
    }

    static String getStatus(SolCredentials credentials, String ticket) {
        return envelope(credentials, "<ser:getStatus><ticket>" + escape(ticket) + "</ticket></ser:getStatus>");
    }

    private static String envelope(SolCredentials credentials, String operation) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"" + SOAP_ENV + "\" xmlns:ser=\"" + SERVICE_NS + "\""
                + " xmlns:wsse=\"" + WSSE_NS + "\">"
                + "<soapenv:Header><wsse:Security><wsse:UsernameToken>"
                + "<wsse:Username>" + escape(credentials.username()) + "</wsse:Username>"
                + "<wsse:Password Type=\"" + PASSWORD_TEXT + "\">" + escape(credentials.password())
                + "</wsse:Password>"
                + "</wsse:UsernameToken></wsse:Security></soapenv:Header>"
                + "<soapenv:Body>" + operation + "</soapenv:Body></soapenv:Envelope>";
    }

    /** The body's payload element (e.g. sendBillResponse) and, when that payload is a soap:Fault, the fault. */
    record Answer(Element payload, Fault fault) {
    }

    /** @throws SunatRetryableException when the bytes are not a SOAP envelope with a body */
    static Answer read(byte[] body) throws SunatRetryableException {
        Document document;
        try {
            document = SafeXml.parse(body);
        } catch (SAXException | IOException e) {
            throw SunatRetryableException.unexpected("SUNAT's answer is not XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        Optional<Element> payload = Optional.of(root)
                .filter(r -> SOAP_ENV.equals(r.getNamespaceURI()) && "Envelope".equals(r.getLocalName()))
                .flatMap(r -> SafeXml.child(r, SOAP_ENV, "Body"))
                .flatMap(SafeXml::firstChildElement);
        if (payload.isEmpty()) {
            throw SunatRetryableException.unexpected("SUNAT's answer is not a SOAP envelope with a body", null);
        }
        Element element = payload.get();
        boolean isFault = SOAP_ENV.equals(element.getNamespaceURI()) && "Fault".equals(element.getLocalName());
        return new Answer(element, isFault ? fault(element) : null);
    }

    static Fault fault(Element fault) {
        String faultCode = SafeXml.child(fault, null, "faultcode").map(SafeXml::text).orElse("");
        String faultString = SafeXml.child(fault, null, "faultstring").map(SafeXml::text).orElse("");
        Matcher inCode = CODE_IN_FAULTCODE.matcher(faultCode);
        Matcher inString = CODE_IN_FAULTSTRING.matcher(faultString);
        String code = inCode.matches() ? inCode.group(1) : inString.matches() ? inString.group(1) : null;
        return new Fault(code == null ? null : SunatCodeCategory.normalize(code),
                faultString.isEmpty() ? faultCode : faultString);
    }

    /** A fault is a verdict only when its code is a rejection; everything else left nothing registered. */
    static SunatResult rejectionOrThrow(Fault fault) throws SunatRetryableException {
        if (fault.code() != null && SunatCodeCategory.of(fault.code()) == SunatCodeCategory.REJECTION) {
            return new SunatResult(SunatStatus.REJECTED, fault.code(), fault.message(), List.of(), null);
        }
        throw SunatRetryableException.sunatException(fault.code(), fault.message());
    }

    /** Classifies a CDR by SUNAT's ranges; a CDR carrying an exception code registered nothing. */
    static SunatResult verdict(byte[] cdrZip) throws SunatRetryableException {
        Cdr cdr;
        String code;
        SunatCodeCategory category;
        try {
            cdr = CdrReader.read(cdrZip);
            code = SunatCodeCategory.normalize(cdr.responseCode());
            category = SunatCodeCategory.of(code);
        } catch (IllegalArgumentException e) {
            throw SunatRetryableException.unexpected("SUNAT's CDR cannot be read: " + e.getMessage(), e);
        }
        SunatStatus status = switch (category) {
            case ACCEPTED -> cdr.notes().isEmpty() ? SunatStatus.ACCEPTED : SunatStatus.ACCEPTED_WITH_OBSERVATIONS;
            case OBSERVATION -> SunatStatus.ACCEPTED_WITH_OBSERVATIONS;
            case REJECTION -> SunatStatus.REJECTED;
            case EXCEPTION -> throw SunatRetryableException.sunatException(code, cdr.description());
        };
        return new SunatResult(status, code, cdr.description(), cdr.notes(), cdrZip);
    }

    /** The base64 text of an unqualified child of the payload (applicationResponse, content). */
    static Optional<byte[]> base64Child(Element parent, String name) throws SunatRetryableException {
        Optional<String> text = SafeXml.child(parent, null, name).map(SafeXml::text).filter(t -> !t.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getMimeDecoder().decode(text.get()));
        } catch (IllegalArgumentException e) {
            throw SunatRetryableException.unexpected("SUNAT's " + name + " is not base64", e);
        }
    }
}
