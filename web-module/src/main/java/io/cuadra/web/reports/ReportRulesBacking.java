package io.cuadra.web.reports;

import io.cuadra.identity.application.LocationService;
import io.cuadra.identity.application.Permitted;
import io.cuadra.identity.domain.Action;
import io.cuadra.identity.domain.Module;
import io.cuadra.reports.application.ReportAlerts;
import io.cuadra.reports.application.ReportService;
import io.cuadra.reports.application.ScheduledReports;
import io.cuadra.reports.domain.AlertRule;
import io.cuadra.web.shell.FacesActions;
import io.cuadra.web.shell.PageGuard;
import io.cuadra.web.shell.Texts;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The page of a tenant's report rules: threshold alerts per location ("sales today at LIM01 below S/ 2,000 by
 * 18:00", "open discrepancies above 3"; raised in-app and by e-mail to the location's supervisors) and scheduled
 * reports (a report and its filters e-mailed as XLSX or PDF daily, weekly or monthly).
 */
@Named
@ViewScoped
public class ReportRulesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    transient ReportAlerts alerts;

    @EJB
    transient ScheduledReports schedules;

    @EJB
    transient LocationService locations;

    @Inject
    transient PageGuard guard;

    private List<AlertRule> rules;
    private List<ScheduledReports.ScheduleView> scheduleRows;
    private List<ReportsBacking.Location> locationOptions;

    private Long ruleLocationId;
    private String ruleKind = "SALES_BELOW";
    private BigDecimal threshold;
    private String checkAt = "18:00";

    private String name;
    private String report = "sales";
    private String group;
    private Long scheduleLocationId;
    private String format = "XLSX";
    private String frequency = "DAILY";
    private String sendTime = "07:00";
    private String recipients;
    private String language = "es";

    @PostConstruct
    void load() {
        rules = alerts.list();
        scheduleRows = guard.can("reports:export") ? schedules.list() : List.of();
        locationOptions = locations.listVisible().stream()
                .map(l -> new ReportsBacking.Location(l.getId(), l.getCode(), l.getName())).toList();
        if (ruleLocationId == null && !locationOptions.isEmpty()) {
            ruleLocationId = locationOptions.get(0).id();
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void addRule() {
        LocalTime at = time(checkAt);
        if (ruleLocationId == null || threshold == null || at == null) {
            FacesActions.error(Texts.get("reportRules.incomplete"));
            return;
        }
        if (FacesActions.succeeded(() -> alerts.create(ruleLocationId, ruleKind, threshold.setScale(2,
                java.math.RoundingMode.HALF_UP), at))) {
            FacesActions.info(Texts.get("reportRules.ruleSaved"));
            threshold = null;
            load();
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void deleteRule(long id) {
        if (FacesActions.succeeded(() -> alerts.delete(id))) {
            load();
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void addSchedule() {
        Map<String, String> filters = new LinkedHashMap<>();
        if (group != null && ReportsBacking.GROUPS.getOrDefault(report, List.of()).contains(group)) {
            filters.put("group", group);
        }
        if (scheduleLocationId != null) {
            filters.put("location", scheduleLocationId.toString());
        }
        LocalTime at = time(sendTime);
        if (at == null) {
            FacesActions.error(Texts.get("reportRules.incomplete"));
            return;
        }
        List<String> to = recipients == null ? List.of() : Arrays.stream(recipients.split("[,;\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        if (FacesActions.succeeded(() -> schedules.create(name, report, filters, format, frequency, at,
                null, to, language))) {
            FacesActions.info(Texts.get("reportRules.scheduleSaved", name));
            name = null;
            load();
        }
    }

    @Permitted(module = Module.SETTINGS, action = Action.EDIT)
    public void deleteSchedule(long id) {
        if (FacesActions.succeeded(() -> schedules.delete(id))) {
            load();
        }
    }

    /** HH:mm, or null when it is not a time of day. */
    private static LocalTime time(String text) {
        try {
            return text == null ? null : LocalTime.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public String recipientsOf(ScheduledReports.ScheduleView s) {
        return String.join(", ", s.recipients());
    }

    public List<String> getReportNames() {
        return ReportService.REPORTS;
    }

    public List<String> getGroups() {
        return ReportsBacking.GROUPS.getOrDefault(report, List.of());
    }

    public List<AlertRule> getRules() {
        return rules;
    }

    public List<ScheduledReports.ScheduleView> getScheduleRows() {
        return scheduleRows;
    }

    public List<ReportsBacking.Location> getLocationOptions() {
        return locationOptions;
    }

    public Long getRuleLocationId() {
        return ruleLocationId;
    }

    public void setRuleLocationId(Long ruleLocationId) {
        this.ruleLocationId = ruleLocationId;
    }

    public String getRuleKind() {
        return ruleKind;
    }

    public void setRuleKind(String ruleKind) {
        this.ruleKind = ruleKind;
    }

    public BigDecimal getThreshold() {
        return threshold;
    }

    public void setThreshold(BigDecimal threshold) {
        this.threshold = threshold;
    }

    public String getCheckAt() {
        return checkAt;
    }

    public void setCheckAt(String checkAt) {
        this.checkAt = checkAt;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getReport() {
        return report;
    }

    public void setReport(String report) {
        this.report = report;
    }

    public String getGroup() {
        return group;
    }

    public void setGroup(String group) {
        this.group = group;
    }

    public Long getScheduleLocationId() {
        return scheduleLocationId;
    }

    public void setScheduleLocationId(Long scheduleLocationId) {
        this.scheduleLocationId = scheduleLocationId;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getFrequency() {
        return frequency;
    }

    public void setFrequency(String frequency) {
        this.frequency = frequency;
    }

    public String getSendTime() {
        return sendTime;
    }

    public void setSendTime(String sendTime) {
        this.sendTime = sendTime;
    }

    public String getRecipients() {
        return recipients;
    }

    public void setRecipients(String recipients) {
        this.recipients = recipients;
    }

    public String getLanguage() {
        return language;
    }

    public void setLanguage(String language) {
        this.language = language;
    }
}
