package io.cuadra.billing.infrastructure.files;

import io.cuadra.billing.domain.SunatFileName;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP SUNAT exchanges: {RUC}-{TT}-{SERIE}-{NUMERO}.zip holding the signed XML of the same name. Also
 * reads the XML back out of such a ZIP, or out of SUNAT's reply (whose XML may sit next to a folder
 * entry).
 */
public final class SunatZip {

    /** A signed document is a few dozen KB; anything far larger is refused rather than inflated. */
    public static final int MAX_XML_BYTES = 10 * 1024 * 1024;

    /** An XML entry read from a ZIP. */
    public record XmlEntry(String name, byte[] xml) {
        public XmlEntry {
            Objects.requireNonNull(name, "name");
            xml = xml.clone();
        }

        @Override
        public byte[] xml() {
            return xml.clone();
        }
    }

    private SunatZip() {
    }

    public static byte[] pack(SunatFileName name, byte[] signedXml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(signedXml.length / 3 + 512);
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name.xmlName()));
            zip.write(signedXml);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException("Zipping in memory failed", e);
        }
        return out.toByteArray();
    }

    /** The first XML file in the ZIP, skipping folders. */
    public static XmlEntry readXml(byte[] zipBytes) {
        return find(zipBytes, null);
    }

    /** The XML file of the given name, e.g. the one {@link SunatFileName#xmlName()} announces. */
    public static XmlEntry readXml(byte[] zipBytes, String entryName) {
        return find(zipBytes, Objects.requireNonNull(entryName, "entryName"));
    }

    private static XmlEntry find(byte[] zipBytes, String wanted) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(zipBytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                String name = entry.getName();
                String fileName = name.substring(name.lastIndexOf('/') + 1);
                boolean match = wanted == null
                        ? !entry.isDirectory() && fileName.toLowerCase(Locale.ROOT).endsWith(".xml")
                        : fileName.equals(wanted);
                if (match) {
                    return new XmlEntry(fileName, readBounded(zip, name));
                }
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a readable ZIP: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException(wanted == null ? "The ZIP holds no XML file."
                : "The ZIP holds no entry named " + wanted + ".");
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException {
        byte[] xml = in.readNBytes(MAX_XML_BYTES + 1);
        if (xml.length > MAX_XML_BYTES) {
            throw new IllegalArgumentException(name + " inflates beyond " + MAX_XML_BYTES + " bytes; refused.");
        }
        return xml;
    }
}
