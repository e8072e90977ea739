package io.cuadra.billing.infrastructure.sunat;

/** SUNAT's final word on a document it registered. */
public enum SunatStatus {
    /** Return code 0 and no observations. */
    ACCEPTED,
    /** Valid, but SUNAT observed something: return code 4000 and up, or code 0 with observation notes. */
    ACCEPTED_WITH_OBSERVATIONS,
    /** Return code 2000–3999: not valid, and its series-number cannot be used again. */
    REJECTED;

    public boolean isValid() {
        return this != REJECTED;
    }
}
