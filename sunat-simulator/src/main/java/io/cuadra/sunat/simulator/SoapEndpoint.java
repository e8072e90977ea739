package io.cuadra.sunat.simulator;

import static io.cuadra.sunat.simulator.Xml.SOAP_ENV;
import static io.cuadra.sunat.simulator.Xml.WSSE;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import io.cuadra.sunat.simulator.ServiceAnswer.ApplicationResponse;
import io.cuadra.sunat.simulator.ServiceAnswer.Fault;
import io.cuadra.sunat.simulator.ServiceAnswer.TicketIssued;
import io.cuadra.sunat.simulator.ServiceAnswer.TicketStatus;
import io.cuadra.sunat.simulator.SoapCall.Credentials;

/**
 * The SOAP 1.1 face of the bill service at SUNAT's path: reads the envelope (WS-Security UsernameToken in the
 * header, the operation in the body) and writes answers and faults the way SUNAT does: faults with HTTP 500 and
 * a faultcode "soap-env:Client.NNNN" or "soap-env:Server.NNNN".
 */
final class SoapEndpoint implements HttpHandler {

    private static final int MAX_REQUEST_BYTES = 20 * 1024 * 1024;

    private final BillService service;

    SoapEndpoint(BillService service) {
        this.service = service;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            ServiceAnswer answer = body.length > MAX_REQUEST_BYTES
                    ? new Fault(null, "La solicitud excede el tamaño permitido", false)
                    : read(body).map(service::answer)
                    .orElseGet(() -> new Fault(null, "El mensaje no es un sobre SOAP valido", false));
            send(exchange, answer);
        }
    }

    static Optional<SoapCall> read(byte[] body) {
        Document envelope;
        try {
            envelope = Xml.parse(body);
        } catch (SAXException | IOException e) {
            return Optional.empty();
        }
        Element root = envelope.getDocumentElement();
        if (!SOAP_ENV.equals(root.getNamespaceURI()) || !"Envelope".equals(root.getLocalName())) {
            return Optional.empty();
        }
        Optional<Element> operation = Xml.child(root, SOAP_ENV, "Body").flatMap(Xml::firstChildElement);
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String name : new String[] {"fileName", "contentFile", "ticket", "partyType"}) {
            Xml.childNamed(operation.get(), name).ifPresent(e -> parameters.put(name, Xml.text(e)));
        }
        return Optional.of(new SoapCall(credentials(root), operation.get().getLocalName(), parameters));
    }

    private static Optional<Credentials> credentials(Element envelope) {
        Optional<Element> token = Xml.path(envelope, SOAP_ENV, "Header", WSSE, "Security", WSSE, "UsernameToken");
        Optional<String> username = token.flatMap(t -> Xml.child(t, WSSE, "Username")).map(Xml::text);
        Optional<String> password = token.flatMap(t -> Xml.child(t, WSSE, "Password")).map(Xml::text);
        if (username.isEmpty() || password.isEmpty() || username.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(username.get(), password.get()));
    }

    private static void send(HttpExchange exchange, ServiceAnswer answer) throws IOException {
        if (answer instanceof ServiceAnswer.Lost) {
            byte[] text = "Gateway Timeout\n".getBytes(StandardCharsets.US_ASCII);
            exchange.getResponseHeaders().set("Content-Type", "text/plain");
            exchange.sendResponseHeaders(504, text.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(text);
            }
            return;
        }
        Document doc = Xml.newDocument();
        Element envelope = doc.createElementNS(SOAP_ENV, "soap-env:Envelope");
        doc.appendChild(envelope);
        Xml.append(envelope, SOAP_ENV, "soap-env:Header");
        Element body = Xml.append(envelope, SOAP_ENV, "soap-env:Body");
        int status = 200;
        if (answer instanceof ApplicationResponse response) {
            Element sendBill = Xml.append(body, Xml.SUNAT_SERVICE, "br:sendBillResponse");
            appendUnqualified(sendBill, "applicationResponse", Base64.getEncoder().encodeToString(response.cdrZip()));
        } else if (answer instanceof TicketIssued issued) {
            Element sendSummary = Xml.append(body, Xml.SUNAT_SERVICE, "br:sendSummaryResponse");
            appendUnqualified(sendSummary, "ticket", issued.ticket());
        } else if (answer instanceof TicketStatus ticketStatus) {
            Element getStatus = Xml.append(body, Xml.SUNAT_SERVICE, "br:getStatusResponse");
            Element statusElement = appendUnqualified(getStatus, "status", null);
            if (ticketStatus.content() != null) {
                appendUnqualified(statusElement, "content", Base64.getEncoder().encodeToString(ticketStatus.content()));
            }
            appendUnqualified(statusElement, "statusCode", ticketStatus.statusCode());
        } else if (answer instanceof Fault fault) {
            status = 500;
            Element faultElement = Xml.append(body, SOAP_ENV, "soap-env:Fault");
            String side = fault.serverSide() ? "soap-env:Server" : "soap-env:Client";
            appendUnqualified(faultElement, "faultcode", fault.code() == null ? side : side + "." + fault.code());
            appendUnqualified(faultElement, "faultstring", fault.text());
        }
        byte[] bytes = Xml.serialize(doc);
        exchange.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** SUNAT's answers put the parts of a response in no namespace: &lt;applicationResponse&gt;, &lt;faultcode&gt;. */
    private static Element appendUnqualified(Element parent, String name, String text) {
        Element element = parent.getOwnerDocument().createElementNS(null, name);
        if (text != null) {
            element.setTextContent(text);
        }
        parent.appendChild(element);
        return element;
    }
}
