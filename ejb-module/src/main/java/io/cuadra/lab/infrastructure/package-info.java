/**
 * The edges to laboratory systems: HL7 v2.5 messages with HAPI, MLLP framing, the MLLP port results arrive on,
 * the REST/JSON client, and the lab tables in SQL.
 */
package io.cuadra.lab.infrastructure;
