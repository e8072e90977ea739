package io.cuadra.reports.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One order, payment, document or discrepancy behind a report's figure.
 *
 * @param kind    ORDER, DOCUMENT, DISCREPANCY, LOT, WASTAGE or RECEIPT: which page {@code id} opens
 * @param day     its business day at its location
 * @param who     the user who registered it, took the payment, or counted the cash
 * @param amount  what it weighs in the figure (the order's total, the document's total, the difference)
 * @param status  the order's, document's or discrepancy's status
 */
public record DrillRow(String kind, long id, String number, String locationCode, LocalDate day, String channel,
                       String who, BigDecimal amount, String status) implements java.io.Serializable {
}
