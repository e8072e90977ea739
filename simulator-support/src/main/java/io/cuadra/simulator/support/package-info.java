/**
 * What the stand-ins share: their HTTP server's start and stop.
 */
package io.cuadra.simulator.support;
