package io.cuadra.lis.simulator;

import java.time.Instant;

/**
 * One ORU^R01 the stand-in sent back, with Cuadra's acknowledgement code (AA, AE, AR) or the transport error.
 */
public record ResultSent(Instant at, String placer, String controlId, String ackCode, String ackText) {

    String line() {
        return at + "\t" + placer + "\t" + controlId + "\t" + ackCode + "\t" + (ackText == null ? "" : ackText);
    }
}
