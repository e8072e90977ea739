package io.cuadra.notifications.application;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenedSettingsTest {

    private static ProviderSettings sms(String token) {
        return new ProviderSettings(null, "http://wa", "v21.0", "1", "wa-token", "http://sms", "AC1", token, "+1",
                "app-secret");
    }

    @Test
    void servesTheOpenedSettingsOnlyForTheStampTheyWereReadAt() {
        OpenedSettings cache = new OpenedSettings();
        cache.put(7, "3@2026-12-07 10:00:00+00", sms("old"));

        assertThat(cache.get(7, "3@2026-12-07 10:00:00+00")).map(ProviderSettings::smsAuthToken).contains("old");
        // A save bumps the version and the time: the next reader's stamp misses, so it opens the new row.
        assertThat(cache.get(7, "4@2026-12-07 10:05:00+00")).isEmpty();
        assertThat(cache.get(8, "3@2026-12-07 10:00:00+00")).as("another tenant").isEmpty();
    }

    @Test
    void aTenantWithoutItsOwnRowHasTheNoRowStamp() {
        OpenedSettings cache = new OpenedSettings();
        cache.put(7, OpenedSettings.stamp(null), sms("default"));

        assertThat(cache.get(7, OpenedSettings.NO_ROW)).isPresent();
        // The first save creates the row: its stamp is no longer the no-row one.
        assertThat(cache.get(7, OpenedSettings.stamp("0@2026-12-07 10:00:00+00"))).isEmpty();
    }

    @Test
    void theSigningSecretIsTheAppSecretForWhatsAppAndTheAuthTokenForSms() {
        assertThat(sms("tok").signingSecret(io.cuadra.notifications.domain.Channel.WHATSAPP)).isEqualTo("app-secret");
        assertThat(sms("tok").signingSecret(io.cuadra.notifications.domain.Channel.SMS)).isEqualTo("tok");
    }
}
