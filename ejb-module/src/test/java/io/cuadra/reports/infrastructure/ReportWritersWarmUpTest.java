package io.cuadra.reports.infrastructure;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportWritersWarmUpTest {

    /** The warm-up goes through the real writers, so the classes an export needs are the ones it loads. */
    @Test
    void writesARealXlsxAndPdf() {
        List<byte[]> files = ReportWritersWarmUp.writeSamples();
        assertThat(files).hasSize(2);
        assertThat(new String(files.get(0), 0, 2, StandardCharsets.US_ASCII)).as("XLSX is a ZIP").isEqualTo("PK");
        assertThat(new String(files.get(1), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
