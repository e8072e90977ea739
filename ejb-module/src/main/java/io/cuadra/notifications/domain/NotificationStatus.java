package io.cuadra.notifications.domain;

/**
 * QUEUED until a provider takes it; SENT once it did (SMTP accepted, the API answered 2xx); DELIVERED when it is
 * known to be in front of the recipient (in-app alerts at once); FAILED when the provider refused it or the
 * retries ran out; SUPPRESSED when it was never to be sent (consent, no or invalid address).
 */
public enum NotificationStatus {
    QUEUED, SENT, DELIVERED, FAILED, SUPPRESSED;

    public boolean pending() {
        return this == QUEUED;
    }
}
