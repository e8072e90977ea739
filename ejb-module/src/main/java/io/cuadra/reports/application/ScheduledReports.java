package io.cuadra.reports.application;

import io.cuadra.identity.application.CurrentCaller;
import io.cuadra.identity.domain.Caller;
import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.reports.domain.ReportSchedule;
import io.cuadra.reports.events.ScheduledReportReady;
import io.cuadra.reports.infrastructure.ReportFileWords;
import io.cuadra.shared.domain.NotFound;
import io.cuadra.shared.domain.RuleViolation;
import io.cuadra.shared.infrastructure.CrossTenantSql;
import io.cuadra.shared.tenancy.TenantContext;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Time;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scheduled reports: a report and its filters saved, made into an XLSX or PDF file for each complete period and
 * e-mailed through the notifications component. A run is claimed by inserting its (schedule, period) row, unique
 * in the database: however many servers or timers find a schedule due, one insert wins and only that transaction
 * makes, stores and sends the file; the others find the row and do nothing. A failure rolls the claim back with
 * the rest, so the next round tries again.
 */
@Stateless
public class ScheduledReports {

    /** Filter keys a schedule keeps (the period comes from its frequency). */
    public static final Set<String> FILTER_KEYS = Set.of("location", "channel", "group", "order", "bottom", "limit",
            "days");

    @PersistenceContext(unitName = "cuadra")
    EntityManager em;

    @EJB
    ReportExports exports;

    @EJB
    ReportService reports;

    @Inject
    Event<ScheduledReportReady> ready;

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext context;

    /** A saved schedule with the period it last sent (null before the first). */
    public record ScheduleView(long id, String name, String report, Map<String, String> filters, String format,
                               String frequency, LocalTime sendTime, String timeZone, List<String> recipients,
                               String language, boolean active, LocalDate lastPeriodStart) implements java.io.Serializable {
    }

