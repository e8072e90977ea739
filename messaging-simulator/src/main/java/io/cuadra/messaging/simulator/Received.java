package io.cuadra.messaging.simulator;

import java.time.Instant;

/**
 * One request a stand-in answered: which API, the message id it gave (null when refused), the recipient, the
 * template (WhatsApp) or sender (SMS), the raw request body and the HTTP status it answered.
 */
public record Received(String api, String id, String to, String template, String from, String body, int status,
                       Instant at) {

    /** The sender's own id for the message, if it gave one (WhatsApp's {@code biz_opaque_callback_data}). */
    public String reference() {
        return "WHATSAPP".equals(api) ? Json.string(body, "biz_opaque_callback_data") : null;
    }

    public boolean accepted() {
        return status >= 200 && status < 300;
    }

    /** One tab-separated line for the control endpoint. */
    String line() {
        return String.join("\t", api, String.valueOf(status), nz(id), nz(to), nz(template), nz(from), at.toString(),
                body.replace('\t', ' ').replace('\n', ' '));
    }

    private static String nz(String s) {
        return s == null ? "-" : s;
    }
}
