package io.cuadra.lab.infrastructure;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.group.ORM_O01_ORDER;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.model.v25.message.ORM_O01;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import ca.uhn.hl7v2.model.v25.segment.MSH;
import ca.uhn.hl7v2.model.v25.segment.OBR;
import ca.uhn.hl7v2.model.v25.segment.OBX;
import ca.uhn.hl7v2.model.v25.segment.ORC;
import ca.uhn.hl7v2.model.v25.segment.PID;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.Parser;
import ca.uhn.hl7v2.preparser.PreParser;
import io.cuadra.lab.domain.LabOrderMessage;
import io.cuadra.lab.domain.LabTest;
import io.cuadra.lab.domain.LisAnswer;
import io.cuadra.lab.domain.Patient;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The HL7 v2.5 messages Cuadra exchanges with a LIS, built and read with HAPI (no hand-built segments):
 * ORM^O01 out (ORC-1 NW or CA, one ORC/OBR pair per test, PID from the customer), its ACK read back, ORU^R01 in
 * and the ACK we answer (AA, or AE / AR with the reason in MSA-3 and ERR).
 */
public final class Hl7Messages {

    static final String SENDING_APPLICATION = "CUADRA";
    private static final DateTimeFormatter HL7_TS = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter HL7_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** Thread-safe once configured; every message is read as v2.5 whatever version it declares. */
    private static final HapiContext CONTEXT = context();

    private Hl7Messages() {
    }

    private static HapiContext context() {
        HapiContext ctx = new DefaultHapiContext();
        ctx.setModelClassFactory(new CanonicalModelClassFactory("2.5"));
        return ctx;
    }

    static Parser parser() {
        return CONTEXT.getPipeParser();
    }

    /** The ORM^O01 of a new or cancelled order, in ER7 (pipe) encoding. */
    public static String orderMessage(LabOrderMessage m) {
        try {
            ORM_O01 orm = new ORM_O01();
            orm.initQuickstart("ORM", "O01", "P");
            MSH msh = orm.getMSH();
            msh.getSendingApplication().getNamespaceID().setValue(SENDING_APPLICATION);
            msh.getSendingFacility().getNamespaceID().setValue(m.locationCode());
            msh.getReceivingApplication().getNamespaceID().setValue(m.lisApplication());
            msh.getReceivingFacility().getNamespaceID().setValue(m.lisFacility());
            msh.getDateTimeOfMessage().getTime().setValue(HL7_TS.format(m.at()));
            msh.getMessageControlID().setValue(m.controlId());
            patient(orm.getPATIENT().getPID(), m.patient());
            int set = 1;
            for (LabTest test : m.tests()) {
                ORM_O01_ORDER order = orm.getORDER(set - 1);
                ORC orc = order.getORC();
                orc.getOrderControl().setValue(m.orderControl());
                orc.getPlacerOrderNumber().getEntityIdentifier().setValue(m.placerNumber());
                orc.getPlacerOrderNumber().getNamespaceID().setValue(SENDING_APPLICATION);
                orc.getPlacerGroupNumber().getEntityIdentifier().setValue(m.orderNumber());
                orc.getDateTimeOfTransaction().getTime().setValue(HL7_TS.format(m.at()));
                if (m.cancelReason() != null) {
                    orc.getOrderControlCodeReason().getText().setValue(m.cancelReason());
                }
                OBR obr = order.getORDER_DETAIL().getOBR();
                obr.getSetIDOBR().setValue(Integer.toString(set));
                obr.getPlacerOrderNumber().getEntityIdentifier().setValue(m.placerNumber());
                obr.getPlacerOrderNumber().getNamespaceID().setValue(SENDING_APPLICATION);
                obr.getUniversalServiceIdentifier().getIdentifier().setValue(test.code());
                obr.getUniversalServiceIdentifier().getText().setValue(test.name());
                obr.getPlacerField1().setValue(Integer.toString(test.lineNumber()));
                set++;
            }
            return orm.encode();
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("The ORM^O01 of order " + m.orderNumber() + " cannot be built: "
                    + e.getMessage(), e);
        }
    }

