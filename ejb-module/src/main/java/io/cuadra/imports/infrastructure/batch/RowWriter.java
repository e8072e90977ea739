package io.cuadra.imports.infrastructure.batch;

import io.cuadra.imports.application.ImportRecords;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores a chunk of checked rows and counts them, in the chunk's transaction. Rows reach it only after
 * their processor accepted them, so a failure here is not a bad row: the chunk rolls back whole, the job
 * fails, and a restart goes on from the last committed chunk.
 */
abstract class RowWriter extends AbstractItemWriter {

    private static final Logger LOG = Logger.getLogger(RowWriter.class.getName());

    @Inject
    JobContext job;

    @Inject
    @BatchProperty
    String importId;

    @EJB
    ImportRecords records;

    @Override
    public void writeItems(List<Object> items) throws Exception {
        try {
            store(items);
            records.written(Long.parseLong(importId), items.size());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import " + importId + " could not store a chunk of " + items.size() + " rows", e);
            // The cause stays in the server log: database messages are not for the person importing.
            JobNotes.failure(job, "A group of " + items.size() + " checked rows could not be saved, so none of them"
                    + " was. Restart the import to go on from there.");
            throw e;
        }
    }

    protected abstract void store(List<Object> items);
}
