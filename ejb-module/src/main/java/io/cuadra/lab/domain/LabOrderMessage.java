package io.cuadra.lab.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One order message to the LIS (HL7 ORM^O01 or its JSON twin), built inside the order's transaction so what
 * is sent is the order as it was then. The placer order number is the order's id (unique across tenants),
 * which the LIS echoes in its results.
 *
 * @param controlId    unique per message (MSH-10); a retry sends the same one, "send again" a new one
 * @param cancelReason why the order was cancelled, null for a new order
 */
public record LabOrderMessage(String controlId, SyncKind kind, long orderId, String orderNumber, String locationCode,
                              String lisApplication, String lisFacility, Instant at, Patient patient,
                              List<LabTest> tests, String cancelReason) {

    public LabOrderMessage {
        Objects.requireNonNull(controlId, "controlId");
        Objects.requireNonNull(kind, "kind");
        if (kind == SyncKind.RESULT) {
            throw new IllegalArgumentException("Results come from the LIS; an order message is NEW or CANCEL.");
        }
        tests = List.copyOf(tests);
        if (tests.isEmpty()) {
            throw new IllegalArgumentException("An order message carries at least one test.");
        }
        patient = patient == null ? Patient.anonymous() : patient;
    }

    /** The HL7 order control code (ORC-1): NW new order, CA cancel order request. */
    public String orderControl() {
        return kind == SyncKind.NEW ? "NW" : "CA";
    }

    public String placerNumber() {
        return Long.toString(orderId);
    }

    /** The same message under a new control id ("send again": the LIS must not take it for a duplicate). */
    public LabOrderMessage withControlId(String newControlId) {
        return new LabOrderMessage(newControlId, kind, orderId, orderNumber, locationCode, lisApplication, lisFacility,
                at, patient, tests, cancelReason);
    }
}
