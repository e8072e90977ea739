package io.cuadra.web.reports;

import io.cuadra.reports.application.ReportDashboard;
import io.cuadra.reports.application.ReportDashboard.LocationDay;
import io.cuadra.web.shell.PageGuard;
import io.cuadra.web.shell.Texts;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.util.List;

/**
 * The home page's reports block, from the aggregates: per location today's net sales against the same weekday
 * last week (a bar chart that stays readable on a phone) and the days still to close.
 */
@Named("dashboard")
@RequestScoped
public class DashboardBacking {

    @EJB
    ReportDashboard dashboard;

    @Inject
    PageGuard guard;

    private List<LocationDay> days;

    public boolean isVisible() {
        return guard.can("reports:view");
    }

    public List<LocationDay> getDays() {
        if (days == null) {
            days = isVisible() ? dashboard.today() : List.of();
        }
        return days;
    }

    /** Chart.js: two bars per location, today and a week ago, horizontal so long codes fit a narrow screen. */
    public String getChart() {
        if (getDays().isEmpty()) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder today = Json.createArrayBuilder();
        JsonArrayBuilder before = Json.createArrayBuilder();
        for (LocationDay d : days) {
            labels.add(d.code());
            today.add(d.net());
            before.add(d.lastWeekNet());
        }
        return Json.createObjectBuilder().add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", Texts.get("dashboard.today")).add("data", today)
                                .add("backgroundColor", "#2563EB"))
                        .add(Json.createObjectBuilder().add("label", Texts.get("dashboard.lastWeek")).add("data", before)
                                .add("backgroundColor", "#94A3B8"))))
                .add("options", Json.createObjectBuilder().add("indexAxis", "y").add("responsive", true)
                        .add("maintainAspectRatio", false))
                .build().toString();
    }
}
