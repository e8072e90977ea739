package io.cuadra.web.l10n;

import io.cuadra.reports.infrastructure.ReportFileWords;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A scheduled report's file (made by a timer, without the web module's bundles) says the same words as the page's
 * export: every report title, group, column and total key of the web bundle has the same value in the reports
 * component's own bundle, in each language.
 */
class ReportFileWordsTest {

    @ParameterizedTest
    @CsvSource({"messages.properties, es", "messages_es.properties, es", "messages_en.properties, en",
            "messages_fr.properties, fr"})
    void scheduledFilesUseThePagesWords(String webBundle, String language) throws IOException {
        Properties web = new Properties();
        try (InputStream in = ReportFileWordsTest.class.getResourceAsStream("/io/cuadra/web/" + webBundle)) {
            web.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        ReportFileWords words = ReportFileWords.in(language);
        long checked = web.stringPropertyNames().stream()
                .filter(k -> k.matches("reports\\.(title|group|col)\\..+") || k.equals("reports.total"))
                .peek(k -> assertThat(words.apply(k)).as(language + ": " + k).isEqualTo(web.getProperty(k)))
                .count();
        assertThat(checked).as("report words in " + webBundle).isGreaterThan(60);
        assertThat(ReportFileWords.in(language).apply("reports.col.noSuchColumn")).isEqualTo("noSuchColumn");
    }
}
