package io.cuadra.lab.domain;

/**
 * What the LIS said to one message, as the sync log keeps it. HL7 acknowledgement codes (MSA-1): AA/CA accepted;
 * AE/CE application error and AR/CR rejected, both a refusal a retry would meet again (FAILED, for a person to
 * look at). Over REST a 2xx accepts, a 4xx refuses; 5xx, timeouts and closed ports mean the LIS is away and the
 * message is retried with backoff.
 *
 * @param code    the acknowledgement code or HTTP status, null when nothing came back
 * @param payload the raw answer, null when nothing came back
 */
public record LisAnswer(Outcome outcome, String code, String detail, String payload) {

    public enum Outcome { ACCEPTED, REFUSED, UNAVAILABLE }

    public static LisAnswer ofAcknowledgement(String ackCode, String text, String payload) {
        String code = ackCode == null ? "" : ackCode.strip().toUpperCase(java.util.Locale.ROOT);
        Outcome outcome = switch (code) {
            case "AA", "CA" -> Outcome.ACCEPTED;
            case "AE", "CE", "AR", "CR" -> Outcome.REFUSED;
            default -> Outcome.REFUSED;
        };
        String detail = outcome == Outcome.ACCEPTED ? null
                : (code.isEmpty() ? "No acknowledgement code" : code) + (text == null || text.isBlank() ? "" : ": " + text);
        return new LisAnswer(outcome, code.isEmpty() ? null : code, detail, payload);
    }

    public static LisAnswer ofHttp(int status, String body) {
        if (status >= 200 && status < 300) {
            return new LisAnswer(Outcome.ACCEPTED, Integer.toString(status), null, body);
        }
        Outcome outcome = status >= 400 && status < 500 && status != 408 && status != 429
                ? Outcome.REFUSED : Outcome.UNAVAILABLE;
        return new LisAnswer(outcome, Integer.toString(status), "HTTP " + status, body);
    }

    public static LisAnswer unavailable(String why) {
        return new LisAnswer(Outcome.UNAVAILABLE, null, why, null);
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
