package io.cuadra.lis.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One order message the stand-in took (or refused), as the control endpoint lists it.
 *
 * @param protocol MLLP or REST
 * @param action   NW (new) or CA (cancel), from ORC-1 or the JSON "action"
 * @param answer   what the stand-in answered: AA, AE, AR, an HTTP status, or DROPPED
 * @param birthDate the patient's birth date as sent (PID-7, yyyyMMdd; JSON patient.birthDate), null when absent
 * @param sex       the patient's sex as sent (PID-8; JSON patient.sex), null when absent
 */
public record Received(Instant at, String protocol, String controlId, String action, String placer, List<String> tests,
                       String answer, String birthDate, String sex) {

    public Received {
        tests = List.copyOf(tests);
    }

    static Received of(String protocol, OrderMessages.Order order, String answer) {
        return new Received(Instant.now(), protocol, order.controlId(), order.action(), order.placer(), order.tests(),
                answer, order.birthDate(), order.sex());
    }

    static Received unreadable(String protocol, String answer) {
        return new Received(Instant.now(), protocol, null, null, null, List.of(), answer, null, null);
    }

    String line() {
        return at + "\t" + protocol + "\t" + controlId + "\t" + action + "\t" + placer + "\t" + String.join(",", tests)
                + "\t" + answer + "\t" + (birthDate == null ? "" : birthDate) + "\t" + (sex == null ? "" : sex);
    }
}
