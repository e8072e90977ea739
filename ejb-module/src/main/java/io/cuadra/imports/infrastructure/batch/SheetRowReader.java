package io.cuadra.imports.infrastructure.batch;

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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Reads the uploaded file of an import row by row, a block of {@code itemCount} rows ahead (see
 * {@link SheetBlock}). Its checkpoint is the number of the last row handed out, committed with each chunk:
 * a restarted job reopens the file past that row, so no row is read twice and none is lost from the block.
 */
@Named
@Dependent
public class SheetRowReader extends AbstractItemReader {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String importId;

    @Inject
    @BatchProperty
    String itemCount;

    @EJB
    ImportRecords records;

    private TabularFile file;
    private Columns columns;
    private final Deque<SheetRow> ahead = new ArrayDeque<>();
    private int handedOut = 1;
    /** A row the file could not be read at, reported once the rows before it are handed out. */
    private IOException broken;
    private int brokenRow;

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
            handedOut = lastRow;
        }
    }

    @Override
    public Object readItem() throws Exception {
        if (ahead.isEmpty() && broken == null) {
            readAhead();
        }
        SheetRow next = ahead.poll();
        if (next != null) {
            handedOut = next.number();
            return next;
        }
        if (broken != null) {
            // A row that cannot be parsed (an unclosed quote) is reported like any bad row.
            IOException e = broken;
            broken = null;
            handedOut = brokenRow;
            throw new RowRejected(new TabularRow(brokenRow, List.of()), e.getMessage());
        }
        return null;
    }

    private void readAhead() throws IOException {
        SheetBlock block = new SheetBlock();
        int size = itemCount == null || itemCount.isBlank() ? 500 : Integer.parseInt(itemCount.strip());
        try {
            while (block.size() < size) {
                TabularRow row = file.next();
                if (row == null) {
                    return;
                }
                SheetRow sheetRow = new SheetRow(row, columns, block);
                block.add(sheetRow);
                ahead.add(sheetRow);
            }
        } catch (IOException e) {
            if (file.lastRow() == brokenRow) {
                // The same place again: the file cannot be read on from here.
                JobNotes.failure(job, e.getMessage());
                throw e;
            }
            broken = e;
            brokenRow = file.lastRow();
        }
    }

    @Override
    public Serializable checkpointInfo() {
        return handedOut;
    }

    @Override
    public void close() throws Exception {
        if (file != null) {
            file.close();
        }
    }
}
