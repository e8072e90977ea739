package io.cuadra.web.purchasing;

import io.cuadra.purchasing.application.PurchaseOrderService;
import io.cuadra.purchasing.domain.PurchaseOrderStatus;
import io.cuadra.web.purchasing.PurchasingViews.OrderView;
import io.cuadra.web.shell.PagedModel;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import org.primefaces.model.LazyDataModel;

import java.io.Serializable;
import java.util.List;

/** Purchase orders page: the caller's locations' orders by status. */
@Named
@ViewScoped
public class PurchaseOrdersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    PurchaseOrderService orders;

    private Long locationId;
    private PurchaseOrderStatus status;

    private final LazyDataModel<OrderView> rows = PagedModel.of(
            (n, s) -> orders.list(locationId, status, null, n, s).map(OrderView::of), row -> Long.toString(row.id()));

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
