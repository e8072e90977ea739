package io.cuadra.identity.domain;

/**
 * A tenant was just opened, with its company in {@code country}: fired synchronously inside the opening
 * transaction with the new tenant in context, so components seed what every tenant needs (the catalog
 * its country's tax rates) and an observer that fails rolls the opening back.
 */
public record TenantOpened(long tenantId, String slug, String country) {
}
