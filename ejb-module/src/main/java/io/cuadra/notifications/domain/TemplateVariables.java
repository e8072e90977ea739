package io.cuadra.notifications.domain;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The variables each event gives its templates, in the order the template editor documents them. A template may
 * use only these (a name not given renders empty); the shipped defaults are checked against this list.
 */
public final class TemplateVariables {

    private static final List<String> CUSTOMER = List.of("customerName", "companyName");
    private static final List<String> DOCUMENT = List.of("documentKind", "documentNumber", "issueDate", "total");
    private static final Map<NotificationEvent, List<String>> BY_EVENT = new EnumMap<>(NotificationEvent.class);

    static {
        BY_EVENT.put(NotificationEvent.INVOICE_SENT, join(CUSTOMER, DOCUMENT));
        BY_EVENT.put(NotificationEvent.CREDIT_NOTE_ISSUED, join(CUSTOMER, DOCUMENT));
        BY_EVENT.put(NotificationEvent.ORDER_CONFIRMATION, join(CUSTOMER,
                List.of("orderNumber", "orderDate", "locationCode", "lineCount", "total")));
        BY_EVENT.put(NotificationEvent.RESULTS_READY, join(CUSTOMER, List.of("reference", "testsCount", "locationName")));
        BY_EVENT.put(NotificationEvent.DISCREPANCY_ALERT, List.of("locationCode", "businessDate", "type", "typeLabel",
                "orderNumber", "expected", "actual", "description", "discrepancyId"));
        BY_EVENT.put(NotificationEvent.REPORT_THRESHOLD, List.of("locationCode", "businessDate", "salesBelow",
                "discrepanciesAbove", "threshold", "figure"));
        BY_EVENT.put(NotificationEvent.SCHEDULED_REPORT, List.of("reportName", "from", "to", "fileName", "runId"));
        BY_EVENT.put(NotificationEvent.STOCK_CRITICAL, List.of("locationCode", "itemCode", "itemName", "available",
                "criticalLevel"));
        BY_EVENT.put(NotificationEvent.LOT_EXPIRING, List.of("locationCode", "lotCode", "itemCode", "itemName",
                "expiresOn", "daysLeft", "onHand"));
        BY_EVENT.put(NotificationEvent.PASSWORD_RESET, List.of("firstName", "resetLink", "token"));
    }

    private TemplateVariables() {
    }

    public static List<String> of(NotificationEvent event) {
        return BY_EVENT.get(event);
    }

    /** Whether the event is about an order (its templates can be previewed on one). */
    public static boolean aboutOrders(NotificationEvent event) {
        return switch (event) {
            case INVOICE_SENT, CREDIT_NOTE_ISSUED, ORDER_CONFIRMATION, RESULTS_READY -> true;
            default -> false;
        };
    }

    private static List<String> join(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
