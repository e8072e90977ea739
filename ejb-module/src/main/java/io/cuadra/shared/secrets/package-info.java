/**
 * Secrets the application stores in the database (provider tokens), sealed with AES-256-GCM under a key from
 * configuration; rotation by key id.
 */
package io.cuadra.shared.secrets;