    private static void patient(PID pid, Patient p) throws HL7Exception {
        pid.getSetIDPID().setValue("1");
        if (p.known()) {
            pid.getPatientIdentifierList(0).getIDNumber().setValue(p.documentNumber());
            pid.getPatientIdentifierList(0).getIdentifierTypeCode().setValue(documentTypeCode(p.documentType()));
        }
        if (p.lastName() != null) {
            pid.getPatientName(0).getFamilyName().getSurname().setValue(p.lastName());
        }
        if (p.firstName() != null) {
            pid.getPatientName(0).getGivenName().setValue(p.firstName());
        }
        if (p.birthDate() != null) {
            pid.getDateTimeOfBirth().getTime().setValue(HL7_DATE.format(p.birthDate()));
        }
        if (p.sex() != null) {
            pid.getAdministrativeSex().setValue(p.sex());
        }
    }

    /** HL7 table 0203 identifier type for the SUNAT document types a patient shows. */
    static String documentTypeCode(String sunatType) {
        if (sunatType == null) {
            return null;
        }
        return switch (sunatType) {
            case "1" -> "NNPER"; // national person identifier (DNI)
            case "7" -> "PPN";
            case "4" -> "PRC"; // permanent resident card (carné de extranjería)
            default -> "NI";
        };
    }

    /** Reads the LIS's acknowledgement of an order message; an unreadable answer counts as a refusal. */
    public static LisAnswer answerOf(String ack) {
        try {
            Message parsed = parser().parse(ack);
            if (!(parsed instanceof ACK a)) {
                return LisAnswer.ofAcknowledgement("AR", "The LIS answered " + parsed.getName() + ", not an ACK", ack);
            }
            String text = a.getMSA().getTextMessage().getValue();
            if (text == null && a.getERRReps() > 0) {
                text = a.getERR(0).getDiagnosticInformation().getValue();
            }
            return LisAnswer.ofAcknowledgement(a.getMSA().getAcknowledgmentCode().getValue(), text, ack);
        } catch (HL7Exception e) {
            return LisAnswer.ofAcknowledgement("AR", "Unreadable acknowledgement: " + e.getMessage(), ack);
        }
    }

    /** One ORU^R01 as the lab side reads it: which order, which tests, what came back. */
    public record Results(String controlId, String placerNumber, Set<String> testCodes, List<String> observations) {
    }

