package io.cuadra.billing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.bootstrap.DOMImplementationRegistry;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates XML against the OASIS UBL 2.1 schemas shipped inside ph-ubl21. Schemas are loaded from
 * their jar URLs so the relative imports between the common XSDs resolve; the two namespaces they
 * import without a location (CCTS core component types, XMLDSig) come from src/test/resources/xsd
 * (see its README). Loading takes a few seconds, hence the static cache.
 */
public final class UblSchemaValidator {

    private static Schema invoice;
    private static Schema creditNote;

    private UblSchemaValidator() {
    }

    /** Every schema violation, as "line:column message"; empty when the document is valid. */
    public static List<String> errors(byte[] xml) {
        String text = new String(xml, 0, Math.min(xml.length, 400), java.nio.charset.StandardCharsets.UTF_8);
        Schema schema = text.contains("<CreditNote") ? creditNote() : invoice();
        Validator validator = schema.newValidator();
        List<String> errors = new ArrayList<>();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                error(e);
            }
        });
        try {
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException | IOException e) {
            errors.add("fatal: " + e.getMessage());
        }
        return errors;
    }

    private static synchronized Schema invoice() {
        if (invoice == null) {
            invoice = load("external/schemas/ubl21/maindoc/UBL-Invoice-2.1.xsd");
        }
        return invoice;
    }

    private static synchronized Schema creditNote() {
        if (creditNote == null) {
            creditNote = load("external/schemas/ubl21/maindoc/UBL-CreditNote-2.1.xsd");
        }
        return creditNote;
    }

    private static final Map<String, String> LOCAL_SCHEMAS = Map.of(
            "urn:un:unece:uncefact:data:specification:CoreComponentTypeSchemaModule:2", "xsd/CCTS_CCT_SchemaModule.xsd",
            "http://www.w3.org/2000/09/xmldsig#", "xsd/xmldsig-core-schema.xsd");

    /** Supplies a bundled schema for an import that names only its namespace; null lets the loader go on. */
    private static LSInput locationlessImport(String type, String namespace, String publicId, String systemId,
                                              String baseUri) {
        String resource = systemId == null ? LOCAL_SCHEMAS.get(namespace) : null;
        if (resource == null) {
            return null;
        }
        URL url = Objects.requireNonNull(UblSchemaValidator.class.getClassLoader().getResource(resource), resource);
        try {
            DOMImplementationLS ls = (DOMImplementationLS) DOMImplementationRegistry.newInstance()
                    .getDOMImplementation("LS");
            LSInput input = ls.createLSInput();
            input.setSystemId(url.toExternalForm());
            input.setByteStream(url.openStream());
            return input;
        } catch (IOException | ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot open " + resource, e);
        }
    }

    private static Schema load(String resource) {
        URL url = Objects.requireNonNull(UblSchemaValidator.class.getClassLoader().getResource(resource), resource);
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setResourceResolver(UblSchemaValidator::locationlessImport);
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot load " + resource, e);
        }
    }
}
