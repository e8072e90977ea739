package io.cuadra.reconciliation.application;

import io.cuadra.reconciliation.domain.bank.BankMatch;
import io.cuadra.reconciliation.domain.bank.BankMatchPayment;
import io.cuadra.reconciliation.domain.bank.BankTransaction;
import io.cuadra.reconciliation.domain.bank.CreditState;
import io.cuadra.reconciliation.domain.bank.MatchProposal;
import io.cuadra.reconciliation.domain.bank.MatchingEngine;
import io.cuadra.reconciliation.domain.bank.MatchingPolicy;
import io.cuadra.reconciliation.domain.bank.MatchingResult;
import io.cuadra.reconciliation.domain.bank.OpenPayment;
import io.cuadra.reconciliation.infrastructure.PaymentDirectory;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.Versions;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Matching bank credits with card, transfer and wallet payments: the matching run (the engine's
 * automatic matches are made, its suggestions wait for a person), and a person's own decisions:
 * accept or dismiss a suggestion, match by hand, undo a match. Every change is an audited entity change.
 */
@Stateless
public class MatchingService {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    PaymentDirectory payments;

    @EJB
    io.cuadra.orders.application.OrderService orders;

    @EJB
    io.cuadra.orders.application.PaymentMethodService paymentMethods;

    @Inject
    @ConfigProperty(name = "cuadra.reconciliation.matching.amount-tolerance", defaultValue = "1.00")
    String amountTolerance;

    @Inject
    @ConfigProperty(name = "cuadra.reconciliation.matching.date-window-days", defaultValue = "3")
    int dateWindowDays;

    @Inject
    @ConfigProperty(name = "cuadra.reconciliation.matching.auto-threshold", defaultValue = "0.80")
    double autoThreshold;

    @Inject
    @ConfigProperty(name = "cuadra.reconciliation.matching.suggestion-threshold", defaultValue = "0.40")
    double suggestionThreshold;

    /** What a matching run did. */
    public record Outcome(int credits, int payments, int matched, int suggested) {
    }

    MatchingPolicy policy() {
        MatchingPolicy d = MatchingPolicy.defaults();
        return new MatchingPolicy(new BigDecimal(amountTolerance), dateWindowDays, autoThreshold, suggestionThreshold,
                d.ambiguityMargin(), d.maxGroupSize(), d.maxGroupCandidates(), d.maxSearchSteps(),
                d.suggestionsPerCredit());
    }

    /**
     * Runs the engine over every unmatched credit and the open payments around them. Earlier
     * suggestions are replaced by this run's; a pairing a person dismissed is not suggested again.
     */
    public Outcome run() {
        List<BankTransaction> credits = em.createQuery("select t from BankTransaction t where t.status = :s "
                + "and t.amount > 0 order by t.bookedOn, t.id", BankTransaction.class)
                .setParameter("s", CreditState.UNMATCHED).getResultList();
        em.createQuery("select m from BankMatch m where m.status = :s", BankMatch.class)
                .setParameter("s", BankMatch.Status.SUGGESTED).getResultList().forEach(em::remove);
        em.flush();
        if (credits.isEmpty()) {
            return new Outcome(0, 0, 0, 0);
        }
        MatchingPolicy policy = policy();
        LocalDate from = credits.get(0).getBookedOn().minusDays(policy.dateWindowDays());
        LocalDate to = credits.get(credits.size() - 1).getBookedOn().plusDays(policy.dateWindowDays());
        List<OpenPayment> open = payments.open(TenantContext.require().tenantId(), from, to);
        MatchingResult result = new MatchingEngine(policy).propose(credits.stream().map(BankTransaction::toCredit).toList(),
                open);
        Map<Long, BankTransaction> byId = credits.stream().collect(Collectors.toMap(BankTransaction::getId,
                Function.identity()));
        Set<String> dismissed = dismissedPairings();
        String actor = TenantContext.actorName();
        Instant at = ClosureBook.now();
        for (MatchProposal p : result.automatic()) {
            em.persist(BankMatch.proposed(p, byId, true, actor, at));
        }
        int suggested = 0;
        for (MatchProposal p : result.suggestions()) {
            if (!dismissed.contains(pairing(p.creditIds().stream().map(Long::valueOf).toList(), p.paymentIds()))) {
                em.persist(BankMatch.proposed(p, byId, false, actor, at));
                suggested++;
            }
        }
        em.flush();
        return new Outcome(credits.size(), open.size(), result.automatic().size(), suggested);
    }