    public List<ScheduleView> list() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select s.id, s.name, s.report, s.filters, s.format, s.frequency,"
                        + " s.send_at, s.time_zone, s.recipients, s.language, s.active, (select max(r.period_start)"
                        + " from rpt_schedule_runs r where r.schedule_id = s.id) from rpt_schedules s where"
                        + " s.tenant_id = ?1 order by s.name, s.id")
                .setParameter(1, TenantContext.require().tenantId()).getResultList();
        return rows.stream().map(r -> new ScheduleView(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                decode((String) r[3]), (String) r[4], (String) r[5], ((Time) r[6]).toLocalTime(), (String) r[7],
                Arrays.asList(((String) r[8]).split(",")), (String) r[9], (Boolean) r[10],
                r[11] == null ? null : ((Date) r[11]).toLocalDate())).toList();
    }

    /**
     * Saves a schedule. Its filters are checked now by running the report once over yesterday; a caller limited to
     * some locations must name one of them (the schedule later runs without a caller, so the filter is the scope).
     */
    public ScheduleView create(String name, String report, Map<String, String> filters, String format,
                               String frequency, LocalTime sendAt, String timeZone, List<String> recipients,
                               String language) {
        if (!ReportService.REPORTS.contains(report)) {
            throw new NotFound("No report " + report + ".").withKey("reports.report", report);
        }
        Map<String, String> kept = new LinkedHashMap<>();
        filters.forEach((k, v) -> {
            if (FILTER_KEYS.contains(k) && v != null && !v.isBlank()) {
                kept.put(k, v.strip());
            }
        });
        Caller caller = CurrentCaller.require();
        if (!caller.allLocations() && !kept.containsKey("location")) {
            throw new RuleViolation("location: choose one of your locations.").withKey("reports.location");
        }
        ZoneId zone = zone(timeZone);
        ReportSchedule draft = new ReportSchedule(0, name, report, encode(kept), upper(format), upper(frequency), sendAt,
                zone.getId(), recipients, language == null || language.isBlank() ? "es" : language.strip(), true);
        LocalDate yesterday = LocalDate.now(zone).minusDays(1);
        reports.run(report, filter(kept, yesterday, yesterday)); // refuses a bad filter or another's location now
        long id = ((Number) CrossTenantSql.query(em, "select nextval('cuadra_id_seq')").getSingleResult()).longValue();
        CrossTenantSql.query(em, "insert into rpt_schedules (id, tenant_id, name, report, filters, format, frequency,"
                        + " send_at, time_zone, recipients, language, owner_user, created_by, updated_by) values (?1, ?2,"
                        + " ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?12, ?12)")
                .setParameter(1, id).setParameter(2, TenantContext.require().tenantId()).setParameter(3, draft.name())
                .setParameter(4, report).setParameter(5, draft.filters()).setParameter(6, draft.format())
                .setParameter(7, draft.frequency()).setParameter(8, Time.valueOf(sendAt))
                .setParameter(9, draft.timeZone()).setParameter(10, String.join(",", draft.recipients()))
                .setParameter(11, draft.language()).setParameter(12, TenantContext.actorName()).executeUpdate();
        return list().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    public void delete(long id) {
        int n = CrossTenantSql.query(em, "delete from rpt_schedules where tenant_id = ?1 and id = ?2")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, id).executeUpdate();
        if (n == 0) {
            throw new NotFound("No scheduled report " + id + ".").withKey("reports.schedule", id);
        }
    }

    /**
     * Sends what is due for this tenant at {@code now}: each active schedule whose send time has come and whose
     * last complete period has no run yet. Answers the runs this call made (0 when another server made them).
     */
    public int runDue(Instant now) {
        int made = 0;
        // Through the container, so that each run gets its own transaction (REQUIRES_NEW): one failing file
        // leaves the other schedules' runs committed.
        ScheduledReports self = context.getBusinessObject(ScheduledReports.class);
        for (ScheduleView s : list()) {
            if (!s.active()) {
                continue;
            }
            ReportSchedule schedule = schedule(s);
            ZoneId zone = ZoneId.of(s.timeZone());
            if (!schedule.due(LocalTime.ofInstant(now, zone))) {
                continue;
            }
            try {
                if (self.runOnce(s.id(), schedule.period(LocalDate.ofInstant(now, zone))).isPresent()) {
                    made++;
                }
            } catch (RuntimeException e) {
                // Its claim rolled back with it: the next round tries this schedule again.
                java.util.logging.Logger.getLogger(ScheduledReports.class.getName()).log(java.util.logging.Level.WARNING,
                        "Scheduled report " + s.id() + " not sent this round", e);
            }
        }
        return made;
    }

    /**
     * Claims the run of one schedule for one period and, if this call won it, makes the file, stores it and
     * announces it for e-mailing: all in one transaction of its own.
     *
     * @return the run's id, or empty when the period was already claimed
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Long> runOnce(long scheduleId, LocalDate[] period) {
        long tenant = TenantContext.require().tenantId();
        ScheduleView s = list().stream().filter(v -> v.id() == scheduleId).findFirst()
                .orElseThrow(() -> new NotFound("No scheduled report " + scheduleId + ".").withKey("reports.schedule",
                        scheduleId));
        long runId = ((Number) CrossTenantSql.query(em, "select nextval('cuadra_id_seq')").getSingleResult()).longValue();
        // The claim: of two servers inserting the same (schedule, period), the second waits for the first to commit
        // and then inserts nothing.
        int claimed = CrossTenantSql.query(em, "insert into rpt_schedule_runs (id, tenant_id, schedule_id, period_start,"
                        + " period_end, file_name, content_type, content, rows, created_by) values (?1, ?2, ?3, ?4, ?5,"
                        + " '', '', ''::bytea, 0, ?6) on conflict (schedule_id, period_start) do nothing")
                .setParameter(1, runId).setParameter(2, tenant).setParameter(3, scheduleId)
                .setParameter(4, Date.valueOf(period[0])).setParameter(5, Date.valueOf(period[1]))
                .setParameter(6, TenantContext.actorName()).executeUpdate();
        if (claimed == 0) {
            return Optional.empty();
        }
        Caller previous = CurrentCaller.get().orElse(null);
        ReportExports.ExportFile file;
        try {
            // Without a signed-in user: the schedule's saved location filter is its scope (checked when saved).
            CurrentCaller.set(Caller.system(tenant, "reports:schedules"));
            // Headers and title in the schedule's language, as the recipients read them.
            file = exports.export(s.report(), filter(s.filters(), period[0], period[1]),
                    s.format().toLowerCase(java.util.Locale.ROOT), ReportFileWords.in(s.language()));
        } finally {
            if (previous == null) {
                CurrentCaller.clear();
            } else {
                CurrentCaller.set(previous);
            }
        }
        CrossTenantSql.query(em, "update rpt_schedule_runs set file_name = ?2, content_type = ?3, content = ?4,"
                        + " rows = ?5 where id = ?1")
                .setParameter(1, runId).setParameter(2, s.name().replaceAll("[^A-Za-z0-9._-]+", "-") + "-"
                        + file.fileName()).setParameter(3, file.contentType()).setParameter(4, file.content())
                .setParameter(5, file.rows()).executeUpdate();
        ready.fire(new ScheduledReportReady(tenant, runId, scheduleId, s.name(), s.report(), period[0], period[1],
                file.fileName(), s.recipients(), s.language()));
        return Optional.of(runId);
    }

    /** A stored run's file (the e-mail's attachment): name, content type, bytes. */
    public record RunFile(String fileName, String contentType, byte[] content) {
    }

    public Optional<RunFile> file(long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = CrossTenantSql.query(em, "select file_name, content_type, content from rpt_schedule_runs"
                        + " where tenant_id = ?1 and id = ?2 and rows >= 0 and length(content) > 0")
                .setParameter(1, TenantContext.require().tenantId()).setParameter(2, runId).getResultList();
        return rows.stream().findFirst().map(r -> new RunFile((String) r[0], (String) r[1], (byte[]) r[2]));
    }

    private static ReportSchedule schedule(ScheduleView s) {
        return new ReportSchedule(s.id(), s.name(), s.report(), encode(s.filters()), s.format(), s.frequency(),
                s.sendTime(), s.timeZone(), s.recipients(), s.language(), s.active());
    }

    static ReportFilter filter(Map<String, String> f, LocalDate from, LocalDate to) {
        return new ReportFilter(from, to, f.containsKey("location") ? number("location", f.get("location")) : null,
                f.get("channel"), f.get("group"), f.get("order"), "true".equalsIgnoreCase(f.get("bottom")),
                f.containsKey("limit") ? (int) number("limit", f.get("limit")) : 20,
                f.containsKey("days") ? (int) number("days", f.get("days")) : ReportFilter.DEFAULT_DAYS);
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation(field + ": " + value + " is not a number.").withKey("reports.filterNumber", field, value);
        }
    }

    private static ZoneId zone(String timeZone) {
        try {
            return timeZone == null || timeZone.isBlank() ? ZoneId.of("America/Lima") : ZoneId.of(timeZone.strip());
        } catch (java.time.DateTimeException e) {
            throw new RuleViolation("timeZone: " + timeZone + " is not a time zone.").withKey("reports.timeZone", timeZone);
        }
    }

    private static String upper(String s) {
        return s == null ? null : s.strip().toUpperCase(java.util.Locale.ROOT);
    }

    static String encode(Map<String, String> filters) {
        List<String> parts = new ArrayList<>();
        filters.forEach((k, v) -> parts.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }

    static Map<String, String> decode(String filters) {
        Map<String, String> out = new LinkedHashMap<>();
        if (filters != null && !filters.isBlank()) {
            for (String part : filters.split("&")) {
                int eq = part.indexOf('=');
                if (eq > 0) {
                    out.put(part.substring(0, eq), URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }
}
