/**
 * How operations looks outside the application: a TCP probe of SUNAT's billService.
 */
package io.cuadra.operations.infrastructure;