    public Page<BankMatch> matches(BankMatch.Status status, int page, int size) {
        QueryFilter f = new QueryFilter().and("m.status = :status", "status", status);
        return new Page<>(f.query(em, "select m from BankMatch m", "m.score desc, m.id desc", BankMatch.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList(),
                f.count(em, "select count(m) from BankMatch m"), page, size);
    }

    public BankMatch match(long id) {
        BankMatch m = em.find(BankMatch.class, id);
        if (m == null) {
            throw new NotFound("No bank match " + id + ".").withKey("reconciliation.bankMatch", id);
        }
        return m;
    }

    /** Card, transfer and wallet payments still waiting for their bank credit, paid between the two days. */
    public List<OpenPayment> openPayments(LocalDate from, LocalDate to) {
        return payments.open(TenantContext.require().tenantId(), from, to);
    }

    /** A person's own pairing of credits and payments (one deposit for several payments, several for one order...). */
    public BankMatch matchByHand(Collection<Long> transactionIds, Collection<Long> paymentIds, String note) {
        if (transactionIds.isEmpty() || paymentIds.isEmpty()) {
            throw new RuleViolation("Choose at least one bank credit and one payment.").withKey("reconciliation.chooseLeastBank");
        }
        List<BankTransaction> credits = transactionIds.stream().distinct().map(this::transaction).toList();
        List<OpenPayment> chosen = openPayments(paymentIds);
        BankMatch m = BankMatch.manual(credits, chosen, note, TenantContext.actorName(), ClosureBook.now());
        em.persist(m);
        em.flush();
        return m;
    }

    /**
     * A bank credit that is a customer paying an order not (fully) paid yet: takes the order's payment by
     * transfer now, in today's day at the order's location, for the credit's amount (at most the balance
     * due) with the statement's reference, and matches the credit to it. Refused while today is closed.
     */
    public BankMatch settleOrder(long transactionId, long orderId, String note) {
        if (!io.cuadra.identity.application.CurrentCaller.require().can(io.cuadra.identity.domain.Module.PAYMENTS,
                io.cuadra.identity.domain.Action.CREATE)) {
            throw new io.cuadra.shared.domain.AccessDenied("Settling a sale takes its payment, which needs the"
                    + " permission payments:create.");
        }
        BankTransaction credit = em.find(BankTransaction.class, transactionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (credit == null) {
            throw new NotFound("No bank movement " + transactionId + ".").withKey("reconciliation.bankMovement", transactionId);
        }
        if (!credit.isCredit()) {
            throw new RuleViolation("Bank movement " + transactionId + " is a debit; only a credit pays an order.").withKey("reconciliation.bankMovementDebit", transactionId);
        }
        if (credit.getStatus() != io.cuadra.reconciliation.domain.bank.CreditState.UNMATCHED) {
            throw new Conflict("Bank movement " + transactionId + " is " + credit.getStatus()
                    + "; only an unmatched credit settles a sale.").withKey("reconciliation.bankMovementOnly", transactionId, credit.getStatus());
        }
        io.cuadra.orders.domain.Order order = orders.find(orderId);
        if (!order.getCurrency().equals(credit.getCurrency())) {
            throw new RuleViolation("The credit is in " + credit.getCurrency() + "; order " + order.getNumber()
                    + " is in " + order.getCurrency() + ".").withKey("reconciliation.creditOrder", credit.getCurrency(), order.getNumber(), order.getCurrency());
        }
        if (order.balanceDue().signum() <= 0 || order.getStatus() == io.cuadra.orders.domain.OrderStatus.CANCELLED) {
            throw new Conflict("Order " + order.getNumber() + " owes nothing: match the credit to its payments instead.").withKey("reconciliation.orderOwesNothing", order.getNumber());
        }
        io.cuadra.orders.domain.TenantPaymentMethod transfer = paymentMethods.list(false).stream()
                .filter(m -> m.isActive() && m.getKind() == io.cuadra.orders.domain.PaymentMethod.BANK_TRANSFER)
                .findFirst().orElseThrow(() -> new Conflict("The tenant has no active bank transfer payment method.").withKey("reconciliation.tenantActiveBank"));
        String reference = credit.getReference() == null || credit.getReference().isBlank()
                ? "Extracto " + credit.getAccountNumber() + " fila " + credit.getRowNumber() : credit.getReference();
        java.math.BigDecimal amount = credit.getAmount().min(order.balanceDue());
        io.cuadra.orders.domain.OrderPayment paid = orders.pay(orderId, null,
                new io.cuadra.orders.application.PaymentDraft(transfer.getCode(), amount, null, reference));
        BankMatch m = BankMatch.manual(List.of(credit), openPayments(List.of(paid.getId())),
                note == null || note.isBlank() ? "Settles order " + order.getNumber() : note,
                TenantContext.actorName(), ClosureBook.now());
        em.persist(m);
        em.flush();
        return m;
    }

    public BankMatch accept(long id, long expectedVersion) {
        BankMatch m = match(id);
        Versions.expect(expectedVersion, m.getVersion(), "Bank match " + id);
        openPayments(m.getPayments().stream().map(BankMatchPayment::getPaymentId).toList());
        m.accept(TenantContext.actorName(), ClosureBook.now());
        em.flush();
        return m;
    }

    public BankMatch dismiss(long id, long expectedVersion) {
        BankMatch m = match(id);
        Versions.expect(expectedVersion, m.getVersion(), "Bank match " + id);
        m.dismiss(TenantContext.actorName(), ClosureBook.now());
        em.flush();
        return m;
    }

    public BankMatch unmatch(long id, long expectedVersion, String reason) {
        BankMatch m = match(id);
        Versions.expect(expectedVersion, m.getVersion(), "Bank match " + id);
        m.unmatch(reason, TenantContext.actorName(), ClosureBook.now());
        em.flush();
        return m;
    }

    /** The payments, each still open; one already matched or unknown is refused by name. */
    private List<OpenPayment> openPayments(Collection<Long> paymentIds) {
        Set<Long> wanted = new HashSet<>(paymentIds);
        List<OpenPayment> found = payments.openByIds(TenantContext.require().tenantId(), wanted);
        Set<Long> open = found.stream().map(OpenPayment::paymentId).collect(Collectors.toSet());
        wanted.removeAll(open);
        if (!wanted.isEmpty()) {
            throw new Conflict("Payments " + wanted + " are not open card, transfer or wallet payments (unknown, "
                    + "of a cancelled order, or matched already).").withKey("reconciliation.paymentsOpenCard", wanted);
        }
        return found;
    }

    private BankTransaction transaction(long id) {
        BankTransaction t = em.find(BankTransaction.class, id);
        if (t == null) {
            throw new NotFound("No bank movement " + id + ".").withKey("reconciliation.bankMovement", id);
        }
        return t;
    }

    private Set<String> dismissedPairings() {
        Set<String> keys = new HashSet<>();
        for (BankMatch m : em.createQuery("select m from BankMatch m where m.status = :s", BankMatch.class)
                .setParameter("s", BankMatch.Status.DISMISSED).getResultList()) {
            keys.add(pairing(m.getCredits().stream().map(c -> c.getTransaction().getId()).toList(),
                    m.getPayments().stream().map(BankMatchPayment::getPaymentId).toList()));
        }
        return keys;
    }

    private static String pairing(List<Long> credits, List<Long> payments) {
        return credits.stream().sorted().toList() + "/" + payments.stream().sorted().toList();
    }
}
