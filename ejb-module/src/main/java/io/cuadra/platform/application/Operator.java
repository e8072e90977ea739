package io.cuadra.platform.application;

/** A signed-in platform operator as the boundaries carry it; the token version is checked on every request. */
public record Operator(long id, String email, long tokenVersion) implements java.io.Serializable {
}
