package io.cuadra.web.reports;

import io.cuadra.reports.application.ReportExports;
import io.cuadra.web.platform.FileResponses;
import jakarta.ws.rs.core.Response;

/** How an exported report file goes out: its type, its name, never cached. */
final class ReportExportsView {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PDF = "application/pdf";

    private ReportExportsView() {
    }

    static Response response(ReportExports.ExportFile file) {
        return FileResponses.attachment(file.content(), file.contentType(), file.fileName())
                .header("Cache-Control", "private, no-store").build();
    }
}
