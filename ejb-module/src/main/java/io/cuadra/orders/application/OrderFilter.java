package io.cuadra.orders.application;

import io.cuadra.orders.domain.OrderStatus;
import io.cuadra.orders.domain.PaymentStatus;
import io.cuadra.orders.domain.SalesChannel;

import java.time.LocalDate;

/**
 * Which orders to list; every field is optional. Dates are business days (inclusive) in the zone of
 * the location asked for, or of the company when no location is.
 */
public record OrderFilter(Long locationId, OrderStatus status, PaymentStatus paymentStatus, LocalDate from,
                          LocalDate to, Long customerId, SalesChannel channel) {
}
