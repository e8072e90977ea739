package io.cuadra.billing.infrastructure.sunat;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A verdict SUNAT registered for one document.
 *
 * @param status  accepted, accepted with observations, or rejected
 * @param code    SUNAT's return code: "0", "2800", "4093"...
 * @param message SUNAT's description (the CDR's cbc:Description, or the fault string of a rejection by fault)
 * @param notes   observations from the CDR
 * @param cdrZip  the CDR exactly as received (R-*.zip), to keep as proof; absent when SUNAT rejected the
 *                document with a SOAP fault instead of a CDR (it can be fetched later from SUNAT's CDR query)
 */
public record SunatResult(SunatStatus status, String code, String message, List<SunatNote> notes, byte[] cdrZip) {

    public SunatResult {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        notes = List.copyOf(notes);
        cdrZip = cdrZip == null ? null : cdrZip.clone();
    }

    /** The raw CDR ZIP, or empty when the rejection came as a SOAP fault. */
    public Optional<byte[]> cdr() {
        return Optional.ofNullable(cdrZip).map(byte[]::clone);
    }

    /** A copy of the raw CDR ZIP, or {@code null}; see {@link #cdr()}. */
    @Override
    public byte[] cdrZip() {
        return cdrZip == null ? null : cdrZip.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SunatResult r && status == r.status && code.equals(r.code) && message.equals(r.message)
                && notes.equals(r.notes) && Arrays.equals(cdrZip, r.cdrZip);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, code, message, notes, Arrays.hashCode(cdrZip));
    }

    @Override
    public String toString() {
        return "SunatResult[" + status + " " + code + " " + message + (notes.isEmpty() ? "" : " notes=" + notes)
                + (cdrZip == null ? ", no CDR" : ", CDR " + cdrZip.length + " bytes") + "]";
    }
}
