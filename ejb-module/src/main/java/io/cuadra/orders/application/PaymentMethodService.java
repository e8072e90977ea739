package io.cuadra.orders.application;

import io.cuadra.orders.domain.OrderRuleViolation;
import io.cuadra.orders.domain.PaymentMethod;
import io.cuadra.orders.domain.TenantPaymentMethod;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Versions;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Locale;

/** The payment methods a tenant accepts. */
@Stateless
public class PaymentMethodService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    public List<TenantPaymentMethod> list(boolean includeInactive) {
        return em.createQuery("select m from TenantPaymentMethod m" + (includeInactive ? "" : " where m.active = true")
                + " order by m.position, m.code", TenantPaymentMethod.class).getResultList();
    }

    public TenantPaymentMethod find(long id) {
        TenantPaymentMethod method = em.find(TenantPaymentMethod.class, id);
        if (method == null) {
            throw new NotFound("No payment method " + id + ".").withKey("orders.paymentMethod", id);
        }
        return method;
    }

    /** The method a payment names; an unknown code is a mistake in the payment (422), not a missing page. */
    public TenantPaymentMethod byCode(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        return em.createQuery("select m from TenantPaymentMethod m where m.code = :c", TenantPaymentMethod.class)
                .setParameter("c", c).getResultStream().findFirst()
                .orElseThrow(() -> new OrderRuleViolation("methodCode: there is no payment method " + code + ".").withKey("orders.paymentMethod2", code));
    }

    public TenantPaymentMethod create(String code, PaymentMethod kind, String name, boolean requiresReference,
                                      String feeProvider, boolean active, int position) {
        TenantPaymentMethod method = new TenantPaymentMethod(code, kind);
        boolean taken = !em.createQuery("select m.id from TenantPaymentMethod m where m.code = :c", Long.class)
                .setParameter("c", method.getCode()).getResultList().isEmpty();
        if (taken) {
            throw new Conflict("There is already a payment method " + method.getCode() + ".").withKey("orders.alreadyPaymentMethod", method.getCode());
        }
        method.describe(name, requiresReference, feeProvider, active, position);
        em.persist(method);
        em.flush();
        return method;
    }

    /** Code and kind stay: payments already taken copied them. */
    public TenantPaymentMethod update(long id, long expectedVersion, String name, boolean requiresReference,
                                      String feeProvider, boolean active, int position) {
        TenantPaymentMethod method = find(id);
        Versions.expect(expectedVersion, method.getVersion(), "Payment method " + method.getCode());
        method.describe(name, requiresReference, feeProvider, active, position);
        em.flush();
        return method;
    }
}
