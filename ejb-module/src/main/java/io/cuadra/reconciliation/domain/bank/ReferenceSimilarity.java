package io.cuadra.reconciliation.domain.bank;

import java.util.Locale;

/**
 * Compares operation references the way they appear on both sides: banks pad them with zeros and
 * wrap them in text ("TRANSF 000123456 PEDIDO A-0004"), cashiers type them bare ("123456").
 */
public final class ReferenceSimilarity {

    public static final double EQUAL = 1.0;
    public static final double CONTAINED = 0.8;
    public static final double NONE = 0.0;
    /** Shorter fragments are found by chance inside account numbers and dates. */
    static final int MIN_CONTAINED_LENGTH = 4;

    private ReferenceSimilarity() {
    }

    /**
     * 1 when the references are equal, 0.8 when a payment key (its reference or the order number)
     * appears inside the bank reference or description, or the bank reference inside the payment's
     * reference; 0 otherwise.
     */
    public static double of(String bankReference, String bankDescription, String paymentReference, String orderNumber) {
        String bankRef = normalise(bankReference);
        String paymentRef = normalise(paymentReference);
        if (!bankRef.isEmpty() && bankRef.equals(paymentRef)) {
            return EQUAL;
        }
        String bankText = bankRef + "|" + normalise(bankDescription);
        if (contains(bankText, paymentRef) || contains(bankText, normalise(orderNumber)) || contains(paymentRef, bankRef)) {
            return CONTAINED;
        }
        return NONE;
    }

    /** Upper case letters and digits only, without the leading zeros banks pad with. */
    static String normalise(String reference) {
        if (reference == null) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        for (char c : reference.toUpperCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                kept.append(c);
            }
        }
        int start = 0;
        while (start < kept.length() - 1 && kept.charAt(start) == '0') {
            start++;
        }
        return kept.substring(start);
    }

    private static boolean contains(String text, String key) {
        return key.length() >= MIN_CONTAINED_LENGTH && text.contains(key);
    }
}
