package io.cuadra.billing.infrastructure.sunat;

import static io.cuadra.billing.infrastructure.sunat.SafeXml.CAC;
import static io.cuadra.billing.infrastructure.sunat.SafeXml.CBC;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads the CDR SUNAT returns: a ZIP named R-{file}.zip holding R-{file}.xml (and often an empty "dummy/"
 * folder), whose XML is a UBL ApplicationResponse.
 */
public final class CdrReader {

    private static final int MAX_XML_BYTES = 5 * 1024 * 1024;

    private CdrReader() {
    }

    /** @throws IllegalArgumentException when the bytes are not a readable CDR */
    public static Cdr read(byte[] cdrZip) {
        byte[] xml = singleXml(cdrZip);
        Document document;
        try {
            document = SafeXml.parse(xml);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("The CDR's XML cannot be parsed: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"ApplicationResponse".equals(root.getLocalName())) {
            throw new IllegalArgumentException("The CDR's XML is a " + root.getLocalName()
                    + ", not an ApplicationResponse");
        }
        Element response = SafeXml.path(root, CAC, "DocumentResponse", CAC, "Response")
                .orElseThrow(() -> new IllegalArgumentException("The CDR has no cac:DocumentResponse/cac:Response"));
        String code = SafeXml.child(response, CBC, "ResponseCode").map(SafeXml::text)
                .filter(c -> !c.isEmpty())
                .orElseThrow(() -> new IllegalArgumentException("The CDR has no cbc:ResponseCode"));
        String description = SafeXml.child(response, CBC, "Description").map(SafeXml::text).orElse("");
        String reference = SafeXml.child(response, CBC, "ReferenceID").map(SafeXml::text)
                .or(() -> SafeXml.path(root, CAC, "DocumentResponse", CAC, "DocumentReference", CBC, "ID")
                        .map(SafeXml::text))
                .orElse("");
        return new Cdr(reference, code, description, notes(root, response));
    }

    private static List<SunatNote> notes(Element root, Element response) {
        List<SunatNote> notes = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && CBC.equals(e.getNamespaceURI()) && "Note".equals(e.getLocalName())) {
                notes.add(SunatNote.parse(SafeXml.text(e)));
            }
        }
        for (Node n = response.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && CAC.equals(e.getNamespaceURI()) && "Status".equals(e.getLocalName())) {
                String code = SafeXml.child(e, CBC, "StatusReasonCode").map(SafeXml::text).orElse("");
                String reason = SafeXml.child(e, CBC, "StatusReason").map(SafeXml::text).orElse("");
                notes.add(new SunatNote(code, reason));
            }
        }
        return notes;
    }

    private static byte[] singleXml(byte[] zip) {
        List<byte[]> xmlFiles = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory() && entry.getName().toLowerCase(Locale.ROOT).endsWith(".xml")) {
                    xmlFiles.add(readLimited(in));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("The CDR is not a readable ZIP: " + e.getMessage(), e);
        }
        if (xmlFiles.size() != 1) {
            throw new IllegalArgumentException("A CDR ZIP holds one XML file; this one holds " + xmlFiles.size());
        }
        return xmlFiles.get(0);
    }

    private static byte[] readLimited(ZipInputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int total = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            total += n;
            if (total > MAX_XML_BYTES) {
                throw new IOException("the XML inside is larger than " + MAX_XML_BYTES + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
