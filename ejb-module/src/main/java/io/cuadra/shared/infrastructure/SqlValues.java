package io.cuadra.shared.infrastructure;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Columns of a native query's row as Java values: the driver gives timestamptz and bigint in more than one form. */
public final class SqlValues {

    private SqlValues() {
    }

    public static Long longOrNull(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    public static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        return o instanceof Instant i ? i : Instant.parse(o.toString());
    }
}
