package io.cuadra.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.v25.datatype.NM;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.model.v25.message.ORM_O01;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import ca.uhn.hl7v2.model.v25.segment.OBX;
import ca.uhn.hl7v2.model.v25.segment.PID;
import io.cuadra.lab.domain.LabOrderMessage;
import io.cuadra.lab.domain.LabTest;
import io.cuadra.lab.domain.LisAnswer;
import io.cuadra.lab.domain.Patient;
import io.cuadra.lab.domain.SyncKind;
import io.cuadra.lab.infrastructure.Hl7Messages;
import io.cuadra.lab.infrastructure.LabJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What goes to the LIS is read back with HAPI itself; what comes back is built with HAPI as a LIS would. */
class Hl7MessagesTest {

    private static final HapiContext HAPI = new DefaultHapiContext();

    private static LabOrderMessage order(SyncKind kind, Patient patient) {
        return new LabOrderMessage("C0000000000000000001", kind, 4711L, "LIM01-2026-000123", "LIM01", "LIS", "LAB",
                Instant.parse("2026-12-07T15:30:00Z"), patient,
                List.of(new LabTest(10L, 1, "HEM", "Hemograma completo"), new LabTest(11L, 3, "GLU", "Glucosa")),
                kind == SyncKind.CANCEL ? "Paciente no acudió" : null);
    }

    @Test
    void newOrderIsAnOrmO01WithOneOrcObrPairPerTestAndThePatient() throws Exception {
        Patient ana = new Patient("1", "45871236", "Ana", "Quispe Rojas", LocalDate.of(1988, 3, 14), "F");
        Message parsed = HAPI.getPipeParser().parse(Hl7Messages.orderMessage(order(SyncKind.NEW, ana)));

        assertThat(parsed).isInstanceOf(ORM_O01.class);
        ORM_O01 orm = (ORM_O01) parsed;
        assertThat(orm.getMSH().getVersionID().getVersionID().getValue()).isEqualTo("2.5");
        assertThat(orm.getMSH().getMessageControlID().getValue()).isEqualTo("C0000000000000000001");
        assertThat(orm.getMSH().getSendingFacility().getNamespaceID().getValue()).isEqualTo("LIM01");
        assertThat(orm.getMSH().getReceivingApplication().getNamespaceID().getValue()).isEqualTo("LIS");
        PID pid = orm.getPATIENT().getPID();
        assertThat(pid.getPatientIdentifierList(0).getIDNumber().getValue()).isEqualTo("45871236");
        assertThat(pid.getPatientIdentifierList(0).getIdentifierTypeCode().getValue()).isEqualTo("NNPER");
        assertThat(pid.getPatientName(0).getFamilyName().getSurname().getValue()).isEqualTo("Quispe Rojas");
        assertThat(pid.getPatientName(0).getGivenName().getValue()).isEqualTo("Ana");
        assertThat(pid.getDateTimeOfBirth().getTime().getValue()).isEqualTo("19880314");
        assertThat(pid.getAdministrativeSex().getValue()).isEqualTo("F");
        assertThat(orm.getORDERReps()).isEqualTo(2);
        assertThat(orm.getORDER(0).getORC().getOrderControl().getValue()).isEqualTo("NW");
        assertThat(orm.getORDER(0).getORC().getPlacerOrderNumber().getEntityIdentifier().getValue()).isEqualTo("4711");
        assertThat(orm.getORDER(1).getORDER_DETAIL().getOBR().getUniversalServiceIdentifier().getIdentifier().getValue())
                .isEqualTo("GLU");
        assertThat(orm.getORDER(1).getORDER_DETAIL().getOBR().getPlacerField1().getValue()).isEqualTo("3");
    }

    @Test
    void cancellationSendsOrcCaWithTheReasonAndAnAnonymousPatientHasNoIdentity() throws Exception {
        ORM_O01 orm = (ORM_O01) HAPI.getPipeParser().parse(Hl7Messages.orderMessage(order(SyncKind.CANCEL, null)));

        assertThat(orm.getORDER(0).getORC().getOrderControl().getValue()).isEqualTo("CA");
        assertThat(orm.getORDER(1).getORC().getOrderControl().getValue()).isEqualTo("CA");
        assertThat(orm.getORDER(0).getORC().getOrderControlCodeReason().getText().getValue()).isEqualTo("Paciente no acudió");
        assertThat(orm.getPATIENT().getPID().getPatientIdentifierList(0).getIDNumber().getValue()).isNull();
    }

    @Test
    void acknowledgementsAreReadByTheirCode() throws Exception {
        Message orm = HAPI.getPipeParser().parse(Hl7Messages.orderMessage(order(SyncKind.NEW, null)));
        String aa = orm.generateACK().encode();
        String ar = orm.generateACK(ca.uhn.hl7v2.AcknowledgmentCode.AR,
                new ca.uhn.hl7v2.HL7Exception("Unknown test GLU")).encode();
        String ae = orm.generateACK(ca.uhn.hl7v2.AcknowledgmentCode.AE,
                new ca.uhn.hl7v2.HL7Exception("Patient locked")).encode();

        assertThat(Hl7Messages.answerOf(aa).outcome()).isEqualTo(LisAnswer.Outcome.ACCEPTED);
        LisAnswer rejected = Hl7Messages.answerOf(ar);
        assertThat(rejected.outcome()).isEqualTo(LisAnswer.Outcome.REFUSED);
        assertThat(rejected.code()).isEqualTo("AR");
        assertThat(rejected.detail()).contains("AR");
        assertThat(Hl7Messages.answerOf(ae).code()).isEqualTo("AE");
        assertThat(Hl7Messages.answerOf("garbage").outcome()).isEqualTo(LisAnswer.Outcome.REFUSED);
    }

