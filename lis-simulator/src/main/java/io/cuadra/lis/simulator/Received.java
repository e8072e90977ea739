package io.cuadra.lis.simulator;

import java.time.Instant;
import java.util.List;

/**
 * One order message the stand-in took (or refused), as the control endpoint lists it.
 *
 * @param protocol MLLP or REST
 * @param action   NW (new) or CA (cancel), from ORC-1 or the JSON "action"
 * @param answer   what the stand-in answered: AA, AE, AR, an HTTP status, or DROPPED
 */
public record Received(Instant at, String protocol, String controlId, String action, String placer, List<String> tests,
                       String answer) {

    public Received {
        tests = List.copyOf(tests);
    }

    String line() {
        return at + "\t" + protocol + "\t" + controlId + "\t" + action + "\t" + placer + "\t" + String.join(",", tests)
                + "\t" + answer;
    }
}
