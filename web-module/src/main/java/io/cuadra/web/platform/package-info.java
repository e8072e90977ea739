/**
 * The web platform layer under every REST resource: problem+json for every refusal, strict JSON reading, ETags
 * and If-Match, Idempotency-Key responses, cross-site request checks, security headers, health checks and the
 * OpenAPI document.
 */
package io.cuadra.web.platform;
