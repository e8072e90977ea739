package io.cuadra.web.purchasing;

import io.cuadra.purchasing.application.PurchaseOrderService;
import io.cuadra.purchasing.domain.PurchaseOrderStatus;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.purchasing.PurchasingViews.OrderView;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** Purchase orders page: the caller's locations' orders by status. */
@Named
@ViewScoped
public class PurchaseOrdersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PurchaseOrderService orders;

    private Long locationId;
    private PurchaseOrderStatus status;

    private final LazyDataModel<OrderView> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) orders.list(locationId, status, null, 0, 1).total();
        }

        @Override
        public List<OrderView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                    Map<String, FilterMeta> filterBy) {
            Page<OrderView> page = orders.list(locationId, status, null, first / pageSize, pageSize).map(OrderView::of);
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(OrderView row) {
            return Long.toString(row.id());
        }
    };

    public List<PurchaseOrderStatus> getStatuses() {
        return List.of(PurchaseOrderStatus.values());
    }

    public LazyDataModel<OrderView> getRows() {
        return rows;
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public PurchaseOrderStatus getStatus() {
        return status;
    }

    public void setStatus(PurchaseOrderStatus status) {
        this.status = status;
    }
}
