package io.cuadra.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cuadra.notifications.application.TemplateStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every shipped default exists where its event sends, in es, en and fr, and uses only the documented variables. */
class TemplateVariablesTest {

    private static final Pattern NAME = Pattern.compile("\\{\\{[#^/]?\\s*([A-Za-z]+)\\s*}}");

    @Test
    void everyShippedTemplateUsesOnlyItsEventsDocumentedVariables() {
        List<String> problems = new ArrayList<>();
        int found = 0;
        for (NotificationEvent event : NotificationEvent.values()) {
            assertThat(TemplateVariables.of(event)).as("variables of " + event).isNotEmpty();
            for (Channel channel : Channel.values()) {
                for (String language : Language.SUPPORTED) {
                    for (String pack : java.util.Arrays.asList(null, "PE", "CL", "MX", "FR")) {
                        var t = TemplateStore.shipped(pack, event, channel, language);
                        if (t.isPresent()) {
                            found++;
                            unknownVariables(event, t.get()).ifPresent(unknown -> problems.add(pack + "/" + event
                                    + "/" + channel + "." + language + " uses " + unknown));
                        }
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(found).isGreaterThanOrEqualTo(250);
    }

    private static java.util.Optional<Set<String>> unknownVariables(NotificationEvent event, Template t) {
        Set<String> used = new LinkedHashSet<>();
        for (String source : sources(t)) {
            Matcher m = NAME.matcher(source);
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        used.removeAll(TemplateVariables.of(event));
        return used.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(used);
    }

    @Test
    void aCountryPacksOwnWordingWinsOverTheSharedSetAndOthersFallBackToIt() {
        var fr = TemplateStore.shipped("FR", NotificationEvent.INVOICE_SENT, Channel.EMAIL, "fr").orElseThrow();
        var shared = TemplateStore.shipped(NotificationEvent.INVOICE_SENT, Channel.EMAIL, "fr").orElseThrow();
        assertThat(fr.text()).contains("TTC").isNotEqualTo(shared.text());
        assertThat(TemplateStore.shipped("PE", NotificationEvent.INVOICE_SENT, Channel.EMAIL, "es").orElseThrow().text())
                .contains("SUNAT");
        assertThat(TemplateStore.shipped("FR", NotificationEvent.INVOICE_SENT, Channel.SMS, "fr")).as("no pack SMS")
                .contains(TemplateStore.shipped(NotificationEvent.INVOICE_SENT, Channel.SMS, "fr").orElseThrow());
    }

    @Test
    void theNewEventsShipTheirDefaultsInEveryLanguageOnTheChannelsTheySendOn() {
        record Expected(NotificationEvent event, Channel... channels) {
        }
        for (Expected e : List.of(
                new Expected(NotificationEvent.ORDER_CONFIRMATION, Channel.EMAIL, Channel.SMS, Channel.WHATSAPP),
                new Expected(NotificationEvent.CREDIT_NOTE_ISSUED, Channel.EMAIL, Channel.SMS, Channel.WHATSAPP),
                new Expected(NotificationEvent.STOCK_CRITICAL, Channel.ALERT, Channel.EMAIL),
                new Expected(NotificationEvent.LOT_EXPIRING, Channel.ALERT, Channel.EMAIL),
                new Expected(NotificationEvent.PASSWORD_RESET, Channel.EMAIL))) {
            for (Channel c : e.channels()) {
                for (String language : Language.SUPPORTED) {
                    assertThat(TemplateStore.shipped(e.event(), c, language)).as(e.event() + "/" + c + "." + language)
                            .isPresent();
                }
            }
        }
        var reset = TemplateStore.shipped(NotificationEvent.PASSWORD_RESET, Channel.EMAIL, "fr").orElseThrow();
        assertThat(TemplateRenderer.render(reset, java.util.Map.of("firstName", "Zoé", "resetLink", "https://x/r?token=T",
                "token", "T")).text()).contains("Reset token: T").contains("Bonjour Zoé");
    }

    private static List<String> sources(Template t) {
        List<String> out = new ArrayList<>(t.whatsappParameters());
        out.add(t.text());
        if (t.subject() != null) {
            out.add(t.subject());
        }
        if (t.html() != null) {
            out.add(t.html());
        }
        return out;
    }
}
