package io.cuadra.web.imports;

import io.cuadra.imports.application.ImportStatus;
import io.cuadra.imports.domain.Import;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** An import as the API shows it: the job's status and the counts kept across restarts. */
@Schema(name = "Import")
public record ImportView(
        long id,
        @Schema(description = "ITEMS or CUSTOMERS") String kind,
        String fileName,
        @Schema(description = "CSV or XLSX") String format,
        @Schema(description = "The batch status of the latest execution: STARTING, STARTED, COMPLETED, FAILED, "
                + "STOPPED, ABANDONED; NOT_STARTED before the first") String status,
        @Schema(description = "Rows below the header, blank rows not counted") int totalRows,
        @Schema(description = "Rows read so far: written + skipped") int read,
        int written,
        @Schema(description = "Rejected rows, each in the rejected-rows report") int skipped,
        @Schema(description = "Rows per chunk (one transaction, one checkpoint)") int itemCount,
        OffsetDateTime startedAt,
        @Schema(description = "When the latest execution ended; null while it runs") OffsetDateTime endedAt,
        @Schema(description = "Why the latest execution stopped early") String failure,
        boolean restartable,
        String createdBy,
        OffsetDateTime createdAt) implements java.io.Serializable {

    public static ImportView of(ImportStatus s) {
        Import i = s.upload();
        return new ImportView(i.getId(), i.getKind().name(), i.getFileName(), i.getFormat().name(), s.status(),
                i.getTotalRows(), i.getDone(), i.getWritten(), i.getRejected(), i.getItemCount(), at(s.startedAt()),
                at(s.endedAt()), i.getFailure(), s.isRestartable(), i.getCreatedBy(), at(i.getCreatedAt()));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
