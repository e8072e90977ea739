package io.cuadra.web.inventory;

import org.junit.jupiter.api.Test;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ExpiryWordsTest {

    @Test
    void anExpiredLotSaysHowLongAgoNeverANegativeCount() {
        assertThat(ExpiryWords.wording(-674)).isEqualTo(new ExpiryWords.Wording("expiry.expiredAgo", 674));
        assertThat(ExpiryWords.wording(-1)).isEqualTo(new ExpiryWords.Wording("expiry.expiredAgo", 1));
    }

    @Test
    void todayAndTheFutureReadAsWhenItExpires() {
        assertThat(ExpiryWords.wording(0)).isEqualTo(new ExpiryWords.Wording("expiry.today", 0));
        assertThat(ExpiryWords.wording(12)).isEqualTo(new ExpiryWords.Wording("expiry.in", 12));
    }

    @Test
    void theSpanishBundleSaysOneDayAndManyDaysInWords() throws Exception {
        Properties es = new Properties();
        try (var in = getClass().getResourceAsStream("/io/cuadra/web/messages_es.properties")) {
            es.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        MessageFormat ago = new MessageFormat(es.getProperty("expiry.expiredAgo"), Locale.forLanguageTag("es-PE"));
        assertThat(ago.format(new Object[] {674L})).isEqualTo("Vencido hace 674 días");
        assertThat(ago.format(new Object[] {1L})).isEqualTo("Vencido hace 1 día");
        assertThat(new MessageFormat(es.getProperty("expiry.in"), Locale.forLanguageTag("es-PE"))
                .format(new Object[] {12L})).isEqualTo("Vence en 12 días");
    }
}
