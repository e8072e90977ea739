package io.cuadra.billing.infrastructure.ubl;

/** Namespaces and SUNAT catalog URIs written into every document. */
public final class UblNames {

    public static final String INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    public static final String CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    public static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    public static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    public static final String EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2";
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    public static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    /** Id of the ds:Signature, referenced from cac:Signature as "#SignatureSP". */
    public static final String SIGNATURE_ID = "SignatureSP";

    static final String SUNAT = "PE:SUNAT";
    static final String UNECE = "United Nations Economic Commission for Europe";
    static final String CATALOG = "urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo";

    private UblNames() {
    }

    static String catalog(String number) {
        return CATALOG + number;
    }
}
