package io.cuadra.lab.infrastructure;

import io.cuadra.lab.domain.LabAdapter;
import io.cuadra.lab.domain.LabOrderResults;
import io.cuadra.lab.domain.LabTest;
import io.cuadra.lab.domain.LabTrigger;
import io.cuadra.lab.domain.Patient;
import io.cuadra.lab.domain.SyncKind;
import io.cuadra.lab.domain.SyncStatus;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import static io.cuadra.shared.infrastructure.SqlValues.instant;
import static io.cuadra.shared.infrastructure.SqlValues.longOrNull;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lab tables, in SQL: every statement names its tenant (the caller's, or the one a LIS message belongs to),
 * since the MLLP listener finds the tenant from the order a result names before anyone acts for it.
 * Joins the caller's transaction.
 */
@Stateless
public class LabStore {

    /** Transaction resource: the tenant's lab trigger as this transaction read (or set) it. */
    private static final Object TRIGGER = LabStore.class.getName() + ".trigger";

    @Resource
    TransactionSynchronizationRegistry transaction;

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    /** How a location reaches its LIS. */
    public record Connection(long locationId, LabAdapter adapter, String mllpHost, Integer mllpPort, String restUrl,
                             String authHeader, String authValue, int connectTimeoutMs, int readTimeoutMs,
                             String lisApplication, String lisFacility) {
    }

    /** One sync log row as the page and the API show it (payloads included). */
    public record SyncRow(long id, Long locationId, Long orderId, String orderNumber, String direction, SyncKind kind,
                          LabAdapter adapter, String controlId, SyncStatus status, int attempts, String lastError,
                          String requestPayload, String responsePayload, Instant firstAttemptAt,
                          Instant lastAttemptAt, Integer durationMs, Instant completedAt, Long resendOf,
                          Instant createdAt) implements java.io.Serializable {
    }

    /** A lab order found from the placer number of a result, whatever tenant it is. */
    public record LabOrderRef(long id, long tenantId, long orderId, String orderNumber, long locationId,
                              String status) {
    }

    private Query sql(String text) {
        return CrossTenantSql.query(em, text);
    }

    private static long tenant() {
        return TenantContext.require().tenantId();
    }

    private static String actor() {
        return TenantContext.actorName();
    }

    private long nextId() {
        return ((Number) sql("select nextval('cuadra_id_seq')").getSingleResult()).longValue();
    }

    // --- settings, tests, connections ---

    /** When orders go to the lab; read once per transaction (a paid registration asks on registering and on paying). */
    public LabTrigger trigger() {
        boolean inTransaction = transaction.getTransactionKey() != null;
        if (inTransaction && transaction.getResource(TRIGGER) instanceof LabTrigger known) {
            return known;
        }
        List<?> rows = sql("select send_on from lab_settings where tenant_id = ?1").setParameter(1, tenant())
                .getResultList();
        LabTrigger trigger = rows.isEmpty() ? LabTrigger.REGISTERED : LabTrigger.valueOf((String) rows.get(0));
        if (inTransaction) {
            transaction.putResource(TRIGGER, trigger);
        }
        return trigger;
    }

    public void setTrigger(LabTrigger trigger) {
        if (transaction.getTransactionKey() != null) {
            transaction.putResource(TRIGGER, trigger);
        }
        sql("""
                insert into lab_settings (tenant_id, send_on, created_by, updated_by) values (?1, ?2, ?3, ?3)
                on conflict (tenant_id) do update set send_on = excluded.send_on, updated_at = now(),
                    updated_by = excluded.updated_by, version = lab_settings.version + 1""")
                .setParameter(1, tenant()).setParameter(2, trigger.name()).setParameter(3, actor()).executeUpdate();
    }

    /** The SHA-256 (hex) of the tenant's results callback token; empty when none was generated. */
    public Optional<String> resultsTokenHash() {
        List<?> rows = sql("select results_token_sha256 from lab_settings where tenant_id = ?1 and"
                + " results_token_sha256 is not null").setParameter(1, tenant()).getResultList();
        return rows.stream().findFirst().map(String.class::cast);
    }

    public void setResultsTokenHash(String sha256Hex) {
        sql("""
                insert into lab_settings (tenant_id, results_token_sha256, created_by, updated_by) values (?1, ?2, ?3, ?3)
                on conflict (tenant_id) do update set results_token_sha256 = excluded.results_token_sha256,
                    updated_at = now(), updated_by = excluded.updated_by, version = lab_settings.version + 1""")
                .setParameter(1, tenant()).setParameter(2, sha256Hex).setParameter(3, actor()).executeUpdate();
    }

    public boolean isService(long itemId) {
        return !sql("select 1 from items where tenant_id = ?1 and id = ?2 and type = 'SERVICE'").setParameter(1, tenant())
                .setParameter(2, itemId).getResultList().isEmpty();
    }

    public boolean locationExists(long locationId) {
        return !sql("select 1 from locations where tenant_id = ?1 and id = ?2").setParameter(1, tenant())
                .setParameter(2, locationId).getResultList().isEmpty();
    }

    public void mapTest(long itemId, String testCode) {
        sql("""
                insert into lab_tests (id, tenant_id, item_id, test_code, created_by, updated_by)
                values (?1, ?2, ?3, ?4, ?5, ?5)
                on conflict (tenant_id, item_id) do update set test_code = excluded.test_code, updated_at = now(),
                    updated_by = excluded.updated_by, version = lab_tests.version + 1""")
                .setParameter(1, nextId()).setParameter(2, tenant()).setParameter(3, itemId)
                .setParameter(4, testCode).setParameter(5, actor()).executeUpdate();
    }

    /** Every service coded {@code prefix}xxx becomes lab test xxx (demo data). */
    public void mapServicesByCodePrefix(String prefix) {
        sql("""
                insert into lab_tests (id, tenant_id, item_id, test_code, created_by, updated_by)
                select nextval('cuadra_id_seq'), tenant_id, id, substring(code from ?2), ?3, ?3 from items
                 where tenant_id = ?1 and type = 'SERVICE' and starts_with(code, ?4)
                on conflict (tenant_id, item_id) do nothing""")
                .setParameter(1, tenant()).setParameter(2, prefix.length() + 1).setParameter(3, actor())
                .setParameter(4, prefix).executeUpdate();
    }

    public void unmapTest(long itemId) {
        sql("delete from lab_tests where tenant_id = ?1 and item_id = ?2").setParameter(1, tenant())
                .setParameter(2, itemId).executeUpdate();
    }

    /** The LIS test code of each of these items that is a lab test. */
    @SuppressWarnings("unchecked")
    public Map<Long, String> testCodes(Collection<Long> itemIds) {
        Map<Long, String> codes = new HashMap<>();
        if (itemIds.isEmpty()) {
            return codes;
        }
        List<Object[]> rows = sql("select item_id, test_code from lab_tests where tenant_id = ?1 and item_id in ("
                + numbers(itemIds) + ")").setParameter(1, tenant()).getResultList();
        rows.forEach(r -> codes.put(((Number) r[0]).longValue(), (String) r[1]));
        return codes;
    }

    public void saveConnection(Connection c) {
        sql("""
                insert into lab_connections (id, tenant_id, location_id, adapter, mllp_host, mllp_port, rest_url,
                    auth_header, auth_value, connect_timeout_ms, read_timeout_ms, lis_application, lis_facility,
                    created_by, updated_by)
                values (?1, ?2, ?3, ?4, ?5, cast(?6 as integer), ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)
                on conflict (location_id) do update set adapter = excluded.adapter, mllp_host = excluded.mllp_host,
                    mllp_port = excluded.mllp_port, rest_url = excluded.rest_url, auth_header = excluded.auth_header,
                    auth_value = excluded.auth_value, connect_timeout_ms = excluded.connect_timeout_ms,
                    read_timeout_ms = excluded.read_timeout_ms, lis_application = excluded.lis_application,
                    lis_facility = excluded.lis_facility, updated_at = now(), updated_by = excluded.updated_by,
                    version = lab_connections.version + 1""")
                .setParameter(1, nextId()).setParameter(2, tenant()).setParameter(3, c.locationId())
                .setParameter(4, c.adapter().name()).setParameter(5, c.mllpHost()).setParameter(6, c.mllpPort())
                .setParameter(7, c.restUrl()).setParameter(8, c.authHeader()).setParameter(9, c.authValue())
                .setParameter(10, c.connectTimeoutMs()).setParameter(11, c.readTimeoutMs())
                .setParameter(12, c.lisApplication()).setParameter(13, c.lisFacility()).setParameter(14, actor())
                .executeUpdate();
    }

    public void removeConnection(long locationId) {
        sql("delete from lab_connections where tenant_id = ?1 and location_id = ?2").setParameter(1, tenant())
                .setParameter(2, locationId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Optional<Connection> connection(long locationId) {
        List<Object[]> rows = sql("""
                select location_id, adapter, mllp_host, mllp_port, rest_url, auth_header, auth_value,
                       connect_timeout_ms, read_timeout_ms, lis_application, lis_facility
                  from lab_connections where tenant_id = ?1 and location_id = ?2""")
                .setParameter(1, tenant()).setParameter(2, locationId).getResultList();
        return rows.stream().findFirst().map(r -> new Connection(((Number) r[0]).longValue(),
                LabAdapter.valueOf((String) r[1]), (String) r[2], r[3] == null ? null : ((Number) r[3]).intValue(),
                (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(), ((Number) r[8]).intValue(),
                (String) r[9], (String) r[10]));
    }

    @SuppressWarnings("unchecked")
    public Patient patient(Long customerId) {
        if (customerId == null) {
            return Patient.anonymous();
        }
        List<Object[]> rows = sql("""
                select document_type, document_number, first_name, coalesce(last_name, business_name), birth_date, sex
                  from customers where tenant_id = ?1 and id = ?2""")
                .setParameter(1, tenant()).setParameter(2, customerId).getResultList();
        if (rows.isEmpty()) {
            return Patient.anonymous();
        }
        Object[] r = rows.get(0);
        LocalDate birth = r[4] == null ? null : r[4] instanceof Date d ? d.toLocalDate() : LocalDate.parse(r[4].toString());
        return new Patient((String) r[0], (String) r[1], (String) r[2], (String) r[3], birth, (String) r[5]);
    }

    // --- lab orders ---

    public long createLabOrder(long orderId, String orderNumber, long locationId, List<LabTest> tests) {
        long id = nextId();
        sql("""
                insert into lab_orders (id, tenant_id, order_id, order_number, location_id, status, created_by, updated_by)
                values (?1, ?2, ?3, ?4, ?5, 'SENT', ?6, ?6)""")
                .setParameter(1, id).setParameter(2, tenant()).setParameter(3, orderId).setParameter(4, orderNumber)
                .setParameter(5, locationId).setParameter(6, actor()).executeUpdate();
        for (LabTest t : tests) {
            sql("""
                    insert into lab_order_lines (id, tenant_id, lab_order_id, order_line_id, line_number, test_code, test_name)
                    values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                    .setParameter(1, nextId()).setParameter(2, tenant()).setParameter(3, id)
                    .setParameter(4, t.orderLineId()).setParameter(5, t.lineNumber()).setParameter(6, t.code())
                    .setParameter(7, t.name()).executeUpdate();
        }
        return id;
    }

    /** The lab order of an order of the caller's tenant, locked for the change to come. */
    @SuppressWarnings("unchecked")
    public Optional<LabOrderRef> labOrderOf(long orderId) {
        List<Object[]> rows = sql("""
                select id, tenant_id, order_id, order_number, location_id, status from lab_orders
                 where tenant_id = ?1 and order_id = ?2 for update""")
                .setParameter(1, tenant()).setParameter(2, orderId).getResultList();
        return rows.stream().findFirst().map(LabStore::ref);
    }

    /**
     * The lab order a LIS names by its placer order number, across tenants: the LIS knows no tenant, and the
     * placer number (the order id) is unique in the whole database.
     */
    @SuppressWarnings("unchecked")
    public Optional<LabOrderRef> labOrderByPlacer(long orderId) {
        List<Object[]> rows = sql("""
                select id, tenant_id, order_id, order_number, location_id, status from lab_orders
                 where order_id = ?1""").setParameter(1, orderId).getResultList();
        return rows.stream().findFirst().map(LabStore::ref);
    }

    private static LabOrderRef ref(Object[] r) {
        return new LabOrderRef(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).longValue(),
                (String) r[3], ((Number) r[4]).longValue(), (String) r[5]);
    }

    @SuppressWarnings("unchecked")
    public List<LabTest> tests(long labOrderId) {
        List<Object[]> rows = sql("""
                select order_line_id, line_number, test_code, test_name from lab_order_lines
                 where tenant_id = ?1 and lab_order_id = ?2 order by line_number""")
                .setParameter(1, tenant()).setParameter(2, labOrderId).getResultList();
        return rows.stream().map(r -> new LabTest(((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                (String) r[2], (String) r[3])).toList();
    }

    @SuppressWarnings("unchecked")
    public List<LabOrderResults.Line> resultLines(long labOrderId) {
        List<Object[]> rows = sql("""
                select line_number, test_code, resulted_at is not null from lab_order_lines
                 where tenant_id = ?1 and lab_order_id = ?2 order by line_number""")
                .setParameter(1, tenant()).setParameter(2, labOrderId).getResultList();
        return rows.stream().map(r -> new LabOrderResults.Line(((Number) r[0]).intValue(), (String) r[1],
                (Boolean) r[2])).toList();
    }

    public void markResulted(long labOrderId, int lineNumber, String resultText) {
        sql("""
                update lab_order_lines set resulted_at = now(), result_text = ?4
                 where tenant_id = ?1 and lab_order_id = ?2 and line_number = ?3 and resulted_at is null""")
                .setParameter(1, tenant()).setParameter(2, labOrderId).setParameter(3, lineNumber)
                .setParameter(4, resultText).executeUpdate();
    }

    public void labOrderStatus(long labOrderId, String status) {
        sql("""
                update lab_orders set status = ?3, resulted_at = case when ?3 = 'RESULTED' then now() else resulted_at end,
                       updated_at = now(), updated_by = ?4, version = version + 1
                 where tenant_id = ?1 and id = ?2""")
                .setParameter(1, tenant()).setParameter(2, labOrderId).setParameter(3, status)
                .setParameter(4, actor()).executeUpdate();
    }

    // --- sync log ---

    public long logOut(Long locationId, long labOrderId, long orderId, SyncKind kind, LabAdapter adapter,
                       String controlId, String payload, Long resendOf) {
        long id = nextId();
        sql("""
                insert into lab_sync_logs (id, tenant_id, location_id, lab_order_id, order_id, direction, kind, adapter,
                    control_id, status, request_payload, resend_of, created_by, updated_by)
                values (?1, ?2, ?3, ?4, ?5, 'OUT', ?6, ?7, ?8, 'PENDING', ?9, cast(?10 as bigint), ?11, ?11)""")
                .setParameter(1, id).setParameter(2, tenant()).setParameter(3, locationId).setParameter(4, labOrderId)
                .setParameter(5, orderId).setParameter(6, kind.name()).setParameter(7, adapter.name())
                .setParameter(8, controlId).setParameter(9, payload).setParameter(10, resendOf)
                .setParameter(11, actor()).executeUpdate();
        return id;
    }

    /** A message received from the LIS, with what we answered. */
    public long logIn(Long locationId, Long labOrderId, Long orderId, LabAdapter via, String controlId,
                      boolean accepted, String error, String request, String answer, int durationMs) {
        long id = nextId();
        sql("""
                insert into lab_sync_logs (id, tenant_id, location_id, lab_order_id, order_id, direction, kind, adapter,
                    control_id, status, attempts, last_error, request_payload, response_payload, first_attempt_at,
                    last_attempt_at, duration_ms, completed_at, created_by, updated_by)
                values (?1, ?2, cast(?3 as bigint), cast(?4 as bigint), cast(?5 as bigint), 'IN', 'RESULT', ?13, ?6, ?7, 1, ?8,
                    ?9, ?10, now(), now(), ?11, now(),
                    ?12, ?12)""")
                .setParameter(1, id).setParameter(2, tenant()).setParameter(3, locationId).setParameter(4, labOrderId)
                .setParameter(5, orderId).setParameter(6, controlId)
                .setParameter(7, accepted ? "SUCCESS" : "FAILED").setParameter(8, clip(error))
                .setParameter(9, request).setParameter(10, answer).setParameter(11, durationMs)
                .setParameter(12, actor()).setParameter(13, via.name()).executeUpdate();
        return id;
    }

    /** Starts an attempt of an outgoing message still to deliver; empty when it is delivered or failed already. */
    public Optional<SyncRow> startAttempt(long logId) {
        int started = sql("""
                update lab_sync_logs set attempts = attempts + 1, first_attempt_at = coalesce(first_attempt_at, now()),
                       last_attempt_at = now(), updated_at = now(), updated_by = ?3, version = version + 1
                 where tenant_id = ?1 and id = ?2 and direction = 'OUT' and status in ('PENDING', 'RETRYING')""")
                .setParameter(1, tenant()).setParameter(2, logId).setParameter(3, actor()).executeUpdate();
        return started == 0 ? Optional.empty() : row(logId);
    }

    public void finishAttempt(long logId, SyncStatus status, String error, String response, int durationMs) {
        sql("""
                update lab_sync_logs set status = ?3, last_error = ?4, response_payload = coalesce(?5, response_payload),
                       duration_ms = ?6, completed_at = case when ?3 in ('SUCCESS', 'FAILED') then now() end,
                       updated_at = now(), updated_by = ?7, version = version + 1
                 where tenant_id = ?1 and id = ?2""")
                .setParameter(1, tenant()).setParameter(2, logId).setParameter(3, status.name())
                .setParameter(4, clip(error)).setParameter(5, response).setParameter(6, durationMs)
                .setParameter(7, actor()).executeUpdate();
    }

    /** Makes a message not delivered due again (a person asked); false when it is delivered or unknown. */
    public boolean markForRetry(long logId) {
        return sql("""
                update lab_sync_logs set status = 'PENDING', completed_at = null, updated_at = now(), updated_by = ?3,
                       version = version + 1
                 where tenant_id = ?1 and id = ?2 and direction = 'OUT' and status in ('PENDING', 'RETRYING', 'FAILED')""")
                .setParameter(1, tenant()).setParameter(2, logId).setParameter(3, actor()).executeUpdate() == 1;
    }

    private static final String ROW = """
            select l.id, l.location_id, l.order_id, o.order_number, l.direction, l.kind, l.adapter, l.control_id,
                   l.status, l.attempts, l.last_error, l.request_payload, l.response_payload, l.first_attempt_at,
                   l.last_attempt_at, l.duration_ms, l.completed_at, l.resend_of, l.created_at
              from lab_sync_logs l left join lab_orders o on o.id = l.lab_order_id
            """;

    @SuppressWarnings("unchecked")
    public Optional<SyncRow> row(long logId) {
        List<Object[]> rows = sql(ROW + " where l.tenant_id = ?1 and l.id = ?2").setParameter(1, tenant())
                .setParameter(2, logId).getResultList();
        return rows.stream().findFirst().map(LabStore::syncRow);
    }

    /**
     * Log rows, newest first: of one location or all ({@code locationIds} null), of these statuses (null: all),
     * of one order (null: all).
     */
    @SuppressWarnings("unchecked")
    public List<SyncRow> rows(Collection<Long> locationIds, Collection<SyncStatus> statuses, Long orderId, int limit) {
        // Ids and enum names only are written into the text; nothing a person typed.
        StringBuilder where = new StringBuilder(" where l.tenant_id = ?1");
        if (locationIds != null) {
            where.append(" and l.location_id in (").append(numbers(locationIds)).append(')');
        }
        if (statuses != null) {
            where.append(" and l.status in (").append(String.join(",", statuses.stream()
                    .map(s -> "'" + s.name() + "'").toList())).append(')');
        }
        if (orderId != null) {
            where.append(" and l.order_id = ").append(orderId.longValue());
        }
        List<Object[]> rows = sql(ROW + where + " order by l.created_at desc, l.id desc limit ?2")
                .setParameter(1, tenant()).setParameter(2, limit).getResultList();
        return rows.stream().map(LabStore::syncRow).toList();
    }

    private static String numbers(Collection<Long> ids) {
        return ids.isEmpty() ? "null" : String.join(",", ids.stream().map(id -> Long.toString(id)).toList());
    }

    private static SyncRow syncRow(Object[] r) {
        return new SyncRow(((Number) r[0]).longValue(), longOrNull(r[1]), longOrNull(r[2]), (String) r[3],
                (String) r[4], SyncKind.valueOf((String) r[5]), LabAdapter.valueOf((String) r[6]), (String) r[7],
                SyncStatus.valueOf((String) r[8]), ((Number) r[9]).intValue(), (String) r[10], (String) r[11],
                (String) r[12], instant(r[13]), instant(r[14]), r[15] == null ? null : ((Number) r[15]).intValue(),
                instant(r[16]), longOrNull(r[17]), instant(r[18]));
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
