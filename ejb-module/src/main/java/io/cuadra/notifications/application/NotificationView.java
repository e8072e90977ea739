package io.cuadra.notifications.application;

import java.time.Instant;
import java.util.Map;

/** One message of the history as people read it. */
public record NotificationView(long id, String event, String channel, String language, String recipient,
                               Long customerId, Long orderId, Long documentId, Long locationId, String status,
                               String reason, int attempts, String providerId, String providerAnswer,
                               Instant createdAt, Instant sentAt, Instant readAt, Long resendOf,
                               Map<String, String> variables) implements java.io.Serializable {
}
