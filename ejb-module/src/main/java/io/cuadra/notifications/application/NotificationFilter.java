package io.cuadra.notifications.application;

import io.cuadra.notifications.domain.Channel;
import io.cuadra.notifications.domain.NotificationStatus;

/** What the history is narrowed to; null means any. */
public record NotificationFilter(Long orderId, Long customerId, Channel channel, NotificationStatus status) {
}
