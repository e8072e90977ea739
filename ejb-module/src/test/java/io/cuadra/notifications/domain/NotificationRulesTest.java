package io.cuadra.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NotificationRulesTest {

    @Test
    void consentSuppressesOptedOutChannelsAndEverythingAfterAGlobalOptOut() {
        Consent noWhatsApp = new Consent(false, Set.of(Channel.WHATSAPP));
        assertThat(noWhatsApp.refusal(Channel.WHATSAPP, "+51987654321")).contains("The recipient opted out of WHATSAPP.");
        assertThat(noWhatsApp.refusal(Channel.EMAIL, "ana@example.pe")).isEmpty();
        Consent none = new Consent(true, Set.of());
        assertThat(none.refusal(Channel.EMAIL, "ana@example.pe")).contains("The recipient opted out of all messages.");
        assertThat(none.refusal(Channel.SMS, "+51987654321")).isPresent();
        assertThat(none.refusal(Channel.ALERT, null)).as("users' in-app alerts have no opt-out").isEmpty();
    }

    @Test
    void missingOrInvalidAddressesAreSuppressedWithTheReason() {
        Consent all = Consent.everything();
        assertThat(all.refusal(Channel.EMAIL, null)).contains("No e-mail address.");
        assertThat(all.refusal(Channel.SMS, " ")).contains("No phone number.");
        assertThat(all.refusal(Channel.EMAIL, "ana@example")).get().asString().startsWith("Invalid e-mail address");
        assertThat(all.refusal(Channel.EMAIL, "ana @example.pe")).isPresent();
        assertThat(all.refusal(Channel.WHATSAPP, "987654321")).get().asString().startsWith("Invalid phone number");
        assertThat(all.refusal(Channel.SMS, "+51987654321")).isEmpty();
        assertThat(all.refusal(Channel.EMAIL, "ana.perez@clinica.com.pe")).isEmpty();
    }

    @Test
    void providerAnswersAreTakenRetriedOrRefused() {
        assertThat(ProviderVerdict.ofHttpStatus(200)).isEqualTo(ProviderVerdict.ACCEPTED);
        assertThat(ProviderVerdict.ofHttpStatus(201)).isEqualTo(ProviderVerdict.ACCEPTED);
        for (int s : new int[]{500, 502, 503, 504, 408, 425, 429}) {
            assertThat(ProviderVerdict.ofHttpStatus(s)).as("%s", s).isEqualTo(ProviderVerdict.RETRY);
        }
        for (int s : new int[]{400, 401, 403, 404, 422, 301}) {
            assertThat(ProviderVerdict.ofHttpStatus(s)).as("%s", s).isEqualTo(ProviderVerdict.REFUSED);
        }
    }

    @Test
    void documentsGoByEmailAndThePreferredPhoneChannel() {
        assertThat(CustomerChannels.forDocument("WHATSAPP", "a@b.pe", "+51987654321")).containsExactly(
                new CustomerChannels.Target(Channel.EMAIL, "a@b.pe"),
                new CustomerChannels.Target(Channel.WHATSAPP, "+51987654321"));
        assertThat(CustomerChannels.forDocument("EMAIL", "a@b.pe", "+51987654321")).containsExactly(
                new CustomerChannels.Target(Channel.EMAIL, "a@b.pe"));
        assertThat(CustomerChannels.forDocument("PHONE", null, "+51987654321")).containsExactly(
                new CustomerChannels.Target(Channel.EMAIL, null));
        assertThat(CustomerChannels.forDocument("SMS", null, "+51987654321")).extracting(CustomerChannels.Target::channel)
                .containsExactly(Channel.EMAIL, Channel.SMS);
    }

    @Test
    void languagesFallBackToSpanishAndMapToWhatsAppCodes() {
        assertThat(Language.of("fr-FR")).isEqualTo("fr");
        assertThat(Language.of("de")).isEqualTo("es");
        assertThat(Language.of(null)).isEqualTo("es");
        assertThat(Language.whatsappCode("en")).isEqualTo("en_US");
        assertThat(Wording.amount(new java.math.BigDecimal("118.005"), "PEN")).isEqualTo("PEN 118.01");
    }
}
