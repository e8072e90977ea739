package io.cuadra.orders.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An order as the components that react to it (inventory, billing, reconciliation) need to see it
 * at the moment of an event: immutable, with every amount already computed by the orders component
 * so nobody downstream prices again. Amounts are scale 2 (unit value/price scale 10), quantities
 * scale 3.
 *
 * @param number       the gap-free order number, e.g. {@code LIM01-2026-000123}
 * @param customerId   null for an anonymous counter sale
 * @param channel      COUNTER, WHATSAPP, WEB or SHOPIFY
 * @param currency     ISO 4217 code of every amount
 * @param registeredAt when the order was registered; its business day is in the location's zone
 * @param paidAt       when the last payment made it fully paid, null while it is not
 */
public record OrderSnapshot(long orderId, String number, long locationId, String locationCode, Long customerId,
                            String channel, String currency, boolean pricesIncludeTax, Instant registeredAt,
                            Instant paidAt, List<Line> lines, List<TaxTotal> taxTotals, BigDecimal subtotal,
                            BigDecimal discountTotal, BigDecimal baseTotal, BigDecimal taxTotal, BigDecimal total,
                            List<PaymentLine> payments) {

    public OrderSnapshot {
        Objects.requireNonNull(number, "number");
        lines = List.copyOf(lines);
        taxTotals = List.copyOf(taxTotals);
        payments = List.copyOf(payments);
    }

    /**
     * One line as sold, a snapshot of the item at order time.
     *
     * @param itemType         PRODUCT or SERVICE (services move no stock)
     * @param unitCode         SUNAT catalog 03 (NIU, ZZ, KGM...)
     * @param catalogUnitPrice the unit price as the catalog had it, in the tenant's price basis
     * @param affectationCode  SUNAT catalog 07 (10 taxed, 20 exempt, 30 unaffected...)
     * @param discountTotal    the line's own discounts plus its share of the order's
     * @param base             value without tax after discounts (SUNAT LineExtensionAmount)
     * @param unitValue        SUNAT "valor unitario" without tax, scale 10
     * @param unitPrice        SUNAT "precio unitario" with tax after discounts, scale 10
     * @param lotId            the lot the cashier chose, null to let inventory pick (FEFO)
     */
    public record Line(long lineId, int number, long itemId, String itemCode, String itemName, String itemType,
                       String unitCode, BigDecimal quantity, BigDecimal catalogUnitPrice, String affectationCode,
                       BigDecimal taxPercent, BigDecimal discountTotal, BigDecimal base, BigDecimal tax,
                       BigDecimal total, BigDecimal unitValue, BigDecimal unitPrice, Long lotId) {

        public boolean isService() {
            return "SERVICE".equals(itemType);
        }
    }

    /** Base and tax of the lines sharing an affectation code and percent (one cac:TaxSubtotal). */
    public record TaxTotal(String affectationCode, BigDecimal percent, BigDecimal base, BigDecimal tax) {
    }

    /**
     * One payment. {@code amount} is what counts towards the order; cash may have been tendered above
     * it and the difference given back as {@code change} (so the drawer holds {@code amount}).
     *
     * @param methodCode the tenant's code of the payment method (e.g. EFECTIVO, VISA, YAPE)
     * @param methodKind CASH, CARD, BANK_TRANSFER, MOBILE_WALLET or OTHER
     */
    public record PaymentLine(long paymentId, String methodCode, String methodKind, BigDecimal amount,
                              BigDecimal tendered, BigDecimal change, BigDecimal cardFee, String reference,
                              Instant paidAt) {
    }
}
