package io.cuadra.it.platform;

import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.StockInvariants;

import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a crash under order load must leave whole, read from the database: each Idempotency-Key one order, order
 * numbers without gaps, one fiscal document per paid order, stock ledger = balances, the audit chain verifies, and
 * every document reaches SUNAT afterwards. Shared by the single server's crash test and the cluster's.
 */
final class CrashInvariants {

    private final StockInvariants.Database db;
    private final Http admin;

    CrashInvariants(StockInvariants.Database db, Http admin) {
        this.db = db;
        this.admin = admin;
    }

    /** Each key one order, numbering without gaps, one document per paid order, ledger = balances, audit chain. */
    void assertDataHolds(CounterLoad load, String ordersBefore) throws SQLException {
        List<List<String>> created = StockInvariants.rows(db,
                "select id from orders where created_at > '" + ordersBefore + "'");
        assertThat(created).as("orders created under load: one per acknowledged key")
                .hasSize(load.acknowledged.size());
        assertThat(new HashSet<>(load.acknowledged.values())).as("each key its own order")
                .hasSize(load.acknowledged.size())
                .containsExactlyInAnyOrderElementsOf(created.stream().map(r -> Long.valueOf(r.get(0))).toList());
        String keys = load.acknowledged.keySet().stream().map(k -> "'" + k + "'").collect(Collectors.joining(","));
        assertThat(StockInvariants.rows(db, "select idempotency_key from idempotency_keys "
                + "where idempotency_key in (" + keys + ")")).as("each key stored once").hasSize(load.acknowledged.size());
        assertThat(StockInvariants.rows(db, "select location_id, year, count(*), min(sequence), max(sequence) "
                + "from orders group by location_id, year having count(*) <> max(sequence) or min(sequence) <> 1"))
                .as("order numbers contiguous per location and year").isEmpty();
        assertThat(StockInvariants.rows(db, "select o.id, count(d.id) from orders o left join "
                + "billing_documents d on d.order_id = o.id and d.kind in ('FACTURA', 'BOLETA', 'FACTURE') "
                + "where o.payment_status = 'PAID' and o.created_at > '" + ordersBefore + "' group by o.id having count(d.id) <> 1"))
                .as("every paid order exactly one invoice").isEmpty();
        StockInvariants.assertStockInvariants(db);
        Reply verification = admin.get("api/audit-log/verification");
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().getBoolean("valid")).as("audit chain: " + verification.body()).isTrue();
    }

    /** Every document and outbox message of the load reaches SUNAT (the simulator) within 2 minutes of {@code since}. */
    void assertDocumentsDelivered(long since) throws Exception {
        long deadline = since + TimeUnit.MINUTES.toNanos(2);
        List<List<String>> waiting;
        do {
            waiting = StockInvariants.rows(db, "select id, topic, status, attempts, claimed_by "
                    + "from outbox_messages where status in ('PENDING', 'IN_FLIGHT')");
            if (waiting.isEmpty()) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        System.out.printf("[crash] outbox drained %.1f s after the restart%n", (System.nanoTime() - since) / 1e9);
        assertThat(waiting).as("outbox messages not delivered within 2 minutes").isEmpty();
        assertThat(StockInvariants.rows(db, "select id, display_number, status from billing_documents "
                + "where issuer_country = 'PE' and status in ('PENDING', 'SENT')"))
                .as("SUNAT documents without an answer").isEmpty();
    }

    /** The database's clock: the orders created after it are the next load's (ids come from preallocated blocks). */
    String now() throws SQLException {
        return StockInvariants.rows(db, "select clock_timestamp()::text").get(0).get(0);
    }
}
