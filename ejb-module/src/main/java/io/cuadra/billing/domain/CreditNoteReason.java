package io.cuadra.billing.domain;

import java.util.Arrays;
import java.util.Optional;

/** SUNAT catalog 09: why a credit note is issued (written in DiscrepancyResponse/ResponseCode). */
public enum CreditNoteReason {

    CANCELLATION("01", "Anulación de la operación"),
    CANCELLATION_WRONG_RUC("02", "Anulación por error en el RUC"),
    DESCRIPTION_CORRECTION("03", "Corrección por error en la descripción"),
    GLOBAL_DISCOUNT("04", "Descuento global"),
    ITEM_DISCOUNT("05", "Descuento por ítem"),
    FULL_RETURN("06", "Devolución total"),
    ITEM_RETURN("07", "Devolución por ítem"),
    BONUS("08", "Bonificación"),
    VALUE_DECREASE("09", "Disminución en el valor"),
    OTHER("10", "Otros conceptos"),
    EXPORT_ADJUSTMENT("11", "Ajustes de operaciones de exportación"),
    IVAP_ADJUSTMENT("12", "Ajustes afectos al IVAP"),
    PAYMENT_ADJUSTMENT("13", "Ajustes - montos y/o fechas de pago");

    private final String sunatCode;
    private final String label;

    CreditNoteReason(String sunatCode, String label) {
        this.sunatCode = sunatCode;
        this.label = label;
    }

    public String sunatCode() {
        return sunatCode;
    }

    public String label() {
        return label;
    }

    public static Optional<CreditNoteReason> bySunatCode(String code) {
        return Arrays.stream(values()).filter(r -> r.sunatCode.equals(code)).findFirst();
    }
}
