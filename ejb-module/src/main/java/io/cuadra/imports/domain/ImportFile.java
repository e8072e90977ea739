package io.cuadra.imports.domain;

import io.cuadra.audit.domain.NotAudited;
import io.cuadra.shared.tenancy.TenantEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The bytes of an uploaded file, apart from its {@link Import} so that reading an import's progress
 * never loads megabytes. Kept in the database so a restart reads the same file on any server.
 */
@Entity
@Table(name = "import_files")
public class ImportFile extends TenantEntity {

    @Column(name = "import_id", nullable = false, updatable = false)
    private long importId;
    @NotAudited
    @Column(nullable = false, updatable = false)
    private byte[] content;

    protected ImportFile() {
    }

    public ImportFile(long importId, byte[] content) {
        this.importId = importId;
        this.content = content;
    }

    public byte[] getContent() {
        return content;
    }
}
