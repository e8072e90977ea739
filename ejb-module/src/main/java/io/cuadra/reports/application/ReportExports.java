package io.cuadra.reports.application;

import io.cuadra.audit.application.AuditTrail;
import io.cuadra.reports.domain.Pseudonym;
import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.reports.domain.ReportResult;
import io.cuadra.reports.domain.ReportResult.Column;
import io.cuadra.reports.domain.ReportResult.Row;
import io.cuadra.reports.infrastructure.ReportFiles;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Reports written to a file. Every export is audited (who, which report, filter, format, rows) in the same
 * transaction that reads it. The anonymised customers export carries no names or documents: a stable
 * pseudonym per customer and their figures.
 */
@Stateless
public class ReportExports {

    public static final Set<String> FORMATS = Set.of("csv", "xlsx", "pdf");
    public static final String ANONYMOUS = "customers-anonymous";

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    ReportService reports;

    @EJB
    AuditTrail audit;

    @EJB
    io.cuadra.identity.application.CompanyService company;

    /** A file and what to call it. */
    public record ExportFile(String fileName, String contentType, byte[] content, int rows) {
    }

    /**
     * @param words the caller's wording of a key ({@code reports.title.sales}, {@code reports.group.day},
     *              {@code reports.col.gross}, {@code reports.total}); the REST API passes the keys' last part
     */
    public ExportFile export(String report, ReportFilter f, String format, UnaryOperator<String> words) {
        String fmt = format == null ? "" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (!FORMATS.contains(fmt)) {
            throw new RuleViolation("format: " + format + " is not one of csv, xlsx, pdf.").withKey("reports.format", format);
        }
        ReportResult r = ANONYMOUS.equals(report) ? anonymousCustomers(f) : reports.run(report, f);
        List<String> headers = new ArrayList<>();
        headers.add(words.apply("reports.group." + r.group()));
        r.columns().forEach(c -> headers.add(words.apply("reports.col." + c.key())));
        String title = words.apply("reports.title." + report) + " · " + f.from() + " – " + f.to();
        byte[] content = ReportFiles.write(fmt, title, headers, r, words.apply("reports.total"),
                io.cuadra.shared.domain.Money.digits(company.currency()));
        String name = report + "-" + r.group() + "-" + f.from() + "-" + f.to() + "." + fmt;
        audit.security(TenantContext.require(), "report.exported", "Report", report, Json.createObjectBuilder()
                .add("report", report).add("group", r.group()).add("from", f.from().toString())
                .add("to", f.to().toString()).add("location", f.locationId() == null ? "" : f.locationId().toString())
                .add("channel", f.channel() == null ? "" : f.channel()).add("format", fmt)
                .add("rows", r.rows().size()).build().toString());
        return new ExportFile(name, ReportFiles.contentType(fmt), content, r.rows().size());
    }

    /** One row per named customer active in the period: pseudonym, first and last visit, orders, net spent. */
    public ReportResult anonymousCustomers(ReportFilter f) {
        byte[] key = tenantKey();
        @SuppressWarnings("unchecked")
        List<Object[]> raw = CrossTenantSql.query(em, "select a.customer_id, min(a.business_day) filter (where"
                        + " a.orders > 0), max(a.business_day) filter (where a.orders > 0), sum(a.orders),"
                        + " sum(a.spent - a.back), count(distinct a.location_id) from rpt_customers_daily a"
                        + " join locations l on l.id = a.location_id" + reports.where(f, true)
                        + " group by a.customer_id order by a.customer_id")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, Date.valueOf(f.from()))
                .setParameter(3, Date.valueOf(f.to())).getResultList();
        List<Row> rows = new ArrayList<>();
        for (Object[] r : raw) {
            String pseudonym = Pseudonym.of(key, ((Number) r[0]).longValue());
            rows.add(new Row(pseudonym, pseudonym, java.util.Arrays.asList(ReportService.date(r[1]),
                    ReportService.date(r[2]), ReportService.count(r[3]), ReportService.money(r[4]),
                    ReportService.count(r[5]))));
        }
        // Sorted by pseudonym, not id: the order of ids would tell who registered first.
        rows.sort(java.util.Comparator.comparing(Row::key));
        List<Column> cols = List.of(new Column("firstVisit", "DATE"), new Column("lastVisit", "DATE"),
                new Column("orders", "COUNT"), new Column("spent", "MONEY"), new Column("locations", "COUNT"));
        return new ReportResult(ANONYMOUS, "customer", f.from(), f.to(), cols, rows, ReportService.totals(cols, rows));
    }

    private byte[] tenantKey() {
        long tenant = TenantContext.require().tenantId();
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        CrossTenantSql.query(em, "insert into rpt_tenant_keys (tenant_id, hmac_key) values (?1, ?2)"
                + " on conflict (tenant_id) do nothing").setParameter(1, tenant).setParameter(2, fresh).executeUpdate();
        return (byte[]) CrossTenantSql.query(em, "select hmac_key from rpt_tenant_keys where tenant_id = ?1")
                .setParameter(1, tenant).getSingleResult();
    }
}
