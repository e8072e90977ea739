package io.cuadra.notifications.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.notifications.application.ChannelSender.Outgoing;
import io.cuadra.notifications.application.ProviderSettings;
import io.cuadra.notifications.domain.Rendered;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class WhatsAppSenderTest {

    private static final ProviderSettings SETTINGS = new ProviderSettings(null, "http://x", "v21.0", "1", "t", "http://x",
            "AC1", "t", "+1500", "secret");

    @Test
    void aTemplateMessageCarriesItsNameLanguageAndBodyParametersInOrder() {
        JsonObject body = WhatsAppSender.body(new Outgoing(1, 1, "+51987654321", "en",
                new Rendered(null, "text", null, "cuadra_invoice_sent", List.of("Ana", "F001-7")), List.of(), SETTINGS));
        assertThat(body.getString("messaging_product")).isEqualTo("whatsapp");
        assertThat(body.getString("to")).isEqualTo("51987654321");
        assertThat(body.getString("biz_opaque_callback_data")).isEqualTo("notification:1:1");
        assertThat(body.getString("type")).isEqualTo("template");
        JsonObject template = body.getJsonObject("template");
        assertThat(template.getString("name")).isEqualTo("cuadra_invoice_sent");
        assertThat(template.getJsonObject("language").getString("code")).isEqualTo("en_US");
        JsonObject component = template.getJsonArray("components").getJsonObject(0);
        assertThat(component.getString("type")).isEqualTo("body");
        assertThat(component.getJsonArray("parameters").getValuesAs(JsonObject.class))
                .extracting(p -> p.getString("text")).containsExactly("Ana", "F001-7");
    }

    @Test
    void withoutATemplateTheTextGoesAsATextMessage() {
        JsonObject body = WhatsAppSender.body(new Outgoing(1, 1, "+51987654321", "es",
                new Rendered(null, "Hola\n", null, null, List.of()), List.of(), SETTINGS));
        assertThat(body.getString("type")).isEqualTo("text");
        assertThat(body.getJsonObject("text").getString("body")).isEqualTo("Hola");
    }
}
