/**
 * Password hashing and the signed access tokens (keys, issuing, checking).
 */
package io.cuadra.identity.infrastructure.security;
