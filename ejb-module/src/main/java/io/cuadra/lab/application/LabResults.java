package io.cuadra.lab.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.domain.Module;
import io.cuadra.identity.domain.Permission;
import io.cuadra.lab.infrastructure.Hl7Messages;
import io.cuadra.lab.infrastructure.LabStore;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes one HL7 message from a LIS and gives the acknowledgement to answer. A readable ORU^R01 naming a known
 * order is recorded for that order's tenant ({@link ResultsRecorder}); anything else is answered AR (unreadable)
 * or AE (unknown order, duplicate, test not ordered...), logged, and changes nothing.
 */
@ApplicationScoped
public class LabResults {

    private static final Logger LOG = Logger.getLogger(LabResults.class.getName());

    @EJB
    LabStore store;

    @EJB
    ResultsRecorder recorder;

    public String receive(String text) {
        long t0 = System.nanoTime();
        Hl7Messages.Results results;
        try {
            results = Hl7Messages.resultsOf(text);
        } catch (Hl7Messages.Unreadable e) {
            LOG.warning(() -> "LIS message " + e.controlId() + " refused (AR): " + e.getMessage());
            return Hl7Messages.refuse(text, true, e.getMessage());
        }
        Optional<LabStore.LabOrderRef> lab = placer(results.placerNumber()).flatMap(store::labOrderByPlacer);
        if (lab.isEmpty()) {
            LOG.warning(() -> "LIS results " + results.controlId() + " refused (AE): unknown order "
                    + results.placerNumber());
            return Hl7Messages.refuse(text, false, "Unknown order " + results.placerNumber());
        }
        long tenantId = lab.get().tenantId();
        long orderId = lab.get().orderId();
        Caller previous = CurrentCaller.get().orElse(null);
        CurrentCaller.set(labCaller(tenantId));
        try {
            return TenantContext.runAs(Actor.system(tenantId, "lab"), () -> {
                try {
                    return recorder.record(orderId, results, text, t0);
                } catch (RuntimeException e) {
                    String why = "Results not recorded: " + rootMessage(e);
                    LOG.log(Level.WARNING, "LIS results " + results.controlId() + " for order " + orderId
                            + " refused (AE)", e);
                    String ack = Hl7Messages.refuse(text, false, why);
                    recorder.logRefused(orderId, results.controlId(), why, text, ack, t0);
                    return ack;
                }
            });
        } catch (Exception e) {
            LOG.log(Level.WARNING, "LIS results " + results.controlId() + " not recorded", e);
            return Hl7Messages.refuse(text, false, "Results not recorded: " + rootMessage(e));
        } finally {
            if (previous == null) {
                CurrentCaller.clear();
            } else {
                CurrentCaller.set(previous);
            }
        }
    }

    private static Optional<Long> placer(String placerNumber) {
        try {
            return Optional.of(Long.parseLong(placerNumber.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The LIS acts on the order's tenant with the laboratory technician's rights on orders, at every location. */
    private static Caller labCaller(long tenantId) {
        return new Caller(0L, tenantId, "system:lab", Set.of(),
                Set.of(Permission.of(Module.ORDERS, Action.VIEW), Permission.of(Module.ORDERS, Action.EDIT)), true,
                Set.of());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
