package io.cuadra.imports.job;

import io.cuadra.batch.tabular.Columns;
import io.cuadra.batch.tabular.RowRejected;
import io.cuadra.batch.tabular.TabularFile;
import io.cuadra.batch.tabular.TabularRow;
import io.cuadra.imports.application.ImportRecords;
import io.cuadra.imports.domain.Import;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/**
 * Reads the uploaded file of an import row by row. Its checkpoint is the number of the last row handed
 * out, committed with each chunk: a restarted job reopens the file past that row, so no row is read twice.
 */
@Named
@Dependent
public class SheetRowReader extends AbstractItemReader {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String importId;

    @EJB
    ImportRecords records;

    private TabularFile file;
    private Columns columns;
    private int brokenAt = -1;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        long id = Long.parseLong(importId);
        Import upload = records.find(id);
        try {
            file = TabularFile.open(records.content(id), upload.getFormat());
            columns = upload.getKind().columnsOf(file.header());
        } catch (IOException | IllegalArgumentException e) {
            JobNotes.failure(job, e.getMessage());
            throw e;
        }
        if (checkpoint instanceof Integer lastRow) {
            file.skipPast(lastRow);
        }
    }

    @Override
    public Object readItem() throws Exception {
        try {
            TabularRow row = file.next();
            return row == null ? null : new SheetRow(row, columns);
        } catch (IOException e) {
            if (brokenAt == file.lastRow()) {
                JobNotes.failure(job, e.getMessage());
                throw e;
            }
            // A row that cannot be parsed (an unclosed quote) is reported like any bad row.
            brokenAt = file.lastRow();
            throw new RowRejected(new TabularRow(file.lastRow(), List.of()), e.getMessage());
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return file.lastRow();
    }

    @Override
    public void close() throws Exception {
        if (file != null) {
            file.close();
        }
    }
}
