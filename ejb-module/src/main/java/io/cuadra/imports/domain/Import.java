package io.cuadra.imports.domain;

import io.cuadra.batch.tabular.TabularFormat;
import io.cuadra.audit.domain.NotAudited;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * One uploaded file and its import job. The uploader and the moment are the row's creation stamp
 * (audited); the job keeps the counters and its execution up to date with bulk updates in its own
 * transactions, which are neither audited nor version-checked: they are progress, not edits.
 */
@Entity
@Table(name = "imports")
public class Import extends TenantEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ImportKind kind;
    @Column(name = "file_name", nullable = false, updatable = false)
    private String fileName;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private TabularFormat format;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private String header;
    @Column(name = "total_rows", nullable = false, updatable = false)
    private int totalRows;
    @Column(name = "item_count", nullable = false, updatable = false)
    private int itemCount;
    @NotAudited
    @Column(name = "execution_id")
    private Long executionId;
    @NotAudited
    private int written;
    @NotAudited
    private int rejected;
    @NotAudited
    @Column(name = "started_at")
    private Instant startedAt;
    @NotAudited
    @Column(name = "ended_at")
    private Instant endedAt;
    @NotAudited
    private String failure;

    protected Import() {
    }

    /**
     * @param header    the file's header row as a JSON array
     * @param totalRows the rows below the header that are not blank
     * @param itemCount rows per chunk (one transaction, one checkpoint)
     */
    public Import(ImportKind kind, String fileName, TabularFormat format, String header, int totalRows, int itemCount) {
        this.kind = kind;
        this.fileName = fileName;
        this.format = format;
        this.header = header;
        this.totalRows = totalRows;
        this.itemCount = itemCount;
    }

    /** Rows the job has finished with: written or rejected. */
    public int getDone() {
        return written + rejected;
    }

    public ImportKind getKind() {
        return kind;
    }

    public String getFileName() {
        return fileName;
    }

    public TabularFormat getFormat() {
        return format;
    }

    public String getHeader() {
        return header;
    }

    public int getTotalRows() {
        return totalRows;
    }

    public int getItemCount() {
        return itemCount;
    }

    public Long getExecutionId() {
        return executionId;
    }

    public int getWritten() {
        return written;
    }

    public int getRejected() {
        return rejected;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getEndedAt() {
        return endedAt;
    }

    public String getFailure() {
        return failure;
    }
}
