package io.cuadra.reconciliation.application;

import io.cuadra.reconciliation.domain.bank.BankLayout;
import io.cuadra.reconciliation.domain.bank.BankStatement;
import io.cuadra.reconciliation.domain.bank.BankTransaction;
import io.cuadra.reconciliation.domain.bank.CreditState;
import io.cuadra.reconciliation.domain.ReconciliationJobRun;
import io.cuadra.reconciliation.domain.bank.StatementRejection;
import io.cuadra.shared.domain.Conflict;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.Page;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.domain.Versions;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/** Bank profiles, statement uploads (imported by a batch job), the stored movements and their rejections. */
@Stateless
public class BankStatementService {

    /** Statement files are spreadsheets of a month or so; anything this large is not one. */
    public static final int MAX_FILE_BYTES = 10 * 1024 * 1024;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    ReconciliationJobs jobs;

    @Resource
    SessionContext context;

    public List<BankLayout> profiles() {
        return em.createQuery("select p from BankLayout p order by p.code", BankLayout.class).getResultList();
    }

    public BankLayout profile(long id) {
        BankLayout p = em.find(BankLayout.class, id);
        if (p == null) {
            throw new NotFound("No bank profile " + id + ".").withKey("reconciliation.bankProfile", id);
        }
        return p;
    }

    public BankLayout createProfile(String code, BankLayout.Mapping mapping) {
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        boolean taken = !em.createQuery("select p.id from BankLayout p where p.code = :c", Long.class)
                .setParameter("c", normalized).getResultList().isEmpty();
        if (taken) {
            throw new Conflict("There is already a bank profile " + normalized + ".").withKey("reconciliation.alreadyBankProfile", normalized);
        }
        BankLayout p = new BankLayout(normalized);
        p.map(mapping);
        em.persist(p);
        em.flush();
        return p;
    }

    public BankLayout updateProfile(long id, long expectedVersion, BankLayout.Mapping mapping) {
        BankLayout p = profile(id);
        Versions.expect(expectedVersion, p.getVersion(), "Bank profile " + p.getCode());
        p.map(mapping);
        em.flush();
        return p;
    }

    /**
     * Stores the file and starts its import job; answers the job run. The statement is committed
     * before the job starts, so the job finds it.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ReconciliationJobRun upload(long profileId, String accountNumber, String fileName, byte[] content) {
        BankStatement statement = context.getBusinessObject(BankStatementService.class)
                .store(profileId, accountNumber, fileName, content);
        return jobs.startImport(statement.getId());
    }

    public BankStatement store(long profileId, String accountNumber, String fileName, byte[] content) {
        if (content.length == 0) {
            throw new RuleViolation("content: the file is empty.").withKey("identity.fileEmpty");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new RuleViolation("content: a statement file holds at most " + MAX_FILE_BYTES / (1024 * 1024)
                    + " MB.").withKey("reconciliation.statementFileHolds", MAX_FILE_BYTES / (1024 * 1024));
        }
        if (accountNumber == null || accountNumber.isBlank()) {
            throw new RuleViolation("accountNumber: say which account the statement is of.").withKey("reconciliation.sayWhichAccount");
        }
        BankStatement statement = new BankStatement(profile(profileId), accountNumber, fileName, content);
        em.persist(statement);
        em.flush();
        return statement;
    }

    public Page<BankStatement> statements(int page, int size) {
        List<BankStatement> items = em.createQuery("select s from BankStatement s order by s.id desc", BankStatement.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(s) from BankStatement s", Long.class).getSingleResult();
        return new Page<>(items, total, page, size);
    }

    public BankStatement statement(long id) {
        BankStatement s = em.find(BankStatement.class, id);
        if (s == null) {
            throw new NotFound("No bank statement " + id + ".").withKey("reconciliation.bankStatement", id);
        }
        return s;
    }

    public List<StatementRejection> rejections(long statementId) {
        return em.createQuery("select r from StatementRejection r where r.statement = :s order by r.rowNumber",
                StatementRejection.class).setParameter("s", statement(statementId)).getResultList();
    }

    /** Movements by date, newest first; each filter may be null. */
    public Page<BankTransaction> transactions(CreditState status, String accountNumber, LocalDate from, LocalDate to,
                                              int page, int size) {
        QueryFilter f = new QueryFilter().and("t.status = :status", "status", status)
                .and("t.accountNumber = :account", "account", blankToNull(accountNumber))
                .and("t.bookedOn >= :from", "from", from).and("t.bookedOn <= :to", "to", to);
        return new Page<>(f.query(em, "select t from BankTransaction t", "t.bookedOn desc, t.id desc",
                BankTransaction.class).setFirstResult(page * size).setMaxResults(size).getResultList(),
                f.count(em, "select count(t) from BankTransaction t"), page, size);
    }

    public BankTransaction transaction(long id) {
        BankTransaction t = em.find(BankTransaction.class, id);
        if (t == null) {
            throw new NotFound("No bank movement " + id + ".").withKey("reconciliation.bankMovement", id);
        }
        return t;
    }

    /** Marks a credit as not a customer payment (interest, a transfer between own accounts), with the reason. */
    public BankTransaction ignore(long id, long expectedVersion, String reason) {
        BankTransaction t = transaction(id);
        Versions.expect(expectedVersion, t.getVersion(), "Bank movement " + id);
        t.ignore(reason, TenantContext.actorName(), now());
        em.flush();
        return t;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
