package io.cuadra.web.orders;

import io.cuadra.customers.application.CustomerService;
import io.cuadra.customers.domain.Customer;
import io.cuadra.orders.application.OrderFilter;
import io.cuadra.orders.application.OrderService;
import io.cuadra.orders.domain.Order;
import io.cuadra.orders.domain.OrderStatus;
import io.cuadra.orders.domain.PaymentStatus;
import io.cuadra.orders.domain.SalesChannel;
import io.cuadra.shared.domain.Page;
import io.cuadra.web.orders.OrderLookups.LocationOption;
import io.cuadra.web.shell.FacesActions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Orders list: filters by location, status, payment status, dates, customer and channel; lazy pages. */
@Named
@ViewScoped
public class OrdersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    OrderService orders;

    @EJB
    CustomerService customers;

    @Inject
    OrderLookups lookups;

    private List<LocationOption> locations;
    private Long locationId;
    private OrderStatus status;
    private PaymentStatus paymentStatus;
    private LocalDate from;
    private LocalDate to;
    private SalesChannel channel;
    private String customerQuery;
    private Long customerId;
    private String customerName;

    /** An order as the list shows it; the page shows its time in its location's zone. */
    public record OrderRow(long id, String number, long locationId, String location, String customer,
                           SalesChannel channel, OrderStatus status, PaymentStatus paymentStatus, BigDecimal total,
                           BigDecimal paid, BigDecimal balance, java.time.Instant registeredAt) implements Serializable {
        static OrderRow of(Order o) {
            return new OrderRow(o.getId(), o.getNumber(), o.getLocation().getId(), o.getLocation().getCode(),
                    o.getCustomerName(), o.getChannel(), o.getStatus(), o.getPaymentStatus(), o.getTotal(),
                    o.getPaidTotal(), o.balanceDue(), o.getRegisteredAt());
        }
    }

    private final LazyDataModel<OrderRow> rows = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            Page<Order> page = FacesActions.attempt(() -> orders.list(filter(), 0, 1));
            return page == null ? 0 : (int) page.total();
        }

        @Override
        public List<OrderRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                                   Map<String, FilterMeta> filterBy) {
            Page<OrderRow> page = FacesActions.attempt(() -> orders.list(filter(), first / pageSize, pageSize)
                    .map(OrderRow::of));
            if (page == null) {
                setRowCount(0);
                return List.of();
            }
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(OrderRow row) {
            return Long.toString(row.id());
        }
    };

    @PostConstruct
    void init() {
        locations = lookups.locationOptions();
    }

    private OrderFilter filter() {
        return new OrderFilter(locationId, status, paymentStatus, from, to, customerId, channel);
    }

    /** A customer picked among the suggestions: the autocomplete submitted its id. */
    public void selectCustomer() {
        Long id = OrderLookups.id(customerQuery);
        customerQuery = null;
        Customer c = id == null ? null : FacesActions.attempt(() -> customers.find(id));
        if (c != null) {
            customerId = c.getId();
            customerName = OrderLookups.customer(c).label();
        }
    }

    public void clearCustomer() {
        customerId = null;
        customerName = null;
    }

    public LazyDataModel<OrderRow> getRows() {
        return rows;
    }

    public List<LocationOption> getLocations() {
        return locations;
    }

    public List<OrderStatus> getStatuses() {
        return List.of(OrderStatus.values());
    }

    public List<PaymentStatus> getPaymentStatuses() {
        return List.of(PaymentStatus.values());
    }

    public List<SalesChannel> getChannels() {
        return List.of(SalesChannel.values());
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public void setStatus(OrderStatus status) {
        this.status = status;
    }

    public PaymentStatus getPaymentStatus() {
        return paymentStatus;
    }

    public void setPaymentStatus(PaymentStatus paymentStatus) {
        this.paymentStatus = paymentStatus;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public SalesChannel getChannel() {
        return channel;
    }

    public void setChannel(SalesChannel channel) {
        this.channel = channel;
    }

    public String getCustomerQuery() {
        return customerQuery;
    }

    public void setCustomerQuery(String customerQuery) {
        this.customerQuery = customerQuery;
    }

    public Long getCustomerId() {
        return customerId;
    }

    public String getCustomerName() {
        return customerName;
    }
}
