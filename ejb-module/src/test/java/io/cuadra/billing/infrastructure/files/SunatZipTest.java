package io.cuadra.billing.infrastructure.files;

import io.cuadra.billing.SampleDocuments;
import io.cuadra.billing.domain.SunatFileName;
import io.cuadra.billing.infrastructure.ubl.SunatUblWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SunatZipTest {

    @Test
    void zipHoldsOneXmlNamedLikeTheZip() throws Exception {
        SunatFileName name = SunatFileName.of(SampleDocuments.factura());
        byte[] xml = new SunatUblWriter().writeBytes(SampleDocuments.factura());

        byte[] zip = SunatZip.pack(name, xml);

        List<String> entries = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).containsExactly(SampleDocuments.ISSUER_RUC + "-01-F001-123.xml");
        SunatZip.XmlEntry back = SunatZip.readXml(zip);
        assertThat(back.name()).isEqualTo(name.xmlName());
        assertThat(back.xml()).isEqualTo(xml);
        assertThat(SunatZip.readXml(zip, name.xmlName()).xml()).isEqualTo(xml);
    }

    @Test
    void readsTheXmlOfAReplyThatAlsoHasAFolder() throws Exception {
        byte[] zip = zipOf("dummy/", null, "R-20601234565-01-F001-1.xml", "<ApplicationResponse/>");

        SunatZip.XmlEntry entry = SunatZip.readXml(zip);

        assertThat(entry.name()).isEqualTo("R-20601234565-01-F001-1.xml");
        assertThat(new String(entry.xml())).isEqualTo("<ApplicationResponse/>");
    }

    @Test
    void saysWhenThereIsNoXmlOrNoSuchEntry() throws Exception {
        byte[] zip = zipOf("readme.txt", "hola");

        assertThatThrownBy(() -> SunatZip.readXml(zip)).hasMessageContaining("no XML");
        assertThatThrownBy(() -> SunatZip.readXml(zip, "x.xml")).hasMessageContaining("no entry named x.xml");
    }

    @Test
    void refusesAnEntryThatInflatesBeyondTheLimit() throws Exception {
        byte[] zip = zipOf("bomb.xml", "a".repeat(SunatZip.MAX_XML_BYTES + 1));

        assertThatThrownBy(() -> SunatZip.readXml(zip)).hasMessageContaining("inflates beyond");
    }

    private static byte[] zipOf(String... namesAndContents) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                if (namesAndContents[i + 1] != null) {
                    zip.write(namesAndContents[i + 1].getBytes());
                }
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
