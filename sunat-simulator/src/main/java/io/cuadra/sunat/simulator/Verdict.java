package io.cuadra.sunat.simulator;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What the simulator answered for one received document.
 *
 * @param outcome     how SUNAT's ranges classify the answer
 * @param code        the catalogue code: "0" when accepted (observations travel as notes), else the finding's
 * @param description the CDR description or the fault string
 * @param notes       observations, each "CODE - text" as in a CDR's cbc:Note
 * @param cdrZip      the R-*.zip returned, or {@code null} when the answer was a SOAP fault
 */
public record Verdict(Outcome outcome, String code, String description, List<String> notes, byte[] cdrZip) {

    public enum Outcome {
        ACCEPTED, ACCEPTED_WITH_OBSERVATIONS, REJECTED, FAULT
    }

    public Verdict {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(code, "code");
        notes = List.copyOf(notes);
        cdrZip = cdrZip == null ? null : cdrZip.clone();
    }

    static Verdict fault(Finding finding) {
        return new Verdict(finding.code().isRejection() ? Outcome.REJECTED : Outcome.FAULT, finding.code().code(),
                finding.text(), List.of(), null);
    }

    @Override
    public byte[] cdrZip() {
        return cdrZip == null ? null : cdrZip.clone();
    }

    public boolean hasCdr() {
        return cdrZip != null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Verdict v && outcome == v.outcome && code.equals(v.code)
                && description.equals(v.description) && notes.equals(v.notes) && Arrays.equals(cdrZip, v.cdrZip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, code, description, notes, Arrays.hashCode(cdrZip));
    }

    @Override
    public String toString() {
        return "Verdict[" + outcome + " " + code + " " + description + (notes.isEmpty() ? "" : " " + notes)
                + (cdrZip == null ? "" : ", CDR " + cdrZip.length + " bytes") + "]";
    }
}
