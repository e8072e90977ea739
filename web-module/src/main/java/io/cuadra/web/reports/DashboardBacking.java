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
 * The home page's reports block, by what the role does: the manager (orders:approve) sees per location today's net
 * sales against the same weekday last week (a bar chart that stays readable on a phone); the accountant
 * (billing:export) the days still to close and the tax documents' SUNAT states; anyone else (the clerk) their
 * latest alerts. An administrator sees the first two.
 */
@Named("dashboard")
@RequestScoped
public class DashboardBacking {

    @EJB
    ReportDashboard dashboard;

    @Inject
    PageGuard guard;

    @EJB
    io.cuadra.notifications.application.NotificationHistory notifications;

    private List<LocationDay> days;
    private ReportDashboard.Accounting accounting;
    private List<io.cuadra.notifications.application.NotificationView> alerts;

    public boolean isVisible() {
        return guard.can("reports:view");
    }

    public boolean isManager() {
        return isVisible() && guard.can("orders:approve");
    }

    public boolean isAccountant() {
        return isVisible() && guard.can("billing:export");
    }

    public boolean isClerk() {
        return isVisible() && !isManager() && !isAccountant();
    }

    public ReportDashboard.Accounting getAccounting() {
        if (accounting == null) {
            accounting = isAccountant() ? dashboard.accounting() : new ReportDashboard.Accounting(List.of(), List.of());
        }
        return accounting;
    }

    /** The clerk's latest in-app alerts (threshold, discrepancy, stock...), unread first. */
    public List<io.cuadra.notifications.application.NotificationView> getAlerts() {
        if (alerts == null) {
            alerts = isClerk() ? notifications.myAlerts(false, 5) : List.of();
        }
        return alerts;
    }

    /** Chart.js doughnut of the documents per SUNAT state. */
    public String getSunatChart() {
        if (getAccounting().documents().isEmpty()) {
            return null;
        }
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        JsonArrayBuilder colours = Json.createArrayBuilder();
        for (ReportDashboard.DocumentState d : accounting.documents()) {
            labels.add(Texts.get("billing.status." + d.status()));
            counts.add(d.documents());
            colours.add(switch (d.status()) {
                case "REJECTED" -> "#DC2626";
                case "PENDING", "SENT" -> "#F59E0B";
                default -> "#16A34A";
            });
        }
        return Json.createObjectBuilder().add("type", "doughnut")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("data", counts).add("backgroundColor", colours))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false))
                .build().toString();
    }

    public List<LocationDay> getDays() {
        if (days == null) {
            days = isManager() ? dashboard.today() : List.of();
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
