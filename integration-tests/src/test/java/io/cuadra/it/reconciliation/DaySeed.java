package io.cuadra.it.reconciliation;

import io.cuadra.it.support.Http;
import io.cuadra.it.support.Http.Reply;
import io.cuadra.it.support.TestDatabase;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A business day written straight into the orders and billing components' tables for a location of
 * its own (created through the API), so each test reasons about exactly the rows it wrote: orders
 * with their payments, invoices, receipts and credit notes, at chosen times of the day in Lima.
 */
public final class DaySeed implements AutoCloseable {

    static final ZoneId LIMA = ZoneId.of("America/Lima");
    private static final AtomicInteger LOCATIONS = new AtomicInteger();

    public final long tenantId;
    public final long locationId;
    public final String code;
    public final LocalDate day;
    private final Connection c;
    private int orderSeq;
    private int documentSeq;

    private DaySeed(long tenantId, long locationId, String code, LocalDate day) throws SQLException {
        this.tenantId = tenantId;
        this.locationId = locationId;
        this.code = code;
        this.day = day;
        this.c = TestDatabase.current().connect();
    }

    /** A new location of the demo tenant (created by the admin through the API) and its day. */
    public static DaySeed newLocation(Http admin, LocalDate day) throws SQLException {
        String code = "RC" + (System.currentTimeMillis() % 1_000_000) + LOCATIONS.incrementAndGet();
        Reply r = admin.post("api/locations", "{\"code\":\"" + code + "\",\"name\":\"Sede " + code + "\","
                + "\"timeZone\":\"America/Lima\",\"sunatEstablishment\":\"0007\",\"invoiceSeries\":\"F007\","
                + "\"receiptSeries\":\"B007\",\"invoiceCreditSeries\":\"FC07\",\"receiptCreditSeries\":\"BC07\"}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        long id = r.json().getJsonNumber("id").longValue();
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select tenant_id from locations where id = " + id)) {
            rs.next();
            return new DaySeed(rs.getLong(1), id, code, day);
        }
    }

