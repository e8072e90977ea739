package io.cuadra.identity.domain;

import io.cuadra.shared.domain.RuleViolation;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Set;

/**
 * An uploaded company logo, judged by its content, never by its name or declared type: PNG and JPEG by
 * their signatures, SVG by parsing it. An SVG is refused when it could run or fetch anything (script,
 * event handlers, foreignObject, links outside the file, a DOCTYPE) — it is printed on invoices and
 * shown in browsers, so it must be a picture and nothing else.
 */
public record LogoImage(Kind kind, byte[] bytes) {

    /** 512 KiB: a logo, not a photo album; the PDFs embed it in every document. */
    public static final int MAX_BYTES = 512 * 1024;

    public enum Kind {
        PNG("image/png"), JPEG("image/jpeg"), SVG("image/svg+xml");

        public final String contentType;

        Kind(String contentType) {
            this.contentType = contentType;
        }
    }

    private static final Set<String> FORBIDDEN_ELEMENTS = Set.of("script", "foreignobject", "iframe", "object",
            "embed", "audio", "video", "handler", "listener");

    public static LogoImage of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new RuleViolation("logo: the file is empty.").withKey("identity.fileEmpty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new RuleViolation("logo: at most " + MAX_BYTES / 1024 + " KB; this file has "
                    + (bytes.length + 1023) / 1024 + " KB.").withKey("identity.mostKbFile", MAX_BYTES / 1024, (bytes.length + 1023) / 1024);
        }
        if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return new LogoImage(Kind.PNG, bytes);
        }
        if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
            return new LogoImage(Kind.JPEG, bytes);
        }
        if (looksLikeXml(bytes)) {
            checkSafeSvg(bytes);
            return new LogoImage(Kind.SVG, bytes);
        }
        throw new RuleViolation("logo: only PNG, JPEG or SVG images; this file is none of them (whatever its name says).").withKey("identity.onlyPngJpeg");
    }

    private static void checkSafeSvg(byte[] bytes) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        boolean root = true;
        boolean inStyle = false;
        try {
            XMLStreamReader xml = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new RuleViolation("logo: an SVG with a DOCTYPE is refused.").withKey("identity.svgDoctypeRefused");
                }
                if (event == XMLStreamConstants.END_ELEMENT) {
                    inStyle = false;
                }
                if (inStyle && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                    checkStyle(xml.getText());
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = xml.getLocalName().toLowerCase(Locale.ROOT);
                if (root && !name.equals("svg")) {
                    throw new RuleViolation("logo: the file is XML but not an SVG image.").withKey("identity.fileXmlBut");
                }
                root = false;
                inStyle = name.equals("style");
                if (FORBIDDEN_ELEMENTS.contains(name)) {
                    throw new RuleViolation("logo: the SVG contains <" + xml.getLocalName()
                            + ">, which can run code; save it again as a plain picture.").withKey("identity.svgContainsWhich", xml.getLocalName());
                }
                for (int i = 0; i < xml.getAttributeCount(); i++) {
                    checkAttribute(xml.getAttributeLocalName(i).toLowerCase(Locale.ROOT), xml.getAttributeValue(i));
                }
            }
        } catch (XMLStreamException e) {
            throw new RuleViolation("logo: the SVG is not well-formed XML (" + e.getMessage() + ").").withKey("identity.svgWellFormed", e.getMessage());
        }
        if (root) {
            throw new RuleViolation("logo: the file is XML but not an SVG image.").withKey("identity.fileXmlBut");
        }
    }

    private static void checkAttribute(String name, String value) {
        String v = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
        if (name.startsWith("on")) {
            throw new RuleViolation("logo: the SVG has an event handler (" + name + "), which can run code.").withKey("identity.svgEventHandler", name);
        }
        if (v.contains("javascript:") || v.contains("vbscript:")) {
            throw new RuleViolation("logo: the SVG contains a script link.").withKey("identity.svgContainsScript");
        }
        boolean link = name.equals("href") || name.equals("src");
        if (link && !(v.startsWith("#") || v.startsWith("data:image/png") || v.startsWith("data:image/jpeg"))) {
            throw new RuleViolation("logo: the SVG links to something outside itself (" + value + ").").withKey("identity.svgLinksSomething", value);
        }
        if (name.equals("style")) {
            checkStyle(v);
        }
    }

    /** CSS may fetch too: {@code @import} and {@code url(...)} other than to the file's own parts. */
    private static void checkStyle(String css) {
        String c = css.toLowerCase(Locale.ROOT).replaceAll("\\s", "");
        if (c.contains("@import") || c.replace("url(#", "").contains("url(") || c.contains("expression(")) {
            throw new RuleViolation("logo: the SVG's style links to something outside itself.").withKey("identity.svgSStyle");
        }
    }

    private static boolean looksLikeXml(byte[] bytes) {
        int i = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '<';
    }

    private static boolean startsWith(byte[] bytes, int... signature) {
        if (bytes.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((bytes[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
