package io.cuadra.web.identity;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.Serializable;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An audit line's changes as a person reads them: one row per field with its value before and after,
 * instead of the stored JSON ({"price": {"before": 12.5, "after": 16}}). A shape it does not know is
 * shown as one row holding the text as stored.
 */
public final class AuditChanges {

    private AuditChanges() {
    }

    /** One changed field; {@code before} or {@code after} is empty when the row was created or deleted. */
    public record Change(String field, String before, String after) implements Serializable {
    }

    /** The rows of {@code json}, field names worded by {@code fieldName} (a bundle lookup). */
    public static List<Change> of(String json, UnaryOperator<String> fieldName) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonObject object;
        try (var reader = Json.createReader(new StringReader(json))) {
            object = reader.readObject();
        } catch (JsonException | ClassCastException e) {
            return List.of(new Change("", "", json));
        }
        List<Change> rows = new ArrayList<>();
        for (var e : object.entrySet()) {
            JsonValue v = e.getValue();
            if (v instanceof JsonObject pair && (pair.containsKey("before") || pair.containsKey("after"))) {
                rows.add(new Change(fieldName.apply(e.getKey()), text(pair.get("before")), text(pair.get("after"))));
            } else {
                rows.add(new Change(fieldName.apply(e.getKey()), "", text(v)));
            }
        }
        return rows;
    }

    private static String text(JsonValue v) {
        if (v == null) {
            return "";
        }
        if (v == JsonValue.NULL) {
            return "—";
        }
        return v instanceof JsonString s ? s.getString() : v.toString();
    }
}
