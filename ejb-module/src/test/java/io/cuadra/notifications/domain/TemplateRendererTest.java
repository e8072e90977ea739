package io.cuadra.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateRendererTest {

    private static final Map<String, String> INVOICE = Map.of("customerName", "Ana <b>Pérez</b> & Cía",
            "documentKind", "Factura", "documentNumber", "F001-00000042", "issueDate", "2026-12-07",
            "total", "PEN 118.00", "companyName", "Clínica Demo");

    @Test
    void htmlEscapesWhatItInsertsWhileTextAndSubjectKeepItAsTyped() {
        Template t = Template.parse("""
                --- subject
                {{documentKind}} {{documentNumber}} para {{customerName}}
                --- text
                Hola {{customerName}}
                --- html
                <p>Hola {{customerName}}</p>
                """);
        Rendered r = TemplateRenderer.render(t, INVOICE);
        assertThat(r.subject()).isEqualTo("Factura F001-00000042 para Ana <b>Pérez</b> & Cía");
        assertThat(r.text()).isEqualTo("Hola Ana <b>Pérez</b> & Cía\n");
        assertThat(r.html()).isEqualTo("<p>Hola Ana &lt;b&gt;Pérez&lt;/b&gt; &amp; Cía</p>\n");
    }

    @Test
    void twoTemplatesNeverShareACompiledForm() {
        Template a = Template.parse("--- text\nA {{total}}\n");
        Template b = Template.parse("--- text\nB {{total}}\n");
        assertThat(TemplateRenderer.render(a, INVOICE).text()).isEqualTo("A PEN 118.00\n");
        assertThat(TemplateRenderer.render(b, INVOICE).text()).isEqualTo("B PEN 118.00\n");
    }

    @Test
    void aTemplateWithoutTextOrWithBrokenTagsIsRefused() {
        assertThatThrownBy(() -> Template.parse("--- subject\nx\n")).isInstanceOf(IllegalArgumentException.class);
        Template broken = Template.parse("--- text\n{{#open}} never closed\n");
        assertThatThrownBy(() -> TemplateRenderer.render(broken, INVOICE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyShippedTemplateParsesAndRendersEveryVariableItUses() throws IOException {
        Map<String, String> discrepancy = Map.of("locationCode", "LIMA01", "businessDate", "2026-12-06",
                "typeLabel", "Importe distinto", "orderNumber", "LIMA01-000123", "expected", "100.00",
                "actual", "90.00", "description", "Pago menor");
        String[][] shipped = {{"INVOICE_SENT", "EMAIL"}, {"INVOICE_SENT", "SMS"}, {"INVOICE_SENT", "WHATSAPP"},
                {"DISCREPANCY_ALERT", "ALERT"}, {"DISCREPANCY_ALERT", "EMAIL"}, {"RESULTS_READY", "EMAIL"},
                {"RESULTS_READY", "SMS"}, {"RESULTS_READY", "WHATSAPP"}};
        Map<String, String> results = Map.of("customerName", "Ana", "companyName", "Lab Demo", "reference",
                "LIMA01-000077", "testsCount", "3", "locationName", "Sede Miraflores");
        for (String[] s : shipped) {
            for (String lang : new String[]{"es", "en", "fr"}) {
                String path = "notifications/templates/" + s[0] + "/" + s[1] + "." + lang + ".mustache";
                Template t;
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
                    assertThat(in).as(path).isNotNull();
                    t = Template.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                Rendered r = TemplateRenderer.render(t, s[0].equals("INVOICE_SENT") ? INVOICE
                        : s[0].equals("RESULTS_READY") ? results : discrepancy);
                assertThat(r.text()).as(path).doesNotContain("{{").isNotBlank();
                if (s[1].equals("EMAIL")) {
                    assertThat(r.subject()).as(path).isNotBlank();
                    assertThat(r.html()).as(path).isNotBlank();
                }
                if (s[0].equals("RESULTS_READY")) {
                    assertThat(r.text()).as(path).contains("LIMA01-000077").contains("Sede Miraflores");
                    if (s[1].equals("WHATSAPP")) {
                        assertThat(r.whatsappTemplate()).isEqualTo("cuadra_results_ready");
                        assertThat(r.whatsappParameters()).containsExactly("Ana", "LIMA01-000077",
                                "Sede Miraflores", "Lab Demo");
                    }
                } else if (s[1].equals("WHATSAPP")) {
                    assertThat(r.whatsappTemplate()).isEqualTo("cuadra_invoice_sent");
                    assertThat(r.whatsappParameters()).containsExactly("Ana <b>Pérez</b> & Cía", "Factura",
                            "F001-00000042", "PEN 118.00", "Clínica Demo");
                }
                if (s[0].equals("DISCREPANCY_ALERT")) {
                    assertThat(r.text()).as(path).contains("LIMA01-000123");
                }
            }
        }
    }
}
