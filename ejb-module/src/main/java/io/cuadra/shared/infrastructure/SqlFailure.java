package io.cuadra.shared.infrastructure;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What PostgreSQL said when a statement failed, dug out of the exceptions JPA, JTA and EJB wrap it in:
 * the SQLSTATE tells a client's mistake (a taken name, a value too long) or a collision with another
 * transaction (deadlock, serialization failure) from a fault of ours.
 */
public record SqlFailure(String state, String message) {

    public static final String UNIQUE_VIOLATION = "23505";
    public static final String NOT_NULL_VIOLATION = "23502";
    public static final String FOREIGN_KEY_VIOLATION = "23503";
    public static final String CHECK_VIOLATION = "23514";
    public static final String SERIALIZATION_FAILURE = "40001";
    public static final String DEADLOCK_DETECTED = "40P01";
    public static final String LOCK_NOT_AVAILABLE = "55P03";

    private static final Pattern KEY = Pattern.compile("Key \\((.*?)\\)=\\(");
    private static final Pattern COLUMN = Pattern.compile("column \"([a-z0-9_]+)\"");
    private static final Pattern IDENTIFIER = Pattern.compile("\\b[a-z_][a-z0-9_]*\\b(?!\\s*\\()");

    /** The innermost SQL failure with a SQLSTATE in {@code thrown}'s causes, if any. */
    public static Optional<SqlFailure> of(Throwable thrown) {
        SqlFailure found = null;
        int depth = 0;
        for (Throwable t = thrown; t != null && depth < 50; t = t.getCause(), depth++) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null) {
                        found = new SqlFailure(s.getSQLState(), String.valueOf(s.getMessage()));
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Another transaction got in the way: running the whole transaction again may well succeed. */
    public boolean isContention() {
        return SERIALIZATION_FAILURE.equals(state) || DEADLOCK_DETECTED.equals(state)
                || LOCK_NOT_AVAILABLE.equals(state);
    }

    /** Class 22 (data exception): a value the column cannot take — too long, out of range, NUL... */
    public boolean isBadValue() {
        return state.startsWith("22");
    }

    /**
     * The request fields the failing key or column stands for, as the API spells them: from
     * {@code Key (tenant_id, lower(name::text))=...} or {@code column "location_id"}, "name" and
     * "locationId" (tenant_id is never the client's). Empty when PostgreSQL did not say.
     */
    public String fields() {
        Matcher key = KEY.matcher(message);
        String columns;
        if (key.find()) {
            columns = key.group(1);
        } else {
            Matcher column = COLUMN.matcher(message);
            columns = column.find() ? column.group(1) : "";
        }
        StringBuilder fields = new StringBuilder();
        Matcher id = IDENTIFIER.matcher(columns.replaceAll("::[a-z ]+", "").toLowerCase(Locale.ROOT));
        while (id.find()) {
            String column = id.group();
            if (column.equals("tenant_id") || column.equals("text") || column.equals("varying")) {
                continue;
            }
            if (fields.length() > 0) {
                fields.append(", ");
            }
            fields.append(camel(column));
        }
        return fields.toString();
    }

    static String camel(String column) {
        StringBuilder s = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }
}
