package io.cuadra.billing.infrastructure.sunat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/** JDK DOM parsing for answers from the network: namespace-aware, no DTDs, no external entities. */
final class SafeXml {

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
    static final String CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";

    private SafeXml() {
    }

    static Document parse(byte[] bytes) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK XML parser cannot be configured", e);
        }
    }

    static Optional<Element> child(Element parent, String namespace, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())
                    && (namespace == null || namespace.equals(e.getNamespaceURI()))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /** Follows (namespace, local name) pairs; a null namespace matches any, for SOAP parts written without one. */
    static Optional<Element> path(Element from, String... namespaceAndNames) {
        Optional<Element> current = Optional.of(from);
        for (int i = 0; i < namespaceAndNames.length && current.isPresent(); i += 2) {
            String namespace = namespaceAndNames[i];
            String name = namespaceAndNames[i + 1];
            current = current.flatMap(e -> child(e, namespace, name));
        }
        return current;
    }

    static Optional<Element> firstChildElement(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    static String text(Element element) {
        return element.getTextContent().strip();
    }

    /** Escapes text for an element's content or a double-quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