    /** Thrown for a message that is no readable ORU^R01: the answer is AR. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;
        private final String controlId;

        Unreadable(String message, String controlId, Throwable cause) {
            super(message, cause);
            this.controlId = controlId;
        }

        public String controlId() {
            return controlId;
        }
    }

    public static Results resultsOf(String text) throws Unreadable {
        String controlId = controlIdOf(text);
        Message parsed;
        try {
            parsed = parser().parse(text);
        } catch (HL7Exception e) {
            throw new Unreadable("Malformed HL7 message: " + e.getMessage(), controlId, e);
        }
        if (!(parsed instanceof ORU_R01 oru)) {
            throw new Unreadable("Only ORU^R01 results are taken here, not " + parsed.getName(), controlId, null);
        }
        try {
            String placer = null;
            Set<String> codes = new LinkedHashSet<>();
            List<String> observations = new ArrayList<>();
            for (ORU_R01_PATIENT_RESULT result : oru.getPATIENT_RESULTAll()) {
                for (ORU_R01_ORDER_OBSERVATION oo : result.getORDER_OBSERVATIONAll()) {
                    OBR obr = oo.getOBR();
                    String p = obr.getPlacerOrderNumber().getEntityIdentifier().getValue();
                    if (p == null) {
                        p = oo.getORC().getPlacerOrderNumber().getEntityIdentifier().getValue();
                    }
                    if (p == null || (placer != null && !placer.equals(p))) {
                        throw new Unreadable("Every OBR must name the same placer order number (OBR-2)", controlId, null);
                    }
                    placer = p;
                    String code = obr.getUniversalServiceIdentifier().getIdentifier().getValue();
                    if (code == null || code.isBlank()) {
                        throw new Unreadable("OBR-4 names no test", controlId, null);
                    }
                    codes.add(code.strip());
                    for (ORU_R01_OBSERVATION obs : oo.getOBSERVATIONAll()) {
                        observations.add(code.strip() + "\t" + observation(obs.getOBX()));
                    }
                }
            }
            if (placer == null) {
                throw new Unreadable("No OBR in the message", controlId, null);
            }
            return new Results(controlId, placer, codes, observations);
        } catch (HL7Exception e) {
            throw new Unreadable("Malformed ORU^R01: " + e.getMessage(), controlId, e);
        }
    }

    private static String observation(OBX obx) throws HL7Exception {
        String value = obx.getObservationValueReps() == 0 ? "" : obx.getObservationValue(0).getData().encode();
        String units = obx.getUnits().getIdentifier().getValue();
        String flag = obx.getAbnormalFlagsReps() == 0 ? null : obx.getAbnormalFlags(0).getValue();
        return obx.getObservationIdentifier().getIdentifier().getValue() + "=" + value
                + (units == null ? "" : " " + units) + (flag == null ? "" : " [" + flag + "]");
    }

    /** MSH-10 of any text that looks like HL7, null when there is none. */
    static String controlIdOf(String text) {
        try {
            String[] fields = PreParser.getFields(text, "MSH-10");
            return fields.length == 0 || fields[0] == null || fields[0].isBlank() ? null : fields[0];
        } catch (HL7Exception | RuntimeException e) {
            return null;
        }
    }

    /** The AA acknowledgement of a message we took. */
    public static String accept(String received) {
        return acknowledge(received, AcknowledgmentCode.AA, null);
    }

    /** AE (application error: unknown order, duplicate...) or AR (rejected: unreadable) with the reason. */
    public static String refuse(String received, boolean reject, String why) {
        return acknowledge(received, reject ? AcknowledgmentCode.AR : AcknowledgmentCode.AE, why);
    }

    private static String acknowledge(String received, AcknowledgmentCode code, String why) {
        try {
            Message incoming = parser().parse(received);
            Message ack = why == null ? incoming.generateACK() : incoming.generateACK(code, new HL7Exception(why));
            if (why != null && ack instanceof ACK a) {
                a.getMSA().getTextMessage().setValue(truncate(why, 80));
            }
            return ack.encode();
        } catch (HL7Exception | IOException unreadable) {
            return bareAck(controlIdOf(received), code, why);
        }
    }

    /** An ACK for a message HAPI could not even read: only its control id, when found, is echoed. */
    private static String bareAck(String controlId, AcknowledgmentCode code, String why) {
        try {
            ACK ack = new ACK();
            ack.initQuickstart("ACK", null, "P");
            ack.getMSH().getSendingApplication().getNamespaceID().setValue(SENDING_APPLICATION);
            ack.getMSA().getAcknowledgmentCode().setValue(code.name());
            ack.getMSA().getMessageControlID().setValue(controlId == null ? "" : controlId);
            if (why != null) {
                ack.getMSA().getTextMessage().setValue(truncate(why, 80));
            }
            return ack.encode();
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("An ACK cannot be built", e);
        }
    }

    private static String truncate(String text, int max) {
        String oneLine = text.replaceAll("[\\r\\n|^~\\\\&]+", " ");
        return oneLine.length() > max ? oneLine.substring(0, max) : oneLine;
    }

    /** The same message under another control id (MSH-10): "send again" must not look like a repeat to the LIS. */
    public static String withControlId(String message, String controlId) {
        try {
            Message parsed = parser().parse(message);
            MSH msh = (MSH) parsed.get("MSH");
            msh.getMessageControlID().setValue(controlId);
            return parsed.encode();
        } catch (HL7Exception e) {
            throw new IllegalStateException("A stored message cannot be read again: " + e.getMessage(), e);
        }
    }
}
