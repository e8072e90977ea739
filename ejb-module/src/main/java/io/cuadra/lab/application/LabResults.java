package io.cuadra.lab.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Caller;
import io.cuadra.identity.domain.Module;
import io.cuadra.identity.domain.Permission;
import io.cuadra.lab.domain.LabAdapter;
import io.cuadra.lab.infrastructure.Hl7Messages;
import io.cuadra.lab.infrastructure.LabJson;
import io.cuadra.lab.infrastructure.LabStore;
import io.cuadra.shared.tenancy.Actor;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Takes one results message from a LIS and gives the answer. Over MLLP: a readable ORU^R01 naming a known order is
 * recorded for that order's tenant ({@link ResultsRecorder}); anything else is answered AR (unreadable) or AE
 * (unknown order, duplicate, test not ordered...), logged, and changes nothing. Over the REST callback the tenant is
 * in the address and proven by its token; the same outcomes become HTTP statuses (400, 404, 409, 422).
 */
@ApplicationScoped
public class LabResults {

    private static final Logger LOG = Logger.getLogger(LabResults.class.getName());

    @EJB
    LabStore store;

    @EJB
    ResultsRecorder recorder;

    /** The REST callback's answer: 200 when taken, else the refusal's status and why. */
    public record CallbackAnswer(int status, String detail, Long orderId) {
    }

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
        long orderId = lab.get().orderId();
        ResultsRecorder.Answers acks = (outcome, why) -> outcome == ResultsRecorder.Outcome.ACCEPTED
                ? Hl7Messages.accept(text) : Hl7Messages.refuse(text, false, why);
        return asLab(lab.get().tenantId(), () -> {
            try {
                return recorder.record(orderId, results, LabAdapter.MLLP, text, acks, t0).answer();
            } catch (RuntimeException e) {
                String why = "Results not recorded: " + rootMessage(e);
                LOG.log(Level.WARNING, "LIS results " + results.controlId() + " for order " + orderId
                        + " refused (AE)", e);
                String ack = Hl7Messages.refuse(text, false, why);
                recorder.logRefused(orderId, LabAdapter.MLLP, results.controlId(), why, text, ack, t0);
                return ack;
            }
        }, () -> Hl7Messages.refuse(text, false, "Results not recorded"));
    }

    /**
     * The REST callback: {@code token} must be the tenant's results token (else 401 and nothing is read, logged or
     * changed); the body is the JSON of {@link LabJson#resultsOf}. The placer order number is looked up in this
     * tenant only, so another tenant's order is unknown (404).
     */
    public CallbackAnswer receiveCallback(long tenantId, String token, String body) {
        long t0 = System.nanoTime();
        return asLab(tenantId, () -> {
            if (!tokenMatches(token)) {
                LOG.warning(() -> "LIS results callback for tenant " + tenantId + " refused: missing or wrong token");
                return new CallbackAnswer(401, "The X-Lis-Token header is missing or is not this tenant's results token.",
                        null);
            }
            Hl7Messages.Results results;
            try {
                results = LabJson.resultsOf(body);
            } catch (Hl7Messages.Unreadable e) {
                String answer = callbackBody(400, e.getMessage());
                recorder.logRefused(null, LabAdapter.REST, e.controlId(), e.getMessage(), body, answer, t0);
                return new CallbackAnswer(400, e.getMessage(), null);
            }
            Optional<Long> orderId = placer(results.placerNumber());
            if (orderId.isEmpty()) {
                String why = "Unknown order " + results.placerNumber();
                recorder.logRefused(null, LabAdapter.REST, results.controlId(), why, body, callbackBody(404, why), t0);
                return new CallbackAnswer(404, why, null);
            }
            try {
                ResultsRecorder.Recorded r = recorder.record(orderId.get(), results, LabAdapter.REST, body,
                        (outcome, why) -> callbackBody(httpStatus(outcome), why), t0);
                return new CallbackAnswer(httpStatus(r.outcome()), r.why(), orderId.get());
            } catch (RuntimeException e) {
                String why = "Results not recorded: " + rootMessage(e);
                LOG.log(Level.WARNING, "LIS results " + results.controlId() + " for order " + orderId.get()
                        + " refused (422)", e);
                recorder.logRefused(orderId.get(), LabAdapter.REST, results.controlId(), why, body,
                        callbackBody(422, why), t0);
                return new CallbackAnswer(422, why, orderId.get());
            }
        }, () -> new CallbackAnswer(503, "Results not recorded; send them again.", null));
    }

    static int httpStatus(ResultsRecorder.Outcome outcome) {
        return switch (outcome) {
            case ACCEPTED -> 200;
            case UNKNOWN_ORDER -> 404;
            case DUPLICATE -> 409;
            case REFUSED -> 422;
        };
    }

    /** What the log keeps as the callback's answer. */
    private static String callbackBody(int status, String why) {
        return why == null ? "HTTP " + status : "HTTP " + status + " " + why;
    }

    private boolean tokenMatches(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        Optional<String> expected = store.resultsTokenHash();
        return expected.isPresent() && MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.US_ASCII),
                sha256Hex(token.strip()).getBytes(StandardCharsets.US_ASCII));
    }

    public static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Runs {@code work} as the LIS acting on {@code tenantId}; {@code failed} answers when that cannot be done. */
    private static <T> T asLab(long tenantId, Supplier<T> work, Supplier<T> failed) {
        Caller previous = CurrentCaller.get().orElse(null);
        CurrentCaller.set(labCaller(tenantId));
        try {
            return TenantContext.runAs(Actor.system(tenantId, "lab"), work::get);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "LIS results for tenant " + tenantId + " not recorded", e);
            return failed.get();
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
