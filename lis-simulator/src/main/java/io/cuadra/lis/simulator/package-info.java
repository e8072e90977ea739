/**
 * A local laboratory information system (HL7 over MLLP, JSON over REST) for the run command and the tests; it
 * plays an outside party and depends on nothing of Cuadra's.
 */
package io.cuadra.lis.simulator;
