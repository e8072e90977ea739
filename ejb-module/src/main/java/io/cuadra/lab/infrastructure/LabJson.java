package io.cuadra.lab.infrastructure;

import io.cuadra.lab.domain.LabOrderMessage;
import io.cuadra.lab.domain.LabTest;
import io.cuadra.lab.domain.Patient;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;

/**
 * The REST adapter's order message: the same content as the ORM^O01, as JSON
 * ({@code {"messageId","action":"NEW"|"CANCEL","placerOrderNumber","orderNumber","location","sentAt","patient":{...},
 * "tests":[{"line","code","name"}],"cancelReason"}}).
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

    private static void add(JsonObjectBuilder b, String name, String value) {
        if (value != null) {
            b.add(name, value);
        }
    }
}
