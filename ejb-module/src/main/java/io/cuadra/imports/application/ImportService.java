package io.cuadra.imports.application;

import io.cuadra.batch.tabular.TabularFile;
import io.cuadra.batch.tabular.TabularFormat;
import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.domain.Permission;
import io.cuadra.imports.domain.Import;
import io.cuadra.imports.domain.ImportKind;
import io.cuadra.imports.domain.ImportRejection;
import io.cuadra.shared.domain.AccessDenied;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.cluster.BatchJobs;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import io.cuadra.shared.tenancy.JobActor;
import io.cuadra.shared.tenancy.TenantContext;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Uploads, starts, follows and restarts import jobs. Jobs are started and their status read from here,
 * in the EJB module: the batch runtime lets only the module that started a job see it. Runs outside a
 * transaction so the upload is committed before its job can look for it; each stored change is its own
 * transaction in {@link ImportRecords}.
 *
 * <p>Following an import needs the "create" permission of what it imports (catalog or customers); an
 * import of another tenant does not exist (404).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportService {

    /** Larger files are refused: 100,000 customers are about 12 MB of CSV. */
    public static final int MAX_BYTES = 50 * 1024 * 1024;
    public static final int MAX_ITEM_COUNT = 5_000;

    @EJB
    ImportRecords records;

    @EJB
    BatchJobs jobs;

    @Inject
    @ConfigProperty(name = "cuadra.import.item-count", defaultValue = "500")
    int defaultItemCount;

    /** Checks the file's format and header, stores it and starts its job. */
    public ImportStatus upload(ImportKind kind, String fileName, byte[] content, Integer itemCount) {
        Caller caller = allowed(kind);
        if (content == null || content.length == 0) {
            throw new RuleViolation("file: the file is empty.").withKey("identity.fileEmpty");
        }
        if (content.length > MAX_BYTES) {
            throw new RuleViolation("file: " + content.length / (1024 * 1024) + " MB is more than the "
                    + MAX_BYTES / (1024 * 1024) + " MB an import takes; split the file.").withKey("imports.mbMoreMb", content.length / (1024 * 1024), MAX_BYTES / (1024 * 1024));
        }
        int chunk = itemCount == null ? defaultItemCount : itemCount;
        if (chunk < 1 || chunk > MAX_ITEM_COUNT) {
            throw new RuleViolation("itemCount: rows per transaction go from 1 to " + MAX_ITEM_COUNT + ", not " + chunk + ".").withKey("imports.rowsPerTransaction", MAX_ITEM_COUNT, chunk);
        }
        TabularFormat format;
        try {
            format = TabularFormat.ofFileName(fileName);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("fileName: " + e.getMessage()).withKey("imports.fileKind");
        }
        Import upload = records.register(read(kind, fileName.strip(), format, content, chunk), content);
        start(upload, caller);
        return status(records.find(upload.getId()));
    }

    public ImportStatus follow(long id) {
        Import found = records.find(id);
        allowed(found.getKind());
        return status(found);
    }

    /** The imports the caller may follow (of one kind, or null for every kind), newest first. */
    public Page<ImportStatus> list(ImportKind only, int page, int size) {
        Caller caller = CurrentCaller.require();
        Set<ImportKind> kinds = Arrays.stream(ImportKind.values())
                .filter(k -> (only == null || k == only) && caller.can(k.module(), Action.CREATE))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ImportKind.class)));
        if (kinds.isEmpty()) {
            throw only != null
                    ? new AccessDenied("This needs the permission " + Permission.of(only.module(), Action.CREATE) + ".")
                            .withKey("identity.needsPermission", Permission.of(only.module(), Action.CREATE))
                    : new AccessDenied("Following imports needs the permission catalog:create or customers:create.")
                            .withKey("imports.followNeedsPermission");
        }
        return records.list(kinds, page, size).map(this::status);
    }

    /** Runs a failed or stopped import again from its last checkpoint: rows already done are not redone. */
    public ImportStatus restart(long id) {
        Import found = records.find(id);
        Caller caller = allowed(found.getKind());
        ImportStatus now = status(found);
        if (!now.isRestartable()) {
            throw new Conflict("Import " + id + " is " + now.status() + ": only a failed or stopped import is restarted.").withKey("imports.importOnlyFailed", id, now.status());
        }
        if (found.getExecutionId() == null) {
            start(found, caller);
        } else {
            long execution = jobs.restart(found.getKind().jobName(), found.getExecutionId(), parameters(found));
            records.executionRequested(id, execution);
        }
        return status(records.find(id));
    }

    /** The rejected rows after a row number, in row order. */
    public List<ImportRejection> rejections(long id, int afterRow, int size) {
        allowed(records.find(id).getKind());
        return records.rejections(id, afterRow, size);
    }

    private void start(Import upload, Caller caller) {
        long execution = jobs.start(upload.getKind().jobName(), parameters(upload)); // owned: restarted if this server dies
        records.executionRequested(upload.getId(), execution);
    }

    /** The job reads the tenant and the acting user from its parameters: its thread has no request. */
    private static Properties parameters(Import upload) {
        Properties p = JobActor.parameters(TenantContext.require());
        p.setProperty("importId", Long.toString(upload.getId()));
        p.setProperty("itemCount", Integer.toString(upload.getItemCount()));
        return p;
    }

    private ImportStatus status(Import upload) {
        if (upload.getExecutionId() == null) {
            return new ImportStatus(upload, "NOT_STARTED", null, null);
        }
        // through BatchJobs, which started the job: JBatch shows a job only to the component that started it
        JobExecution execution = jobs.execution(upload.getExecutionId()).orElse(null);
        if (execution == null) {
            return new ImportStatus(upload, "UNKNOWN", upload.getStartedAt(), upload.getEndedAt());
        }
        BatchStatus status = execution.getBatchStatus();
        boolean over = status == BatchStatus.COMPLETED || status == BatchStatus.FAILED
                || status == BatchStatus.STOPPED || status == BatchStatus.ABANDONED;
        Instant started = upload.getStartedAt() != null ? upload.getStartedAt() : instant(execution.getStartTime());
        return new ImportStatus(upload, status.name(), started, over ? instant(execution.getEndTime()) : null);
    }

    /** Reads the whole file once: a wrong format or header is refused now, not row by row in the job. */
    private static Import read(ImportKind kind, String fileName, TabularFormat format, byte[] content, int chunk) {
        try (TabularFile file = TabularFile.open(content, format)) {
            if (file.header().isEmpty()) {
                throw new RuleViolation("file: " + fileName + " has no header row.").withKey("imports.headerRow", fileName);
            }
            kind.columnsOf(file.header());
            int rows = 0;
            while (file.next() != null) {
                rows++;
            }
            if (rows == 0) {
                throw new RuleViolation("file: " + fileName + " has a header but no rows.").withKey("imports.headerButRows", fileName);
            }
            JsonArrayBuilder header = Json.createArrayBuilder();
            file.header().forEach(h -> header.add(h == null ? "" : h));
            return new Import(kind, fileName, format, header.build().toString(), rows, chunk);
        } catch (IllegalArgumentException | IOException e) {
            throw new RuleViolation("file: " + e.getMessage()).withKey("imports.fileUnreadable");
        }
    }

    private static Caller allowed(ImportKind kind) {
        Caller caller = CurrentCaller.require();
        Permission needed = Permission.of(kind.module(), Action.CREATE);
        if (!caller.can(needed)) {
            throw new AccessDenied("This needs the permission " + needed + ".").withKey("identity.needsPermission", needed);
        }
        return caller;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

}
