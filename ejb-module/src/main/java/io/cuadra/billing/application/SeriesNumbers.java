package io.cuadra.billing.application;

import io.cuadra.shared.numbering.Counter;
import io.cuadra.shared.numbering.GapFreeCounters;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * Takes the next number of a fiscal series at a location in the caller's (issuing) transaction, from the
 * shared counter: concurrent issues in one series queue on its row, and a rollback gives the number
 * back — no gaps, no repeats.
 */
@Stateless
public class SeriesNumbers {

    @EJB
    GapFreeCounters counters;

    public long next(long locationId, String series) {
        return counters.next(Counter.FISCAL_SERIES, Counter.scope(locationId, series));
    }
}