    /** A day of an existing location of the demo tenant, by its code (LIM01 is the cashier's). */
    static DaySeed existing(String code, LocalDate day) throws SQLException {
        try (Connection c = TestDatabase.current().connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select l.tenant_id, l.id from locations l join tenants t on t.id = l.tenant_id"
                     + " where t.slug = 'demo' and l.code = '" + code + "'")) {
            assertThat(rs.next()).as("location " + code).isTrue();
            return new DaySeed(rs.getLong(1), rs.getLong(2), code, day);
        }
    }

    /** The same location on another day (its own connection). */
    DaySeed on(LocalDate other) throws SQLException {
        return new DaySeed(tenantId, locationId, code, other);
    }

    public Instant at(int hour, int minute) {
        return day.atTime(LocalTime.of(hour, minute)).atZone(LIMA).toInstant();
    }

    long nextId() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select nextval('cuadra_id_seq')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** An order registered at that time; status COMPLETED or CANCELLED, payment status PAID, PARTIAL or PENDING. */
    long order(Instant registeredAt, String total, String status, String paymentStatus) throws SQLException {
        long id = nextId();
        BigDecimal t = new BigDecimal(total);
        BigDecimal base = t.divide(new BigDecimal("1.18"), 2, java.math.RoundingMode.HALF_UP);
        int seq = ++orderSeq;
        try (PreparedStatement p = c.prepareStatement("insert into orders (id, tenant_id, number, location_id, year, "
                + "sequence, channel, status, payment_status, currency, prices_include_tax, registered_at, paid_at, "
                + "cancel_reason, customer_name, subtotal, discount_total, base_total, tax_total, total, paid_total, "
                + "created_by, updated_by) values (?, ?, ?, ?, ?, ?, 'COUNTER', ?, ?, 'PEN', true, ?, ?, ?, ?, ?, 0, ?, ?, "
                + "?, ?, 'it', 'it')")) {
            p.setLong(1, id);
            p.setLong(2, tenantId);
            // Numbers and sequences of their own: the orders component numbers this location's real orders from 1.
            p.setString(3, code + "-S-" + String.format("%06d", 900_000 + seq));
            p.setLong(4, locationId);
            p.setInt(5, day.getYear());
            p.setInt(6, 900_000 + seq);
            p.setString(7, status);
            p.setString(8, paymentStatus);
            p.setTimestamp(9, Timestamp.from(registeredAt));
            p.setTimestamp(10, "PAID".equals(paymentStatus) ? Timestamp.from(registeredAt.plusSeconds(60)) : null);
            p.setString(11, "CANCELLED".equals(status) ? "Cliente desistió" : null);
            p.setString(12, "María González Quispe");
            p.setBigDecimal(13, t);
            p.setBigDecimal(14, base);
            p.setBigDecimal(15, t.subtract(base));
            p.setBigDecimal(16, t);
            p.setBigDecimal(17, "PAID".equals(paymentStatus) ? t : BigDecimal.ZERO);
            p.executeUpdate();
        }
        return id;
    }

    public long paidOrder(Instant registeredAt, String total) throws SQLException {
        return order(registeredAt, total, "COMPLETED", "PAID");
    }

    /** A payment with the demo method of that code; cash may be tendered above the amount (change given). */
    public long payment(long orderId, String methodCode, String amount, String tendered, String reference, Instant paidAt)
            throws SQLException {
        long id = nextId();
        long methodId;
        String kind;
        try (PreparedStatement p = c.prepareStatement("select id, kind from payment_methods where tenant_id = ? and code = ?")) {
            p.setLong(1, tenantId);
            p.setString(2, methodCode);
            try (ResultSet rs = p.executeQuery()) {
                assertThat(rs.next()).as("payment method " + methodCode).isTrue();
                methodId = rs.getLong(1);
                kind = rs.getString(2);
            }
        }
        BigDecimal a = new BigDecimal(amount);
        BigDecimal given = tendered == null ? a : new BigDecimal(tendered);
        BigDecimal fee = "CARD".equals(kind) ? new BigDecimal("1.00") : null;
        try (PreparedStatement p = c.prepareStatement("insert into order_payments (id, tenant_id, order_id, method_id, "
                + "method_code, method_kind, amount, tendered, change_given, reference, paid_at, registered_by, "
                + "card_fee, net_amount, created_by, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'it', ?, ?, "
                + "'it', 'it')")) {
            p.setLong(1, id);
            p.setLong(2, tenantId);
            p.setLong(3, orderId);
            p.setLong(4, methodId);
            p.setString(5, methodCode);
            p.setString(6, kind);
            p.setBigDecimal(7, a);
            p.setBigDecimal(8, given);
            p.setBigDecimal(9, given.subtract(a));
            p.setString(10, reference);
            p.setTimestamp(11, Timestamp.from(paidAt));
            p.setBigDecimal(12, fee);
            p.setBigDecimal(13, fee == null ? a : a.subtract(fee));
            p.executeUpdate();
        }
        return id;
    }

    /** An accepted invoice (FACTURA), receipt (BOLETA) or credit note (of {@code originalId}) issued at that time. */
    long document(String kind, Long orderId, String total, Instant issuedAt, Long originalId) throws SQLException {
        long id = nextId();
        boolean note = "CREDIT_NOTE".equals(kind);
        String series = switch (kind) {
            case "FACTURA" -> "F7" + code.substring(code.length() - 2);
            case "BOLETA" -> "B7" + code.substring(code.length() - 2);
            default -> "FC" + code.substring(code.length() - 2);
        };
        int number = ++documentSeq;
        BigDecimal t = new BigDecimal(total);
        BigDecimal value = t.divide(new BigDecimal("1.18"), 2, java.math.RoundingMode.HALF_UP);
        try (PreparedStatement p = c.prepareStatement("insert into billing_documents (id, tenant_id, kind, type_code, "
                + "location_id, order_id, series, number, display_number, status, issue_date, issued_at, time_zone, "
                + "currency, issuer_country, issuer_tax_id, issuer_legal_name, issuer_address, customer_doc_type, "
                + "customer_doc_number, customer_name, total_value, total_tax, total_amount, original_id, reason_code, "
                + "created_by, updated_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACCEPTED', ?, ?, 'America/Lima', 'PEN', "
                + "'PE', '20601030013', 'Laboratorios Cuadra Demo S.A.C.', 'Av. Javier Prado Este 1234', '1', "
                + "'45871236', 'María González Quispe', ?, ?, ?, ?, ?, 'it', 'it')")) {
            p.setLong(1, id);
            p.setLong(2, tenantId);
            p.setString(3, kind);
            p.setString(4, switch (kind) {
                case "FACTURA" -> "01";
                case "BOLETA" -> "03";
                default -> "07";
            });
            p.setLong(5, locationId);
            if (orderId == null) {
                p.setNull(6, java.sql.Types.BIGINT);
            } else {
                p.setLong(6, orderId);
            }
            p.setString(7, series);
            p.setInt(8, number);
            p.setString(9, series + "-" + String.format("%08d", number));
            p.setObject(10, issuedAt.atZone(LIMA).toLocalDate());
            p.setTimestamp(11, Timestamp.from(issuedAt));
            p.setBigDecimal(12, value);
            p.setBigDecimal(13, t.subtract(value));
            p.setBigDecimal(14, t);
            if (note) {
                p.setLong(15, originalId);
                p.setString(16, "01");
            } else {
                p.setNull(15, java.sql.Types.BIGINT);
                p.setNull(16, java.sql.Types.VARCHAR);
            }
            p.executeUpdate();
        }
        return id;
    }

    void exec(String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
