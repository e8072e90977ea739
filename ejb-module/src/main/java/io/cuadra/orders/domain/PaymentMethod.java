package io.cuadra.orders.domain;

import java.util.Locale;

/** How a customer pays at the counter. Only cash can be tendered above what is due. */
public enum PaymentMethod {
    CASH,
    CARD,
    BANK_TRANSFER,
    /** Yape, Plin, Lydia...: an instant transfer for the exact amount. */
    MOBILE_WALLET,
    /** Anything else the tenant accepts (vouchers, agreements): for the exact amount, like a transfer. */
    OTHER;

    /** How messages for the counter name the method: "bank transfer", not BANK_TRANSFER. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
