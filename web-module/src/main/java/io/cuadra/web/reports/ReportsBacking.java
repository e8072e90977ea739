package io.cuadra.web.reports;

import io.cuadra.identity.application.LocationService;
import io.cuadra.reports.application.ReportDrill;
import io.cuadra.reports.application.ReportExports;
import io.cuadra.reports.application.ReportService;
import io.cuadra.reports.domain.DrillRow;
import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.reports.domain.ReportResult;
import io.cuadra.web.shell.FacesActions;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reports page: pick a report, its period, location, channel and grouping; a chart and a table of the
 * result; a click on a row lists what is behind it; links download the same report as CSV, XLSX or PDF.
 */
@Named
@ViewScoped
public class ReportsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Each report and the groupings it offers, the first being its default. */
    public static final Map<String, List<String>> GROUPS = groups();

    @EJB
    transient ReportService reports;

    @EJB
    transient ReportDrill drills;

    @EJB
    transient ReportExports exports;

    @EJB
    transient LocationService locations;

    private String report = "sales";
    private String group;
    private LocalDate from;
    private LocalDate to;
    private Long locationId;
    private String channel;
    private String order = "revenue";
    private boolean bottom;
    private int days = ReportFilter.DEFAULT_DAYS;
    private String compare;
    private ReportResult result;
    private String drillKey;
    private String drillLabel;
    private List<DrillRow> drillRows = List.of();
    private List<Location> locationOptions;

    /** A location as the filter offers it. */
    public record Location(long id, String code, String name) implements Serializable {
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> g = new LinkedHashMap<>();
        g.put("sales", List.of("day", "week", "month", "location", "channel", "cashier"));
        g.put("payments", List.of("method", "day", "location", "cashier"));
        g.put("items", List.of("item", "category"));
        g.put("customers", List.of("top", "new"));
        g.put("cash", List.of("location", "day", "month", "cashier"));
        g.put("documents", List.of("status", "kind", "location", "rejection"));
        g.put("stock", List.of("warehouse", "category", "location"));
        g.put("rotation", List.of("item", "category"));
        g.put("expiring", List.of("lot", "item", "warehouse"));
        g.put("wastage", List.of("reason", "item", "location"));
        g.put("purchases", List.of("supplier", "location", "month"));
        return g;
    }

    @PostConstruct
    void init() {
        to = LocalDate.now(ReportParams.DEFAULT_ZONE);
        from = to.minusDays(29);
        locationOptions = locations.listVisible().stream().map(l -> new Location(l.getId(), l.getCode(), l.getName()))
                .toList();
    }

    /** Runs the report chosen (also on opening the page, from its {@code r} parameter). */
    public void show() {
        if (!GROUPS.containsKey(report)) {
            report = "sales";
        }
        if (group == null || !GROUPS.get(report).contains(group)) {
            group = GROUPS.get(report).get(0);
        }
        drillKey = null;
        drillRows = List.of();
        result = FacesActions.attempt(() -> compare == null || compare.isBlank() ? reports.run(report, filter())
                : reports.compare(report, filter(), compare));
    }

    public void drill(String key, String label) {
        List<DrillRow> rows = FacesActions.attempt(() -> drills.drill(report, filter(), key));
        drillKey = key;
        drillLabel = label;
        drillRows = rows == null ? List.of() : rows;
    }

    private ReportFilter filter() {
        return new ReportFilter(from, to, locationId, channelApplies() ? channel : null, group,
                report.equals("items") ? order : null, bottom, 20, days);
    }

    /** Payments, cash and documents are not kept by channel. */
    public boolean channelApplies() {
        return List.of("sales", "items", "customers").contains(report);
    }

    /** The query string of the file links: the filters as they are on the page. */
    public String fileQuery() {
        StringBuilder q = new StringBuilder("?from=").append(from).append("&to=").append(to).append("&group=")
                .append(group == null ? "" : group);
        if (locationId != null) {
            q.append("&location=").append(locationId);
        }
        if (channelApplies() && channel != null) {
            q.append("&channel=").append(URLEncoder.encode(channel, StandardCharsets.UTF_8));
        }
        if (report.equals("items")) {
            q.append("&order=").append(order).append("&bottom=").append(bottom);
        }
        if (report.equals("expiring")) {
            q.append("&days=").append(days);
        }
        return q.toString();
    }

    /** Chart.js configuration: a line over time for day/week/month, bars otherwise; the first money column. */
    public String getChart() {
        if (result == null || result.rows().isEmpty()) {
            return null;
        }
        int col = result.chartColumn();
        boolean overTime = List.of("day", "week", "month").contains(result.group());
        var labels = jakarta.json.Json.createArrayBuilder();
        var data = jakarta.json.Json.createArrayBuilder();
        for (ReportResult.Row r : result.rows()) {
            labels.add(r.label() == null ? "" : r.label());
            Object v = r.values().get(col);
            data.add(v instanceof java.math.BigDecimal bd ? bd : new java.math.BigDecimal(String.valueOf(v)));
        }
        String name = io.cuadra.web.shell.Texts.get("reports.col." + result.columns().get(col).key());
        return jakarta.json.Json.createObjectBuilder()
                .add("type", overTime ? "line" : "bar")
                .add("data", jakarta.json.Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                                .add("label", name).add("data", data).add("backgroundColor", "#3B82F6")
                                .add("borderColor", "#1D4ED8").add("fill", false))))
                .add("options", jakarta.json.Json.createObjectBuilder().add("responsive", true)
                        .add("maintainAspectRatio", false).add("indexAxis", overTime ? "x" : "y"))
                .build().toString();
    }

    public List<String> getReportNames() {
        return List.copyOf(GROUPS.keySet());
    }

    public List<String> getGroups() {
        return GROUPS.getOrDefault(report, List.of());
    }

    public List<Location> getLocationOptions() {
        return locationOptions;
    }

    public List<String> getChannels() {
        return List.of("COUNTER", "WHATSAPP", "WEB", "SHOPIFY");
    }

    public ReportResult getResult() {
        return result;
    }

    public String getDrillKey() {
        return drillKey;
    }

    public String getDrillLabel() {
        return drillLabel;
    }

    public List<DrillRow> getDrillRows() {
        return drillRows;
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

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public Long getLocationId() {
        return locationId;
    }

    public void setLocationId(Long locationId) {
        this.locationId = locationId;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getOrder() {
        return order;
    }

    public void setOrder(String order) {
        this.order = order;
    }

    public int getDays() {
        return days;
    }

    public void setDays(int days) {
        this.days = days;
    }

    public boolean isBottom() {
        return bottom;
    }

    public void setBottom(boolean bottom) {
        this.bottom = bottom;
    }

    /** A column's header: its own words, or those of the figure it compares with its earlier value. */
    /** A drill row's channel in words (Mostrador, Shopify…), the code when no word exists. */
    public String channelWord(String channel) {
        return word("reports.channel.", channel);
    }

    /** A drill row's status in words: the order's, the document's or the discrepancy's. */
    public String statusWord(io.cuadra.reports.domain.DrillRow d) {
        return switch (d.kind()) {
            case "ORDER" -> word("orders.status.", d.status());
            case "DOCUMENT" -> word("billing.status.", d.status());
            case "DISCREPANCY" -> word("enum.ClosureDiscrepancy.Status.", d.status());
            default -> d.status();
        };
    }

    private static String word(String prefix, String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String text = io.cuadra.web.shell.Texts.get(prefix + code);
        return text.equals(prefix + code) ? code : text;
    }

    public String header(String key) {
        if (key.endsWith("ChangePercent")) {
            return io.cuadra.web.shell.Texts.get("reports.change", io.cuadra.web.shell.Texts.get("reports.col."
                    + key.substring(0, key.length() - "ChangePercent".length())));
        }
        if (key.endsWith("Before")) {
            return io.cuadra.web.shell.Texts.get("reports.before", io.cuadra.web.shell.Texts.get("reports.col."
                    + key.substring(0, key.length() - "Before".length())));
        }
        return io.cuadra.web.shell.Texts.get("reports.col." + key);
    }

    public String getCompare() {
        return compare;
    }

    public void setCompare(String compare) {
        this.compare = compare;
    }

    public String getAnonymous() {
        return ReportExports.ANONYMOUS;
    }
}
