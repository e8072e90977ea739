package io.cuadra.reconciliation.infrastructure.batch;

import java.io.Serializable;

/** The last item of a day: everything before it has been read, the writer publishes the figures. */
record DayEnd(long closureId) implements Serializable {
}
