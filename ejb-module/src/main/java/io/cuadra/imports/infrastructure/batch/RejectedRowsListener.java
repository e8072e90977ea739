package io.cuadra.imports.infrastructure.batch;

import io.cuadra.batch.tabular.RowRejected;
import io.cuadra.imports.application.ImportRecords;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.chunk.listener.SkipReadListener;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Writes every skipped row to the import's rejected-rows report, with its row number and reason, in the
 * chunk's transaction: if the chunk rolls back, so do its report lines, and a restart reports them once.
 */
@Named
@Dependent
public class RejectedRowsListener implements SkipReadListener, SkipProcessListener {

    @Inject
    @BatchProperty
    String importId;

    @EJB
    ImportRecords records;

    @Override
    public void onSkipReadItem(Exception e) {
        record(e);
    }

    @Override
    public void onSkipProcessItem(Object item, Exception e) {
        record(e);
    }

    private void record(Exception e) {
        // Only RowRejected is declared skippable in the job XML.
        RowRejected rejected = (RowRejected) e;
        records.rejected(Long.parseLong(importId), rejected.row(), rejected.reason(), rejected.cells());
    }
}
