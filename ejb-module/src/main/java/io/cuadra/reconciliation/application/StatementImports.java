package io.cuadra.reconciliation.application;

import io.cuadra.reconciliation.domain.bank.BankStatement;
import io.cuadra.reconciliation.domain.bank.BankTransaction;
import io.cuadra.reconciliation.domain.bank.RejectedRow;
import io.cuadra.reconciliation.domain.bank.StatementImport;
import io.cuadra.reconciliation.domain.bank.StatementRejection;
import io.cuadra.reconciliation.domain.bank.StatementTransaction;
import io.cuadra.reconciliation.infrastructure.statement.StatementFiles;
import io.cuadra.shared.domain.NotFound;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The steps of the statement import job, each in the transaction of its chunk: read the file, store
 * the rows of one chunk (transactions found by fingerprint are not added again, rejected rows once per
 * row), and write the outcome. No caller checks here: the job runs for the tenant that started it.
 */
@Stateless
public class StatementImports {

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** Every accepted transaction and rejected row of the file, in row order. */
    public List<Object> read(long statementId) {
        BankStatement statement = statement(statementId);
        StatementImport read = parse(statement);
        List<Object> items = new ArrayList<>(read.transactions().size() + read.rejections().size());
        items.addAll(read.transactions());
        items.addAll(read.rejections());
        items.sort((a, b) -> Integer.compare(rowOf(a), rowOf(b)));
        return items;
    }

    public void started(long statementId) {
        statement(statementId).importing();
    }

    /** Stores one chunk; answers how many transactions were new. */
    public int store(long statementId, List<Object> chunk) {
        BankStatement statement = statement(statementId);
        List<StatementTransaction> transactions = new ArrayList<>();
        List<RejectedRow> rejections = new ArrayList<>();
        for (Object item : chunk) {
            if (item instanceof StatementTransaction t) {
                transactions.add(t);
            } else {
                rejections.add((RejectedRow) item);
            }
        }
        int fresh = 0;
        if (!transactions.isEmpty()) {
            Set<String> known = new HashSet<>(em.createQuery(
                            "select t.fingerprint from BankTransaction t where t.fingerprint in :f", String.class)
                    .setParameter("f", transactions.stream().map(StatementTransaction::fingerprint).toList())
                    .getResultList());
            for (StatementTransaction t : transactions) {
                if (known.add(t.fingerprint())) {
                    em.persist(new BankTransaction(statement, t));
                    fresh++;
                }
            }
        }
        if (!rejections.isEmpty()) {
            Set<Integer> stored = new HashSet<>(em.createQuery("select r.rowNumber from StatementRejection r "
                            + "where r.statement = :s and r.rowNumber in :rows", Integer.class)
                    .setParameter("s", statement)
                    .setParameter("rows", rejections.stream().map(RejectedRow::rowNumber).toList())
                    .getResultList());
            rejections.stream().filter(r -> stored.add(r.rowNumber()))
                    .forEach(r -> em.persist(new StatementRejection(statement, r)));
        }
        em.flush();
        return fresh;
    }

    /** Writes the counts once every row is stored; transactions this statement brought first are its new ones. */
    public void finish(long statementId) {
        BankStatement statement = statement(statementId);
        StatementImport read = parse(statement);
        long fresh = em.createQuery("select count(t) from BankTransaction t where t.statement = :s", Long.class)
                .setParameter("s", statement).getSingleResult();
        long rejected = em.createQuery("select count(r) from StatementRejection r where r.statement = :s", Long.class)
                .setParameter("s", statement).getSingleResult();
        LocalDate from = read.transactions().stream().map(StatementTransaction::date).min(LocalDate::compareTo).orElse(null);
        LocalDate to = read.transactions().stream().map(StatementTransaction::date).max(LocalDate::compareTo).orElse(null);
        int total = read.transactions().size();
        statement.imported(total + read.rejections().size(), total, (int) fresh, total - (int) fresh, (int) rejected,
                from, to, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public void failed(long statementId) {
        statement(statementId).failed();
    }

    private BankStatement statement(long id) {
        BankStatement s = em.find(BankStatement.class, id);
        if (s == null) {
            throw new NotFound("No bank statement " + id + ".").withKey("reconciliation.bankStatement", id);
        }
        return s;
    }

    private static StatementImport parse(BankStatement s) {
        var profile = s.getProfile().toProfile();
        List<List<String>> rows = StatementFiles.rows(s.getFileFormat() == BankStatement.Format.XLSX, s.getContent(),
                profile, s.getProfile().separator());
        return StatementImport.read(profile, s.getAccountNumber(), rows);
    }

    private static int rowOf(Object item) {
        return item instanceof StatementTransaction t ? t.rowNumber() : ((RejectedRow) item).rowNumber();
    }
}
