/**
 * The run command: an embedded PostgreSQL, a Payara domain created from {@code cuadra-domain.asadmin}, the
 * stand-ins (SUNAT, mail, messaging), the EAR deployed, and health probed.
 */
package io.cuadra.server;
