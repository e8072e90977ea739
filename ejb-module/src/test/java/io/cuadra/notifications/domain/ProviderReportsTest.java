package io.cuadra.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProviderReportsTest {

    @Test
    void reportsMapToDeliveredOrFailedAndTheRestChangesNothing() {
        assertThat(ProviderReports.statusOf("delivered")).contains(NotificationStatus.DELIVERED);
        assertThat(ProviderReports.statusOf("read")).contains(NotificationStatus.DELIVERED);
        assertThat(ProviderReports.statusOf("failed")).contains(NotificationStatus.FAILED);
        assertThat(ProviderReports.statusOf("undelivered")).contains(NotificationStatus.FAILED);
        assertThat(ProviderReports.statusOf("sent")).isEmpty();
        assertThat(ProviderReports.statusOf("queued")).isEmpty();
        assertThat(ProviderReports.statusOf(null)).isEmpty();
    }

    @Test
    void stopWordsInAnyCaseAndLanguageOptOutButASentenceDoesNot() {
        assertThat(ProviderReports.asksToStop("STOP")).isTrue();
        assertThat(ProviderReports.asksToStop(" stop. ")).isTrue();
        assertThat(ProviderReports.asksToStop("Baja")).isTrue();
        assertThat(ProviderReports.asksToStop("arrêt")).isTrue();
        assertThat(ProviderReports.asksToStop("unsubscribe!")).isTrue();
        assertThat(ProviderReports.asksToStop("no pares de enviarme, gracias")).isFalse();
        assertThat(ProviderReports.asksToStop("stop sending at night")).isFalse();
        assertThat(ProviderReports.asksToStop(null)).isFalse();
    }
}
