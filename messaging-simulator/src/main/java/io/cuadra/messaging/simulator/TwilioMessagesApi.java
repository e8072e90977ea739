package io.cuadra.messaging.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} as Twilio answers it: HTTP Basic with the
 * account SID, form-encoded To, From and Body; 201 with the message resource (status queued). Errors are
 * Twilio's JSON: 401 code 20003, 400 code 21211 (invalid To), 21602 (no Body), 21212 (invalid From), 429 code
 * 20429, 500 code 20500.
 */
final class TwilioMessagesApi {

    static final Pattern PATH = Pattern.compile("^/2010-04-01/Accounts/([^/]+)/Messages\\.json$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    private final String authToken;

    TwilioMessagesApi(String authToken) {
        this.authToken = authToken;
    }

    Answer send(String accountSid, String authorization, String body, Received[] kept) {
        Map<String, String> form = form(body);
        String to = form.get("To");
        String from = form.get("From");
        if (!authorized(accountSid, authorization)) {
            return keep(kept, to, from, body, error(401, 20003, "Authenticate"));
        }
        if (to == null || !E164.matcher(to).matches()) {
            return keep(kept, to, from, body, error(400, 21211, "The 'To' number " + to + " is not a valid phone number."));
        }
        if (from == null || from.isBlank()) {
            return keep(kept, to, from, body, error(400, 21212, "The 'From' number is not a valid phone number."));
        }
        String text = form.get("Body");
        if (text == null || text.isBlank()) {
            return keep(kept, to, from, body, error(400, 21602, "Message body is required."));
        }
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        String now = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC));
        String json = "{\"sid\":" + Json.quote(sid) + ",\"account_sid\":" + Json.quote(accountSid) + ",\"to\":"
                + Json.quote(to) + ",\"from\":" + Json.quote(from) + ",\"body\":" + Json.quote(text)
                + ",\"status\":\"queued\",\"num_segments\":\"" + (1 + text.length() / 160) + "\",\"direction\":"
                + "\"outbound-api\",\"api_version\":\"2010-04-01\",\"date_created\":" + Json.quote(now)
                + ",\"error_code\":null,\"error_message\":null,\"uri\":" + Json.quote("/2010-04-01/Accounts/"
                + accountSid + "/Messages/" + sid + ".json") + "}";
        kept[0] = new Received("SMS", sid, to, null, from, text, 201, Instant.now());
        return new Answer(201, json);
    }

    /** The account SID and auth token of an HTTP Basic header (empty strings when there is none). */
    static String[] basic(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return new String[]{decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (RuntimeException e) {
            return new String[]{"", ""};
        }
    }

    private boolean authorized(String accountSid, String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        return colon > 0 && decoded.substring(0, colon).equals(accountSid) && colon < decoded.length() - 1
                && (authToken == null || decoded.substring(colon + 1).equals(authToken));
    }

    static Answer error(int status, int code, String message) {
        return new Answer(status, "{\"code\":" + code + ",\"message\":" + Json.quote(message)
                + ",\"more_info\":\"https://www.twilio.com/docs/errors/" + code + "\",\"status\":" + status + "}");
    }

    static Answer rateLimited() {
        return error(429, 20429, "Too Many Requests");
    }

    static Answer unknownError() {
        return error(500, 20500, "Internal Server Error");
    }

    static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static Answer keep(Received[] kept, String to, String from, String body, Answer answer) {
        kept[0] = new Received("SMS", null, to, null, from, body, answer.status(), Instant.now());
        return answer;
    }
}
