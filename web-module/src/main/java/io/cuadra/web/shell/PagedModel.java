package io.cuadra.web.shell;

import io.cuadra.shared.domain.Page;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A lazy PrimeFaces table over a service's paged list: the page the table asks for is the service's
 * page {@code first / pageSize}, and the total comes with it. Filters and sorting are the backing bean's
 * own fields, read by the pager each time.
 */
public final class PagedModel<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** One page of rows, numbered from 0. Serializable: the model lives in view-scoped beans. */
    @FunctionalInterface
    public interface Pager<T> extends Serializable {
        Page<T> page(int number, int size);
    }

    /** The row's key, unique in the table. */
    @FunctionalInterface
    public interface RowKey<T> extends Serializable {
        String of(T row);
    }

    private final Pager<T> pager;
    private final RowKey<T> key;

    private PagedModel(Pager<T> pager, RowKey<T> key) {
        this.pager = pager;
        this.key = key;
    }

    public static <T> PagedModel<T> of(Pager<T> pager, RowKey<T> key) {
        return new PagedModel<>(pager, key);
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return (int) pager.page(0, 1).total();
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        Page<T> page = pager.page(first / pageSize, pageSize);
        setRowCount((int) page.total());
        return page.items();
    }

    @Override
    public String getRowKey(T row) {
        return key.of(row);
    }
}
