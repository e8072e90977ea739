package io.cuadra.identity.application;

/** Where a request came from, for the audit log. */
public record ClientInfo(String ip, String userAgent) {
}
