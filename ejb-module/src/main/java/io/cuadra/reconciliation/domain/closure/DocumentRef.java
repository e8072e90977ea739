package io.cuadra.reconciliation.domain.closure;

import java.io.Serializable;

/** Points at a sales document by id and by the series-number people read on paper (F001-00000123). */
public record DocumentRef(long id, String seriesNumber) implements Serializable {
}
