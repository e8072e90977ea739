package io.cuadra.web.imports;

import io.cuadra.imports.application.ImportService;
import io.cuadra.imports.application.ImportStatus;
import io.cuadra.imports.domain.ImportRejection;
import io.cuadra.web.platform.TableExport;
import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.ws.rs.core.Response;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * An import's rejected rows as a file (CSV or XLSX): row number in the uploaded file, reason, then the
 * row's cells under the file's own header, so the rows can be fixed and imported again. The REST API and
 * the import page download the same report.
 */
final class RejectedRowsReport {

    private RejectedRowsReport() {
    }

    static Response download(ImportService imports, long id, TableExport.TableFormat format) {
        ImportStatus status = imports.follow(id);
        List<String> fileHeader = strings(status.upload().getHeader());
        List<String> header = new ArrayList<>(List.of("row", "reason"));
        header.addAll(fileHeader);
        return TableExport.download(format, "rechazos-importacion-" + id, header, (after, size) ->
                imports.rejections(id, after.intValue(), size).stream().map(r -> line(r, fileHeader.size())).toList());
    }

    private static List<Object> line(ImportRejection r, int columns) {
        List<Object> line = new ArrayList<>(List.of((long) r.getRowNumber(), r.getReason()));
        List<String> cells = strings(r.getCells());
        for (int i = 0; i < Math.max(columns, cells.size()); i++) {
            line.add(i < cells.size() ? cells.get(i) : "");
        }
        return line;
    }

    private static List<String> strings(String jsonArray) {
        try (JsonReader reader = Json.createReader(new StringReader(jsonArray))) {
            return reader.readArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
        }
    }
}
