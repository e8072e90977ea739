package io.cuadra.lab.infrastructure;

import io.cuadra.lab.domain.LabOrderMessage;
import io.cuadra.lab.domain.LabTest;
import io.cuadra.lab.domain.Patient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The REST adapter's order message: the same content as the ORM^O01, as JSON
 * ({@code {"messageId","action":"NEW"|"CANCEL","placerOrderNumber","orderNumber","location","sentAt","patient":{...},
 * "tests":[{"line","code","name"}],"cancelReason"}}); and the results callback's body, the same content as an
 * ORU^R01 ({@code {"messageId","placerOrderNumber","results":[{"code","value","units","flag"}]}}).
 */
public final class LabJson {

    private LabJson() {
    }

    public static String orderMessage(LabOrderMessage m) {
        JsonObjectBuilder patient = Json.createObjectBuilder();
        Patient p = m.patient();
        add(patient, "documentType", p.documentType());
        add(patient, "documentNumber", p.documentNumber());
        add(patient, "firstName", p.firstName());
        add(patient, "lastName", p.lastName());
        add(patient, "birthDate", p.birthDate() == null ? null : p.birthDate().toString());
        add(patient, "sex", p.sex());
        JsonArrayBuilder tests = Json.createArrayBuilder();
        for (LabTest t : m.tests()) {
            tests.add(Json.createObjectBuilder().add("line", t.lineNumber()).add("code", t.code()).add("name", t.name()));
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("messageId", m.controlId())
                .add("action", m.kind().name())
                .add("placerOrderNumber", m.placerNumber())
                .add("orderNumber", m.orderNumber())
                .add("location", m.locationCode())
                .add("sentAt", m.at().toString())
                .add("patient", patient)
                .add("tests", tests);
        add(body, "cancelReason", m.cancelReason());
        return body.build().toString();
    }

    /** The same JSON message under another {@code messageId}. */
    public static String withMessageId(String json, String messageId) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return Json.createObjectBuilder(reader.readObject()).add("messageId", messageId).build().toString();
        }
    }

    /**
     * Reads the results callback's body into what an ORU^R01 says; one entry per observation (a test may have
     * several). Anything else — not JSON, a missing id, placer or code, a value that is no text — is unreadable.
     */
    public static Hl7Messages.Results resultsOf(String json) throws Hl7Messages.Unreadable {
        JsonObject body;
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            body = reader.readObject();
        } catch (RuntimeException e) {
            throw new Hl7Messages.Unreadable("The body is not a JSON object.", null, e);
        }
        String messageId = text(body, "messageId");
        if (messageId == null || messageId.length() > 200) {
            throw new Hl7Messages.Unreadable("messageId: give the message's id (at most 200 characters).", null, null);
        }
        String placer = text(body, "placerOrderNumber");
        if (placer == null) {
            throw new Hl7Messages.Unreadable("placerOrderNumber: name the order the results are for.", messageId, null);
        }
        if (!(body.get("results") instanceof JsonArray results) || results.isEmpty()) {
            throw new Hl7Messages.Unreadable("results: give at least one result.", messageId, null);
        }
        Set<String> codes = new LinkedHashSet<>();
        List<String> observations = new ArrayList<>();
        for (JsonValue v : results) {
            if (!(v instanceof JsonObject r) || text(r, "code") == null || text(r, "value") == null) {
                throw new Hl7Messages.Unreadable("results[]: each needs a code and a value (text).", messageId, null);
            }
            String code = text(r, "code");
            String units = text(r, "units");
            String flag = text(r, "flag");
            codes.add(code);
            // the same line of text the ORU^R01's OBX becomes, so both ways read alike on the order
            observations.add(code + "\t" + code + "=" + text(r, "value") + (units == null ? "" : " " + units)
                    + (flag == null ? "" : " [" + flag + "]"));
        }
        return new Hl7Messages.Results(messageId, placer, codes, observations);
    }

    private static String text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s && !s.getString().isBlank() ? s.getString().strip() : null;
    }

    private static void add(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }
}
