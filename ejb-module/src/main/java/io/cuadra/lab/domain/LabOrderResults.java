package io.cuadra.lab.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule for results coming back: every test named must be one of the order's, none may be resulted
 * already (a repeated message changes nothing), and the order is complete once all its tests are resulted.
 * A refusal names why, for the error acknowledgement and the log.
 */
public final class LabOrderResults {

    /** One test of the lab order and whether it already has its result. */
    public record Line(int lineNumber, String testCode, boolean resulted) {
    }

    /** @param repeat the refusal is a repeat of results taken before (a duplicate), not a wrong message */
    public record Verdict(boolean accepted, String refusal, boolean repeat, List<Line> toMark, boolean completesOrder) {

        public static Verdict duplicate(String why) {
            return new Verdict(false, why, true, List.of(), false);
        }
    }

    private LabOrderResults() {
    }

    public static Verdict judge(String labOrderStatus, List<Line> lines, Set<String> receivedCodes) {
        if ("CANCELLED".equals(labOrderStatus)) {
            return refuse("The order was cancelled.");
        }
        if (receivedCodes.isEmpty()) {
            return refuse("No test result in the message (OBR-4).");
        }
        Map<String, Line> byCode = new LinkedHashMap<>();
        lines.forEach(l -> byCode.put(l.testCode(), l));
        for (String code : receivedCodes) {
            Line line = byCode.get(code);
            if (line == null) {
                return refuse("Test " + code + " is not part of this order.");
            }
            if (line.resulted()) {
                return Verdict.duplicate("Duplicate result: test " + code + " is already resulted.");
            }
        }
        List<Line> toMark = lines.stream().filter(l -> receivedCodes.contains(l.testCode())).toList();
        boolean complete = lines.stream().allMatch(l -> l.resulted() || receivedCodes.contains(l.testCode()));
        return new Verdict(true, null, false, toMark, complete);
    }

    private static Verdict refuse(String why) {
        return new Verdict(false, why, false, List.of(), false);
    }
}
