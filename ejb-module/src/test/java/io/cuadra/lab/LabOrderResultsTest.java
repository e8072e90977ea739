package io.cuadra.lab;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.lab.domain.LabOrderResults;
import io.cuadra.lab.domain.LabOrderResults.Line;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LabOrderResultsTest {

    private static final List<Line> OPEN = List.of(new Line(1, "HEM", false), new Line(2, "GLU", false));

    @Test
    void partialResultsMarkTheirLinesAndLeaveTheOrderOpen() {
        LabOrderResults.Verdict v = LabOrderResults.judge("SENT", OPEN, Set.of("HEM"));
        assertThat(v.accepted()).isTrue();
        assertThat(v.toMark()).extracting(Line::lineNumber).containsExactly(1);
        assertThat(v.completesOrder()).isFalse();
    }

    @Test
    void theLastResultsCompleteTheOrder() {
        List<Line> half = List.of(new Line(1, "HEM", true), new Line(2, "GLU", false));
        assertThat(LabOrderResults.judge("SENT", half, Set.of("GLU")).completesOrder()).isTrue();
        assertThat(LabOrderResults.judge("SENT", OPEN, Set.of("GLU", "HEM")).completesOrder()).isTrue();
    }

    @Test
    void duplicatesUnknownTestsAndCancelledOrdersAreRefusedAndMarkNothing() {
        List<Line> half = List.of(new Line(1, "HEM", true), new Line(2, "GLU", false));
        assertThat(LabOrderResults.judge("SENT", half, Set.of("HEM", "GLU")))
                .satisfies(v -> assertThat(v.accepted()).isFalse())
                .satisfies(v -> assertThat(v.refusal()).startsWith("Duplicate"))
                .satisfies(v -> assertThat(v.repeat()).as("a repeat, not a wrong message").isTrue())
                .satisfies(v -> assertThat(v.toMark()).isEmpty());
        assertThat(LabOrderResults.judge("SENT", OPEN, Set.of("TSH")).refusal()).contains("TSH");
        assertThat(LabOrderResults.judge("SENT", OPEN, Set.of("TSH")).repeat()).isFalse();
        assertThat(LabOrderResults.judge("CANCELLED", OPEN, Set.of("HEM")).accepted()).isFalse();
        assertThat(LabOrderResults.judge("SENT", OPEN, Set.of()).accepted()).isFalse();
    }
}
