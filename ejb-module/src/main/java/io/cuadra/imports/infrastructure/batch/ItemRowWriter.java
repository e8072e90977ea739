package io.cuadra.imports.infrastructure.batch;

import io.cuadra.catalog.application.ItemService;
import io.cuadra.catalog.domain.Item;
import jakarta.batch.runtime.context.StepContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Stores a chunk of checked items (see {@link RowWriter}); kits named in the chunk are found in the database next. */
@Named
@Dependent
public class ItemRowWriter extends RowWriter {

    @EJB
    ItemService items;

    @Inject
    StepContext step;

    @Override
    protected void store(List<Object> rows) {
        try {
            items.createAll(rows.stream().map(Item.class::cast).toList());
        } finally {
            ItemRowProcessor.pending(step).clear();
        }
    }
}
