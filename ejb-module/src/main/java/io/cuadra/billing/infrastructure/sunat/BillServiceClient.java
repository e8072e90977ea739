package io.cuadra.billing.infrastructure.sunat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.cuadra.billing.infrastructure.sunat.BillServiceMessages.Answer;
import io.cuadra.billing.infrastructure.sunat.SunatRetryableException.Reason;

/**
 * {@link SunatGateway} over SUNAT's billService SOAP endpoint with the JDK's HTTP client: plain SOAP 1.1
 * envelopes with a WS-Security UsernameToken (PasswordText, as SUNAT requires), no JAX-WS, so it runs and is
 * tested the same inside Payara and outside it. Thread-safe; one instance per issuer and environment.
 */
public final class BillServiceClient implements SunatGateway {

    private final SunatGatewayConfig config;
    private final HttpClient http;

    public BillServiceClient(SunatGatewayConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public SunatResult sendBill(String zipFileName, byte[] zip) throws SunatRetryableException {
        requireZip(zipFileName, zip);
        Answer answer = call("urn:sendBill", BillServiceMessages.sendBill(config.credentials(), zipFileName, zip));
        if (answer.fault() != null) {
            return BillServiceMessages.rejectionOrThrow(answer.fault());
        }
        byte[] cdr = BillServiceMessages.base64Child(answer.payload(), "applicationResponse")
                .orElseThrow(() -> SunatRetryableException.unexpected("sendBill answered without applicationResponse",
                        null));
        return BillServiceMessages.verdict(cdr);
    }

    @Override
    public SummarySubmission sendSummary(String zipFileName, byte[] zip) throws SunatRetryableException {
        requireZip(zipFileName, zip);
        Answer answer = call("urn:sendSummary",
                BillServiceMessages.sendSummary(config.credentials(), zipFileName, zip));
        if (answer.fault() != null) {
            return new SummarySubmission.Rejected(BillServiceMessages.rejectionOrThrow(answer.fault()));
        }
        String ticket = SafeXml.child(answer.payload(), null, "ticket").map(SafeXml::text).orElse("");
        if (ticket.isEmpty()) {
            throw SunatRetryableException.unexpected("sendSummary answered without a ticket", null);
        }
        return new SummarySubmission.Ticket(ticket);
    }

    @Override
    public TicketStatus getStatus(String ticket) throws SunatRetryableException {
        if (ticket == null || ticket.isBlank()) {
            throw new IllegalArgumentException("A ticket number is required");
        }
        Answer answer = call("urn:getStatus", BillServiceMessages.getStatus(config.credentials(), ticket.strip()));
        if (answer.fault() != null) {
            return TicketStatus.processed(ticket, BillServiceMessages.rejectionOrThrow(answer.fault()));
        }
        var status = SafeXml.child(answer.payload(), null, "status")
                .orElseThrow(() -> SunatRetryableException.unexpected("getStatus answered without status", null));
        String statusCode = SafeXml.child(status, null, "statusCode").map(SafeXml::text).orElse("");
        Optional<byte[]> content = BillServiceMessages.base64Child(status, "content");
        return switch (statusCode) {
            case "98" -> TicketStatus.processing(ticket);
            case "0", "99" -> TicketStatus.processed(ticket, BillServiceMessages.verdict(content.orElseThrow(
                    () -> SunatRetryableException.unexpected("getStatus " + statusCode + " came without its CDR",
                            null))));
            default -> throw SunatRetryableException.unexpected("Unknown getStatus statusCode \"" + statusCode + "\"",
                    null);
        };
    }

    /** POSTs one envelope; only a SOAP answer (200, or 500 with a fault) gets past here. */
    private Answer call(String soapAction, String envelope) throws SunatRetryableException {
        HttpRequest request = HttpRequest.newBuilder(config.billServiceEndpoint())
                .timeout(config.requestTimeout())
                .header("Content-Type", "text/xml;charset=UTF-8")
                .header("SOAPAction", soapAction)
                .POST(HttpRequest.BodyPublishers.ofString(envelope, StandardCharsets.UTF_8))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new SunatRetryableException(Reason.TIMEOUT, null, "SUNAT did not answer " + soapAction
                    + " within " + config.requestTimeout() + " (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new SunatRetryableException(Reason.NETWORK, null, "Could not reach SUNAT at "
                    + config.billServiceEndpoint() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SunatRetryableException(Reason.INTERRUPTED, null, "Interrupted while waiting for SUNAT", e);
        }
        int status = response.statusCode();
        if (status != 200 && status != 500) {
            throw SunatRetryableException.unexpected("SUNAT answered HTTP " + status + " to " + soapAction, null);
        }
        Answer answer = BillServiceMessages.read(response.body());
        if (status == 500 && answer.fault() == null) {
            throw SunatRetryableException.unexpected("SUNAT answered HTTP 500 without a SOAP fault", null);
        }
        return answer;
    }

    private static void requireZip(String zipFileName, byte[] zip) {
        if (zipFileName == null || !zipFileName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw new IllegalArgumentException("SUNAT takes a ZIP named RUC-TT-SERIE-NUMERO.zip, got " + zipFileName);
        }
        if (zip == null || zip.length == 0) {
            throw new IllegalArgumentException("The ZIP is empty");
        }
    }
}
