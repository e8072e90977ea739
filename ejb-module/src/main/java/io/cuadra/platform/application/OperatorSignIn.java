package io.cuadra.platform.application;

/** A successful operator sign-in: who, and the access token for the REST API (none for the back office). */
public record OperatorSignIn(Operator operator, String accessToken, long expiresInSeconds) {
}
