package io.cuadra.lab.domain;

/**
 * Where one message to or from the LIS stands: PENDING before the first attempt, RETRYING after an attempt
 * that may succeed later (LIS down, timeout), SUCCESS once acknowledged, FAILED when the LIS refused it
 * (AE / AR, a 4xx) or the attempts ran out: it then waits for a person (retry or send again).
 */
public enum SyncStatus {
    PENDING, SUCCESS, FAILED, RETRYING;

    /** A person may ask for another attempt only while the message is not delivered. */
    public boolean retryable() {
        return this == FAILED || this == RETRYING || this == PENDING;
    }
}
