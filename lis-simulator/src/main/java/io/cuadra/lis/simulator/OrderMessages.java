package io.cuadra.lis.simulator;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.datatype.NM;
import ca.uhn.hl7v2.model.v25.group.ORM_O01_ORDER;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.model.v25.message.ORM_O01;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import ca.uhn.hl7v2.model.v25.segment.OBR;
import ca.uhn.hl7v2.model.v25.segment.OBX;
import ca.uhn.hl7v2.model.v25.segment.PID;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.Parser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the stand-in reads and writes, with HAPI: ORM^O01 in, ACK out, ORU^R01 with made-up values out. */
final class OrderMessages {

    private static final HapiContext CONTEXT = context();
    private static final Pattern JSON_STRING = Pattern.compile("\"(messageId|action|placerOrderNumber|birthDate|sex)\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern JSON_CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"]*)\"");

    private OrderMessages() {
    }

    private static HapiContext context() {
        HapiContext ctx = new DefaultHapiContext();
        ctx.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
        return ctx;
    }

    static Parser parser() {
        return CONTEXT.getPipeParser();
    }

    /** An order as the stand-in keeps it. {@code action} NW or CA. */
    record Order(String controlId, String action, String placer, List<String> tests, String patientId,
                 String birthDate, String sex) {
    }

    static Order readHl7(Message message) throws HL7Exception {
        if (!(message instanceof ORM_O01 orm)) {
            throw new HL7Exception("Only ORM^O01 orders are taken here, not " + message.getName());
        }
        String control = orm.getMSH().getMessageControlID().getValue();
        String action = null;
        String placer = null;
        List<String> tests = new ArrayList<>();
        for (ORM_O01_ORDER order : orm.getORDERAll()) {
            action = order.getORC().getOrderControl().getValue();
            placer = order.getORC().getPlacerOrderNumber().getEntityIdentifier().getValue();
            tests.add(order.getORDER_DETAIL().getOBR().getUniversalServiceIdentifier().getIdentifier().getValue());
        }
        if (placer == null || tests.isEmpty() || action == null) {
            throw new HL7Exception("An order needs ORC-1, ORC-2 and at least one OBR-4");
        }
        PID pid = orm.getPATIENT().getPID();
        String patient = pid.getPatientIdentifierList(0).getIDNumber().getValue();
        return new Order(control, action, placer, tests, patient, pid.getDateTimeOfBirth().getTime().getValue(),
                pid.getAdministrativeSex().getValue());
    }

    static Order readJson(String json) {
        String control = null;
        String action = null;
        String placer = null;
        String birthDate = null;
        String sex = null;
        Matcher m = JSON_STRING.matcher(json);
        while (m.find()) {
            switch (m.group(1)) {
                case "messageId" -> control = m.group(2);
                case "action" -> action = "CANCEL".equals(m.group(2)) ? "CA" : "NEW".equals(m.group(2)) ? "NW" : null;
                case "birthDate" -> birthDate = m.group(2);
                case "sex" -> sex = m.group(2);
                default -> placer = m.group(2);
            }
        }
        List<String> tests = new ArrayList<>();
        Matcher c = JSON_CODE.matcher(json);
        while (c.find()) {
            tests.add(c.group(1));
        }
        if (control == null || action == null || placer == null || tests.isEmpty()) {
            throw new IllegalArgumentException("messageId, action (NEW or CANCEL), placerOrderNumber and tests[].code");
        }
        return new Order(control, action, placer, tests, null, birthDate, sex);
    }

    static String ack(Message incoming, String code, String text) throws HL7Exception, IOException {
        AcknowledgmentCode ack = AcknowledgmentCode.valueOf(code);
        Message answer = ack == AcknowledgmentCode.AA ? incoming.generateACK()
                : incoming.generateACK(ack, new HL7Exception(text));
        if (text != null && answer instanceof ACK a) {
            a.getMSA().getTextMessage().setValue(text);
        }
        return answer.encode();
    }

    /** The ORU^R01 with a final numeric result per test (values made up, but stable per test code). */
    static String results(Order order, String controlId) throws HL7Exception, IOException {
        ORU_R01 oru = new ORU_R01();
        oru.initQuickstart("ORU", "R01", "P");
        oru.getMSH().getSendingApplication().getNamespaceID().setValue("LIS-SIM");
        oru.getMSH().getReceivingApplication().getNamespaceID().setValue("CUADRA");
        oru.getMSH().getMessageControlID().setValue(controlId);
        if (order.patientId() != null) {
            oru.getPATIENT_RESULT().getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber()
                    .setValue(order.patientId());
        }
        int i = 0;
        for (String test : order.tests()) {
            ORU_R01_ORDER_OBSERVATION oo = oru.getPATIENT_RESULT().getORDER_OBSERVATION(i);
            oo.getORC().getOrderControl().setValue("RE");
            oo.getORC().getPlacerOrderNumber().getEntityIdentifier().setValue(order.placer());
            OBR obr = oo.getOBR();
            obr.getSetIDOBR().setValue(Integer.toString(i + 1));
            obr.getPlacerOrderNumber().getEntityIdentifier().setValue(order.placer());
            obr.getFillerOrderNumber().getEntityIdentifier().setValue("SIM" + order.placer() + "-" + (i + 1));
            obr.getUniversalServiceIdentifier().getIdentifier().setValue(test);
            obr.getResultStatus().setValue("F");
            OBX obx = oo.getOBSERVATION(0).getOBX();
            obx.getSetIDOBX().setValue("1");
            obx.getValueType().setValue("NM");
            obx.getObservationIdentifier().getIdentifier().setValue(test);
            NM value = new NM(oru);
            value.setValue(value(test));
            obx.getObservationValue(0).setData(value);
            obx.getUnits().getIdentifier().setValue("mg/dL");
            obx.getObservationResultStatus().setValue("F");
            i++;
        }
        return oru.encode();
    }

    /** The same results as {@link #results}, as the JSON body of Cuadra's REST results callback. */
    static String resultsJson(Order order, String messageId) {
        StringBuilder json = new StringBuilder("{\"messageId\":\"").append(messageId)
                .append("\",\"placerOrderNumber\":\"").append(order.placer()).append("\",\"results\":[");
        for (int i = 0; i < order.tests().size(); i++) {
            String test = order.tests().get(i);
            json.append(i == 0 ? "" : ",").append("{\"code\":\"").append(test).append("\",\"value\":\"")
                    .append(value(test)).append("\",\"units\":\"mg/dL\",\"flag\":\"N\"}");
        }
        return json.append("]}").toString();
    }

    private static String value(String test) {
        return (40 + Math.floorMod(test.hashCode(), 60)) + ".0";
    }

    /** MSA-1 and MSA-3 of an acknowledgement. */
    static String[] ackCode(String ack) {
        try {
            Message parsed = parser().parse(ack);
            if (parsed instanceof ACK a) {
                return new String[]{a.getMSA().getAcknowledgmentCode().getValue(), a.getMSA().getTextMessage().getValue()};
            }
            return new String[]{"??", "Not an ACK: " + parsed.getName()};
        } catch (HL7Exception e) {
            return new String[]{"??", "Unreadable ACK: " + e.getMessage()};
        }
    }
}
