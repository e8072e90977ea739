/**
 * XML parsing and serialising with external entities refused.
 */
package io.cuadra.billing.infrastructure.xml;
