package io.cuadra.platform.application;

import java.time.Instant;
import java.util.List;

/**
 * A tenant as the operator sees it: its platform settings and company identity, no business data;
 * {@code maintenanceUntil} while its API is held for maintenance (it may lie in the past once over).
 */
public record TenantView(long id, String slug, String name, String legalName, String taxId, String country,
                         String currency, String timeZone, List<String> languages, String fiscalRegime,
                         boolean active, Instant suspendedAt, String suspensionReason, Instant createdAt,
                         Instant maintenanceUntil) {
}
