package io.cuadra.billing.application;

import io.cuadra.billing.domain.DocumentStatus;
import io.cuadra.billing.infrastructure.sunat.SunatNote;
import io.cuadra.billing.infrastructure.sunat.SunatResult;
import io.cuadra.billing.infrastructure.sunat.SunatRetryableException;
import io.cuadra.billing.infrastructure.sunat.SunatStatus;
import java.util.List;
import java.util.stream.Collectors;

/**
 * How SUNAT's answers move a document: a registered verdict is final (0 accepted; 4000 and up, or notes,
 * accepted with observations; 2000–3999 rejected, the number spent); exceptions 0100–1999 and failures to
 * get an answer leave it unregistered, to be sent again.
 */
public final class SunatVerdicts {

    private SunatVerdicts() {
    }

    public static DocumentStatus statusOf(SunatStatus verdict) {
        return switch (verdict) {
            case ACCEPTED -> DocumentStatus.ACCEPTED;
            case ACCEPTED_WITH_OBSERVATIONS -> DocumentStatus.ACCEPTED_WITH_OBSERVATIONS;
            case REJECTED -> DocumentStatus.REJECTED;
        };
    }

    /** The timeline note of a verdict: "0 La Factura numero F001-1, ha sido aceptada [4093 ...]". */
    public static String describe(SunatResult result) {
        String notes = notes(result);
        return result.code() + " " + result.message() + (notes.isEmpty() ? "" : " [" + notes + "]");
    }

    public static String notes(SunatResult result) {
        return result.notes().stream().map(SunatVerdicts::note).collect(Collectors.joining("; "));
    }

    /**
     * Exception 1033: SUNAT already holds this number as registered (a rejected one would be 1032), so an
     * earlier send got through and only its answer was lost. The billService client has no getStatusCdr
     * (billConsultService) to fetch that answer, so the document is taken as accepted, with the 1033 as an
     * observation saying no CDR was received.
     */
    public static SunatResult alreadyRegistered(SunatRetryableException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        return new SunatResult(SunatStatus.ACCEPTED, "1033", "Registered by SUNAT in an earlier send whose answer"
                + " was lost", List.of(new SunatNote("1033", "Already registered; no CDR received (" + detail
                + ")")), null);
    }

    /** The timeline note of an attempt that must be repeated. */
    public static String describe(SunatRetryableException e) {
        return e.code().map(c -> "SUNAT exception " + c).orElse(e.reason().name()) + ": " + e.getMessage();
    }

    private static String note(SunatNote n) {
        return n.code().isEmpty() ? n.message() : n.code() + " - " + n.message();
    }
}
