package io.cuadra.messaging.simulator;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /{version}/{phone-number-id}/messages} as the WhatsApp Business Cloud API answers it: a bearer
 * token, {@code messaging_product: whatsapp}, a recipient of 8 to 15 digits, a template with a name and a
 * language (or a text/document message). Errors come as Graph API error objects: 401 code 190 (token), 400
 * code 100 (invalid parameter), 429 code 130429 (rate limit), 500 code 1 (unknown error).
 */
final class WhatsAppCloudApi {

    static final Pattern PATH = Pattern.compile("^/(v\\d+\\.\\d+)/([0-9A-Za-z_-]+)/messages$");
    private static final Pattern RECIPIENT = Pattern.compile("^\\d{8,15}$");

    private final String token;

    WhatsAppCloudApi(String token) {
        this.token = token;
    }

    Answer send(String authorization, String body, Received[] kept) {
        String to = Json.string(body, "to");
        String type = Json.string(body, "type");
        String template = "template".equals(type) ? Json.string(body, "name") : null;
        if (authorization == null || !authorization.startsWith("Bearer ") || authorization.length() <= 7
                || (token != null && !authorization.equals("Bearer " + token))) {
            return keep(kept, to, template, body, error(401, 190, "OAuthException", "Invalid OAuth access token."));
        }
        if (!"whatsapp".equals(Json.string(body, "messaging_product"))) {
            return keep(kept, to, template, body, error(400, 100, "OAuthException",
                    "(#100) The parameter messaging_product is required."));
        }
        if (to == null || !RECIPIENT.matcher(to).matches()) {
            return keep(kept, to, template, body, error(400, 100, "OAuthException",
                    "(#100) Invalid parameter: to must be a phone number with its country code."));
        }
        if (type == null || !(type.equals("template") || type.equals("text") || type.equals("document"))) {
            return keep(kept, to, template, body, error(400, 100, "OAuthException",
                    "(#100) Param type must be one of {template, text, document}."));
        }
        if (type.equals("template") && (template == null || Json.string(body, "code") == null)) {
            return keep(kept, to, template, body, error(400, 132000, "OAuthException",
                    "(#132000) Template name and language are required."));
        }
        String id = "wamid." + UUID.randomUUID().toString().replace("-", "").toUpperCase();
        String json = "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":" + Json.quote(to)
                + ",\"wa_id\":" + Json.quote(to) + "}],\"messages\":[{\"id\":" + Json.quote(id) + "}]}";
        kept[0] = new Received("WHATSAPP", id, to, template, null, body, 200, Instant.now());
        return new Answer(200, json);
    }

    static Answer error(int status, int code, String type, String message) {
        return new Answer(status, "{\"error\":{\"message\":" + Json.quote(message) + ",\"type\":" + Json.quote(type)
                + ",\"code\":" + code + ",\"fbtrace_id\":" + Json.quote(UUID.randomUUID().toString().substring(0, 11))
                + "}}");
    }

    static Answer rateLimited() {
        return error(429, 130429, "OAuthException", "(#130429) Rate limit hit");
    }

    static Answer unknownError() {
        return error(500, 1, "OAuthException", "An unknown error has occurred.");
    }

    private static Answer keep(Received[] kept, String to, String template, String body, Answer answer) {
        kept[0] = new Received("WHATSAPP", null, to, template, null, body, answer.status(), Instant.now());
        return answer;
    }
}
