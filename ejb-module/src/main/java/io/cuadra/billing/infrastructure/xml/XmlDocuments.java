package io.cuadra.billing.infrastructure.xml;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Namespace-aware DOM parsing and serialisation shared by the UBL writer, the signer and the verifier.
 * JAXP factories and builders are not thread-safe, so each thread keeps its own builder and transformer
 * (creating them costs more than signing a small invoice). Parsing refuses DOCTYPEs: a SUNAT document
 * never has one, and refusing them closes the door to XXE and entity expansion.
 */
public final class XmlDocuments {

    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(XmlDocuments::newBuilder);
    private static final ThreadLocal<Transformer> SERIALIZER = ThreadLocal.withInitial(XmlDocuments::newSerializer);

    /** Turns parse problems into exceptions instead of the JDK default of also printing them to stderr. */
    private static final ErrorHandler RAISE_ERRORS = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    private XmlDocuments() {
    }

    public static Document newDocument() {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        return builder.newDocument();
    }

    /** Parses XML bytes; malformed input is an {@link IllegalArgumentException}. */
    public static Document parse(byte[] xml) {
        DocumentBuilder builder = BUILDER.get();
        builder.reset();
        builder.setErrorHandler(RAISE_ERRORS);
        try {
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (SAXException e) {
            throw new IllegalArgumentException("Not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalStateException("Reading XML from memory failed", e);
        }
    }

    /**
     * UTF-8 bytes with an XML declaration and no added whitespace: indenting a signed document would
     * change what was signed.
     */
    public static byte[] serialize(Document document) {
        // With standalone set, the JDK serializer writes a plain declaration instead of standalone="no".
        document.setXmlStandalone(true);
        Transformer transformer = SERIALIZER.get();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            transformer.transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IllegalStateException("Serialising XML failed", e);
        } finally {
            transformer.reset();
            configure(transformer);
        }
        return out.toByteArray();
    }

    private static DocumentBuilder newBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser lacks a required security feature", e);
        }
    }

    private static Transformer newSerializer() {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            Transformer transformer = factory.newTransformer();
            configure(transformer);
            return transformer;
        } catch (javax.xml.transform.TransformerConfigurationException e) {
            throw new IllegalStateException("The JDK XML serializer could not be configured", e);
        }
    }

    private static void configure(Transformer transformer) {
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        transformer.setOutputProperty(OutputKeys.INDENT, "no");
        transformer.setOutputProperty(OutputKeys.METHOD, "xml");
    }
}
