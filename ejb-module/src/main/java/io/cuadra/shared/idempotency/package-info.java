/**
 * Idempotency-Key: a creating request's stored answer, replayed for the same key and body within its scope,
 * and the cleanup of old keys.
 */
package io.cuadra.shared.idempotency;
