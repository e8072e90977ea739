package io.cuadra.web.settings;

import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.orders.application.PaymentMethodService;
import io.cuadra.orders.domain.PaymentMethod;
import io.cuadra.orders.domain.TenantPaymentMethod;
import io.cuadra.web.orders.OrderViews.PaymentMethodView;
import io.cuadra.web.shell.FacesActions;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.util.Arrays;
import java.util.List;

/** Settings page for the payment methods the tenant accepts (the REST side: /api/payment-methods). */
@Named
@ViewScoped
public class PaymentMethodsBacking extends SettingsEditor {

    private static final long serialVersionUID = 1L;

    @EJB
    PaymentMethodService methods;

    private List<PaymentMethodView> rows;
    private String kind = PaymentMethod.CASH.name();
    private boolean requiresReference;
    private String feeProvider;
    private boolean active = true;
    private int position;

    @Override
    protected void reload() {
        rows = methods.list(true).stream().map(PaymentMethodView::of).toList();
    }

    @Override
    public void startNew() {
        id = null;
        code = name = feeProvider = null;
        kind = PaymentMethod.CASH.name();
        requiresReference = false;
        active = true;
        position = rows.stream().mapToInt(PaymentMethodView::position).max().orElse(0) + 10;
    }

    public void edit(long methodId) {
        TenantPaymentMethod m = methods.find(methodId);
        id = m.getId();
        version = m.getVersion();
        code = m.getCode();
        name = m.getName();
        kind = m.getKind().name();
        requiresReference = m.isRequiresReference();
        feeProvider = m.getFeeProvider();
        active = m.isActive();
        position = m.getPosition();
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void save() {
        boolean done = id == null
                ? FacesActions.succeeded(() -> methods.create(code, PaymentMethod.valueOf(kind), name, requiresReference,
                feeProvider, active, position))
                : FacesActions.succeeded(() -> methods.update(id, version, name, requiresReference, feeProvider, active,
                position));
        saved(done);
    }

    public List<String> getKinds() {
        return Arrays.stream(PaymentMethod.values()).map(Enum::name).toList();
    }

    public List<PaymentMethodView> getRows() {
        return rows;
    }



    public String getKind() {
        return kind;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public boolean isRequiresReference() {
        return requiresReference;
    }

    public void setRequiresReference(boolean requiresReference) {
        this.requiresReference = requiresReference;
    }

    public String getFeeProvider() {
        return feeProvider;
    }

    public void setFeeProvider(String feeProvider) {
        this.feeProvider = feeProvider;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public int getPosition() {
        return position;
    }

    public void setPosition(int position) {
        this.position = position;
    }
}
