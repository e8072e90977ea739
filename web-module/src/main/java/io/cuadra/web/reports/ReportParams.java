package io.cuadra.web.reports;

import io.cuadra.reports.domain.ReportFilter;
import io.cuadra.web.platform.ApiParameters;
import jakarta.servlet.http.HttpServletRequest;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A report's filter from its typed parameters (REST reads them through {@link ApiParameters}; the back-office file
 * links through {@link #filter(HttpServletRequest)} by the same rule). Channel, group and order are closed sets
 * ({@link ReportChoices}); which group a report takes is the report's rule.
 */
final class ReportParams {

    /** Without a period, the last 30 days up to today in Lima (the demo's and most tenants' zone). */
    static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Lima");

    private ReportParams() {
    }

    /** @param days how far ahead the expiring-lots report looks (30 when not given) */
    static ReportFilter filter(LocalDate from, LocalDate to, Long location, ReportChoices.ReportChannel channel,
                               ReportChoices.ReportGroup group, ReportChoices.ReportOrder order, Boolean bottom, Integer limit,
                               Integer days) {
        LocalDate end = to == null ? LocalDate.now(DEFAULT_ZONE) : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        return new ReportFilter(start, end, location, ReportChoices.word(channel), ReportChoices.word(group),
                ReportChoices.word(order), Boolean.TRUE.equals(bottom), limit == null ? 20 : limit,
                days == null ? ReportFilter.DEFAULT_DAYS : Math.max(-1, days));
    }

    /** The same filter from a servlet request's parameters; a value that is not one is a {@code BadParameter}. */
    static ReportFilter filter(HttpServletRequest request) {
        return filter(ApiParameters.value("from", LocalDate.class, request.getParameter("from")),
                ApiParameters.value("to", LocalDate.class, request.getParameter("to")),
                ApiParameters.value("location", Long.class, request.getParameter("location")),
                ApiParameters.value("channel", ReportChoices.ReportChannel.class, request.getParameter("channel")),
                ApiParameters.value("group", ReportChoices.ReportGroup.class, request.getParameter("group")),
                ApiParameters.value("order", ReportChoices.ReportOrder.class, request.getParameter("order")),
                ApiParameters.value("bottom", Boolean.class, request.getParameter("bottom")),
                ApiParameters.value("limit", Integer.class, request.getParameter("limit")),
                ApiParameters.value("days", Integer.class, request.getParameter("days")));
    }
}
