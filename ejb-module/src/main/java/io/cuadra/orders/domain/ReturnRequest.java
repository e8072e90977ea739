package io.cuadra.orders.domain;

import java.math.BigDecimal;

/** What the customer brings back of one line: how much, and whether it is damaged (to wastage, not to its lot). */
public record ReturnRequest(int lineNumber, BigDecimal quantity, boolean damaged) {
}
