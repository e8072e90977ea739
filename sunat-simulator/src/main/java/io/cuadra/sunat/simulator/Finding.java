package io.cuadra.sunat.simulator;

/** One rule broken by a received document: the catalogue entry and where SUNAT would say it found it. */
record Finding(ReturnCode code, String detail) {

    /** SUNAT appends the offending node and value to the catalogue text; keep that shape. */
    String text() {
        return detail == null || detail.isBlank() ? code.message() : code.message() + " - Detalle: " + detail;
    }

    /** The form SUNAT uses for an observation in a CDR's cbc:Note. */
    String note() {
        return code.code() + " - " + text();
    }
}
