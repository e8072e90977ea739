/**
 * The transactional outbox: side effects written in the same transaction as the change and handled after
 * commit, exactly once per message, with retries and backoff, by workers on any server.
 */
package io.cuadra.shared.outbox;
