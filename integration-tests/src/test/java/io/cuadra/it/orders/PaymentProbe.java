package io.cuadra.it.orders;

import io.cuadra.orders.events.OrderPaid;
import io.cuadra.shared.domain.Conflict;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A stand-in for the observers inventory and billing will add: OrdersIT's deployment (and only it) adds
 * this class to the EAR's ejb jar. It observes {@link OrderPaid} like they will, and refuses when
 * the payment that paid the order carries one of its magic references: a business refusal (as an observer
 * finding no stock would) or a crash (as a bug would). Every other order passes untouched.
 */
@ApplicationScoped
public class PaymentProbe {

    static final String REFUSE = "PROBE-REFUSES";
    static final String CRASH = "PROBE-CRASHES";

    void onPaid(@Observes OrderPaid paid) {
        var payments = paid.order().payments();
        String reference = payments.isEmpty() ? null : payments.get(payments.size() - 1).reference();
        if (REFUSE.equals(reference)) {
            throw new Conflict("The probe observer refuses order " + paid.order().number() + ".");
        }
        if (CRASH.equals(reference)) {
            throw new IllegalStateException("The probe observer crashed on order " + paid.order().number());
        }
    }
}
