package io.cuadra.billing.domain;

/**
 * SUNAT catalog 51 (tipo de operación). Only the internal sale is issued today; exports and the
 * other operations need extra XML blocks that this module does not write.
 */
public enum OperationType {

    INTERNAL_SALE("0101");

    private final String sunatCode;

    OperationType(String sunatCode) {
        this.sunatCode = sunatCode;
    }

    public String sunatCode() {
        return sunatCode;
    }
}