    @Test
    void httpAnswersSplitIntoAcceptedRefusedAndUnavailable() {
        assertThat(LisAnswer.ofHttp(201, "{}").accepted()).isTrue();
        assertThat(LisAnswer.ofHttp(422, "{}").outcome()).isEqualTo(LisAnswer.Outcome.REFUSED);
        assertThat(LisAnswer.ofHttp(503, "").outcome()).isEqualTo(LisAnswer.Outcome.UNAVAILABLE);
        assertThat(LisAnswer.ofHttp(429, "").outcome()).isEqualTo(LisAnswer.Outcome.UNAVAILABLE);
    }

    static String oru(String controlId, String placer, String... tests) throws Exception {
        ORU_R01 oru = new ORU_R01();
        oru.initQuickstart("ORU", "R01", "P");
        oru.getMSH().getMessageControlID().setValue(controlId);
        for (int i = 0; i < tests.length; i++) {
            ORU_R01_ORDER_OBSERVATION oo = oru.getPATIENT_RESULT().getORDER_OBSERVATION(i);
            oo.getOBR().getPlacerOrderNumber().getEntityIdentifier().setValue(placer);
            oo.getOBR().getUniversalServiceIdentifier().getIdentifier().setValue(tests[i]);
            OBX obx = oo.getOBSERVATION(0).getOBX();
            obx.getValueType().setValue("NM");
            obx.getObservationIdentifier().getIdentifier().setValue(tests[i]);
            NM nm = new NM(oru);
            nm.setValue("5.4");
            obx.getObservationValue(0).setData(nm);
            obx.getUnits().getIdentifier().setValue("mmol/L");
        }
        return oru.encode();
    }

    @Test
    void resultsNameTheOrderTheTestsAndTheirValues() throws Exception {
        Hl7Messages.Results r = Hl7Messages.resultsOf(oru("R1", "4711", "HEM", "GLU"));

        assertThat(r.controlId()).isEqualTo("R1");
        assertThat(r.placerNumber()).isEqualTo("4711");
        assertThat(r.testCodes()).containsExactly("HEM", "GLU");
        assertThat(r.observations()).contains("GLU\tGLU=5.4 mmol/L");
    }

    @Test
    void malformedOrForeignMessagesAreUnreadableAndAnsweredAr() throws Exception {
        assertThatThrownBy(() -> Hl7Messages.resultsOf("hello")).isInstanceOf(Hl7Messages.Unreadable.class);
        String orm = Hl7Messages.orderMessage(order(SyncKind.NEW, null));
        assertThatThrownBy(() -> Hl7Messages.resultsOf(orm)).isInstanceOf(Hl7Messages.Unreadable.class)
                .hasMessageContaining("ORU^R01");
        assertThatThrownBy(() -> Hl7Messages.resultsOf(oru("R2", "4711", "HEM").replace("4711", "")))
                .isInstanceOf(Hl7Messages.Unreadable.class);

        ACK rejected = (ACK) HAPI.getPipeParser().parse(Hl7Messages.refuse("hello", true, "Malformed"));
        assertThat(rejected.getMSA().getAcknowledgmentCode().getValue()).isEqualTo("AR");
    }

    @Test
    void ourAcknowledgementsEchoTheControlId() throws Exception {
        String oru = oru("R77", "4711", "HEM");
        ACK ok = (ACK) HAPI.getPipeParser().parse(Hl7Messages.accept(oru));
        ACK dup = (ACK) HAPI.getPipeParser().parse(Hl7Messages.refuse(oru, false, "Duplicate message R77"));

        assertThat(ok.getMSA().getAcknowledgmentCode().getValue()).isEqualTo("AA");
        assertThat(ok.getMSA().getMessageControlID().getValue()).isEqualTo("R77");
        assertThat(dup.getMSA().getAcknowledgmentCode().getValue()).isEqualTo("AE");
        assertThat(dup.getMSA().getTextMessage().getValue()).isEqualTo("Duplicate message R77");
    }

    @Test
    void sendAgainChangesOnlyTheControlId() throws Exception {
        String first = Hl7Messages.orderMessage(order(SyncKind.NEW, null));
        ORM_O01 again = (ORM_O01) HAPI.getPipeParser().parse(Hl7Messages.withControlId(first, "C2"));
        assertThat(again.getMSH().getMessageControlID().getValue()).isEqualTo("C2");
        assertThat(again.getORDER(0).getORC().getPlacerOrderNumber().getEntityIdentifier().getValue()).isEqualTo("4711");

        String json = LabJson.orderMessage(order(SyncKind.NEW, new Patient("1", "45871236", "Ana", "Quispe", null, null)));
        assertThat(json).contains("\"action\":\"NEW\"", "\"placerOrderNumber\":\"4711\"", "\"code\":\"GLU\"",
                "\"documentNumber\":\"45871236\"");
        assertThat(LabJson.withMessageId(json, "C3")).contains("\"messageId\":\"C3\"").doesNotContain("C0000000000000000001");
    }
}
