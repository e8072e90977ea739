package io.cuadra.sunat.simulator;

import static io.cuadra.sunat.simulator.Xml.APPLICATION_RESPONSE;
import static io.cuadra.sunat.simulator.Xml.CAC;
import static io.cuadra.sunat.simulator.Xml.CBC;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The Constancia de Recepción (CDR): a UBL ApplicationResponse zipped as R-{file name}.zip, shaped like the ones
 * SUNAT's billService returns (sender SUNAT, receiver R-{issuer}, the response code and description under
 * cac:DocumentResponse/cac:Response, observations as root-level cbc:Note "CODE - text"). Not signed: SUNAT
 * signs its CDRs, but nothing in Cuadra verifies that signature and a simulator key would prove nothing.
 */
final class CdrWriter {

    /** SUNAT's own RUC, the sender of every CDR. */
    static final String SUNAT_RUC = "20131312955";

    private CdrWriter() {
    }

    record CdrContent(String responseId, DocumentFileName fileName, String documentId, String responseCode,
                      String description, List<String> notes, String recipient, LocalDateTime respondedAt) {
    }

    static byte[] write(CdrContent content) {
        Document doc = Xml.newDocument();
        Element root = doc.createElementNS(APPLICATION_RESPONSE, "ar:ApplicationResponse");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:cac", CAC);
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:cbc", CBC);
        doc.appendChild(root);

        String date = content.respondedAt().format(DateTimeFormatter.ISO_LOCAL_DATE);
        String time = content.respondedAt().format(DateTimeFormatter.ofPattern("HH:mm:ss"));
        Xml.append(root, CBC, "cbc:UBLVersionID", "2.0");
        Xml.append(root, CBC, "cbc:CustomizationID", "1.0");
        Xml.append(root, CBC, "cbc:ID", content.responseId());
        Xml.append(root, CBC, "cbc:IssueDate", date);
        Xml.append(root, CBC, "cbc:IssueTime", time);
        Xml.append(root, CBC, "cbc:ResponseDate", date);
        Xml.append(root, CBC, "cbc:ResponseTime", time);
        for (String note : content.notes()) {
            Xml.append(root, CBC, "cbc:Note", note);
        }
        Element sender = Xml.append(root, CAC, "cac:SenderParty");
        Xml.append(Xml.append(sender, CAC, "cac:PartyIdentification"), CBC, "cbc:ID", SUNAT_RUC);
        Element receiver = Xml.append(root, CAC, "cac:ReceiverParty");
        Xml.append(Xml.append(receiver, CAC, "cac:PartyIdentification"), CBC, "cbc:ID",
                "R-" + content.fileName().ruc());

        Element documentResponse = Xml.append(root, CAC, "cac:DocumentResponse");
        Element response = Xml.append(documentResponse, CAC, "cac:Response");
        Xml.append(response, CBC, "cbc:ReferenceID", content.documentId());
        Xml.append(response, CBC, "cbc:ResponseCode", content.responseCode());
        Xml.append(response, CBC, "cbc:Description", content.description());
        Element reference = Xml.append(documentResponse, CAC, "cac:DocumentReference");
        Xml.append(reference, CBC, "cbc:ID", content.documentId());
        Element recipient = Xml.append(documentResponse, CAC, "cac:RecipientParty");
        Xml.append(Xml.append(recipient, CAC, "cac:PartyIdentification"), CBC, "cbc:ID", content.recipient());

        String base = "R-" + content.fileName().baseName();
        return ZipArchive.write(base + ".xml", Xml.serialize(doc));
    }

    static String zipName(DocumentFileName fileName) {
        return "R-" + fileName.baseName() + ".zip";
    }
}
