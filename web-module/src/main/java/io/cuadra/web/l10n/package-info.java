/**
 * One localisation layer for the back office: numbers, money and dates parsed strictly and shown by the user's
 * locale and the tenant's country, and business refusals turned into translated messages beside their field.
 */
package io.cuadra.web.l10n;
