/**
 * A local stand-in for SUNAT's billService SOAP endpoint: it checks what it receives (zip name, XML signature,
 * UBL rules) and answers with a CDR, as SUNAT would.
 */
package io.cuadra.sunat.simulator;
