package io.cuadra.lab.domain;

/** One test of an order as the LIS receives it: the order line, the LIS's test code and the service's name. */
public record LabTest(long orderLineId, int lineNumber, String code, String name) {
}
