package io.cuadra.sunat.simulator;

/**
 * The entries of SUNAT's catalogue of return codes (CodigoRetorno) that this simulator can answer, with SUNAT's
 * own wording. SUNAT's ranges decide how each one travels: 0100–1999 are exceptions (a SOAP fault, nothing is
 * registered, the taxpayer fixes and sends again), 2000–3999 reject the document (its number is spent), 4000 and
 * up are observations on an accepted document.
 */
public enum ReturnCode {

    SERVICE_UNAVAILABLE("0100",
            "El sistema no puede responder su solicitud. Intente nuevamente o comuníquese con su Administrador"),
    BAD_SECURITY_HEADER("0101", "El encabezado de seguridad es incorrecto"),
    WRONG_CREDENTIALS("0102", "Usuario o contraseña incorrectos"),
    TICKET_OF_ANOTHER_USER("0126", "El ticket no le pertenece al usuario"),
    UNKNOWN_TICKET("0127", "El ticket no existe"),
    BAD_ZIP_NAME("0151", "El nombre del archivo ZIP es incorrecto"),
    SUMMARY_NOT_ALLOWED_HERE("0152", "No se puede enviar por este método un archivo de resumen"),
    RUC_NOT_THE_USERS("0154", "El RUC del archivo no corresponde al RUC del usuario o el proveedor no esta "
            + "autorizado a enviar comprobantes del contribuyente"),
    EMPTY_ZIP("0155", "El archivo ZIP esta vacio"),
    CORRUPT_ZIP("0156", "El archivo ZIP esta corrupto"),
    NO_DOCUMENT_IN_ZIP("0157", "El archivo ZIP no contiene comprobantes"),
    TOO_MANY_DOCUMENTS_IN_ZIP("0158", "El archivo ZIP contiene demasiados comprobantes para este tipo de envío"),
    BAD_XML_NAME("0159", "El nombre del archivo XML es incorrecto"),
    EMPTY_XML("0160", "El archivo XML esta vacio"),
    XML_NAME_NOT_ZIP_NAME("0161", "El nombre del archivo XML no coincide con el nombre del archivo ZIP"),
    UNREADABLE_XML("0306", "No se puede leer (parsear) el archivo XML"),
    TYPE_NOT_FILE_TYPE("1003",
            "InvoiceTypeCode - El valor del tipo de documento es invalido o no coincide con el nombre del archivo"),
    ALREADY_VOIDED_OR_REJECTED("1032",
            "El comprobante ya esta informado y se encuentra con estado anulado o rechazado"),
    ALREADY_REGISTERED("1033", "El comprobante fue registrado previamente con otros datos"),
    RUC_NOT_FILE_RUC("1034",
            "Número de RUC del nombre del archivo no coincide con el consignado en el contenido del archivo XML"),
    SERIES_NOT_FILE_SERIES("1035",
            "Numero de Serie del nombre del archivo no coincide con el consignado en el contenido del archivo XML"),
    NUMBER_NOT_FILE_NUMBER("1036",
            "Número de documento en el nombre del archivo no coincide con el consignado en el contenido del XML"),
    CUSTOMER_RUC_DOES_NOT_EXIST("1083", "El numero de RUC del receptor no existe."),

    MISSING_CUSTOMER_NUMBER("2014", "El XML no contiene el tag o no existe informacion del número de documento de "
            + "identidad del receptor del documento"),
    MISSING_CUSTOMER_TYPE("2015", "El XML no contiene el tag o no existe informacion del tipo de documento de "
            + "identidad del receptor del documento"),
    CUSTOMER_NUMBER_NOT_A_RUC("2017", "El numero de documento de identidad del receptor debe ser RUC"),
    SUMMARY_ID_NOT_FILE_NAME("2220", "El ID debe coincidir con el nombre del archivo"),
    SUMMARY_RUC_NOT_FILE_RUC("2221", "El RUC debe coincidir con el RUC del nombre del archivo"),
    DOCUMENT_ALTERED("2335", "El documento electrónico ingresado ha sido alterado"),
    SIGNATURE_NOT_VERIFIABLE("2336", "Ocurrió un error en el proceso de validación de la firma digital"),
    CUSTOMER_TYPE_NOT_ALLOWED("2800",
            "El dato ingresado en el tipo de documento de identidad del receptor no esta permitido."),
    BAD_DNI("2801", "El DNI ingresado no cumple con el estandar."),
    BAD_CUSTOMER_NUMBER("2802", "El dato ingresado como numero de documento de identidad del receptor no cumple "
            + "con el formato establecido"),

    ISSUER_UBIGEO_NOT_VALID("4093", "El codigo de ubigeo del domicilio fiscal del emisor no es válido");

    private final String code;
    private final String message;

    ReturnCode(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** 0100–1999: the request failed before the document was registered; SUNAT answers with a SOAP fault. */
    public boolean isException() {
        int n = Integer.parseInt(code);
        return n >= 100 && n <= 1999;
    }

    public boolean isRejection() {
        int n = Integer.parseInt(code);
        return n >= 2000 && n <= 3999;
    }

    public boolean isObservation() {
        return Integer.parseInt(code) >= 4000;
    }

    /** SOAP faults tell "our side failed" (Server) from "your request is wrong" (Client). */
    boolean isServerSide() {
        return this == SERVICE_UNAVAILABLE;
    }
}
