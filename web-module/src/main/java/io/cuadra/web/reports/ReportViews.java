package io.cuadra.web.reports;

import io.cuadra.reports.application.ReportDashboard;
import io.cuadra.reports.domain.AlertRule;
import io.cuadra.reports.domain.DrillRow;
import io.cuadra.web.platform.Amount;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What the reports API serves: the application's records with their money marked {@link Amount}, so net sales,
 * a drilled row's amount and a sales threshold are decimal strings at the tenant currency's digits like every
 * other amount of the API. Schema names are the ones the contract already published.
 */
public final class ReportViews {

    private ReportViews() {
    }

    @Schema(name = "LocationDay")
    public record LocationDayView(long locationId, String code, LocalDate day, @Amount BigDecimal net, long orders,
                                  @Amount BigDecimal lastWeekNet, long lastWeekOrders, long daysToClose) {
        static LocationDayView of(ReportDashboard.LocationDay d) {
            return new LocationDayView(d.locationId(), d.code(), d.day(), d.net(), d.orders(), d.lastWeekNet(),
                    d.lastWeekOrders(), d.daysToClose());
        }
    }

    @Schema(name = "Accounting")
    public record AccountingView(
            @Schema(type = SchemaType.ARRAY, implementation = LocationDayView.class) List<LocationDayView> locations,
            @Schema(type = SchemaType.ARRAY, implementation = ReportDashboard.DocumentState.class)
            List<ReportDashboard.DocumentState> documents) {
        static AccountingView of(ReportDashboard.Accounting a) {
            return new AccountingView(a.locations().stream().map(LocationDayView::of).toList(), a.documents());
        }
    }

    @Schema(name = "DrillRow")
    public record DrillRowView(String kind, long id, String number, String locationCode, LocalDate day,
                               String channel, String who, @Amount BigDecimal amount, String status) {
        static DrillRowView of(DrillRow r) {
            return new DrillRowView(r.kind(), r.id(), r.number(), r.locationCode(), r.day(), r.channel(), r.who(),
                    r.amount(), r.status());
        }
    }

    /** A sales threshold is money; a discrepancy threshold is a count, written the same way ("3.00", "3" in CLP). */
    @Schema(name = "AlertRule")
    public record AlertRuleView(long id, long locationId, String locationCode,
                                String kind,
                                @Amount BigDecimal threshold, LocalTime checkAt, boolean active,
                                LocalDate lastRaisedOn) {
        static AlertRuleView of(AlertRule r) {
            return new AlertRuleView(r.id(), r.locationId(), r.locationCode(), r.kind(), r.threshold(), r.checkAt(),
                    r.active(), r.lastRaisedOn());
        }

        static List<AlertRuleView> of(List<AlertRule> rules) {
            return rules.stream().map(AlertRuleView::of).toList();
        }
    }
}
