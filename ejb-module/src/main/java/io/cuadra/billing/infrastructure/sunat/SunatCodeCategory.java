package io.cuadra.billing.infrastructure.sunat;

/**
 * SUNAT's reading of a return code by its range (catálogo de códigos de retorno): 0 accepted, 0100–1999
 * exceptions (nothing registered; send again), 2000–3999 rejections, 4000 and up observations.
 */
public enum SunatCodeCategory {
    ACCEPTED, EXCEPTION, REJECTION, OBSERVATION;

    /** @throws IllegalArgumentException when the text is not a return code */
    public static SunatCodeCategory of(String code) {
        int n = parse(code);
        if (n == 0) {
            return ACCEPTED;
        }
        if (n < 2000) {
            // 1–99 are not document codes (98/99 are getStatus states); nothing was registered either way.
            return EXCEPTION;
        }
        return n < 4000 ? REJECTION : OBSERVATION;
    }

    /** SUNAT writes "0" and four-digit codes ("0100", "2800"); some answers drop the leading zero. */
    public static String normalize(String code) {
        int n = parse(code);
        return n == 0 ? "0" : String.format("%04d", n);
    }

    private static int parse(String code) {
        if (code == null || !code.strip().matches("\\d{1,4}")) {
            throw new IllegalArgumentException("Not a SUNAT return code: " + code);
        }
        return Integer.parseInt(code.strip());
    }
}
