package sportello.web.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import sportello.ports.in.QueryAnalytics;
import sportello.ports.out.AnalyticsReport;
import sportello.web.api.BadRequest;

/** {@code GET /dashboard/analytics} and its CSV export, over a date range (the last 30 days by default). */
public final class AnalyticsRoutes {

    static final int DEFAULT_DAYS = 30;

    private final QueryAnalytics analytics;
    private final Chrome chrome;
    private final ObjectMapper json;

    AnalyticsRoutes(QueryAnalytics analytics, Chrome chrome, ObjectMapper json) {
        this.analytics = analytics;
        this.chrome = chrome;
        this.json = json;
    }

    public void page(Context ctx) {
        var t = chrome.texts(ctx);
        String error = null;
        AnalyticsReport report;
        try {
            report = report(ctx);
        } catch (BadRequest e) {
            error = t.format("analytics.badRange", e.getMessage());
            report = analytics.lastDays(DEFAULT_DAYS);
        }
        var views = new AnalyticsViews(t, chrome.formats(t), json);
        String csvUrl = "/dashboard/analytics.csv?from=" + report.from() + "&to=" + report.to();
        var layout = chrome.layout(ctx, t, t.get("analytics.title"), "analytics", "analytics", null);
        var page = new AnalyticsPage(
                layout,
                report.from().toString(),
                report.to().toString(),
                csvUrl,
                error,
                views.stats(report),
                views.charts(report));
        ctx.render("dashboard/analytics.jte", Map.of("page", page));
    }

    public void csv(Context ctx) {
        var report = report(ctx);
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header(
                "Content-Disposition",
                "attachment; filename=\"sportello-analytics-" + report.from() + "-" + report.to() + ".csv\"");
        ctx.result(AnalyticsCsv.of(report));
    }

    /** Both dates given, one of them (the other follows from 30 days), or none (the last 30 days). */
    private AnalyticsReport report(Context ctx) {
        LocalDate from = date(ctx, "from");
        LocalDate to = date(ctx, "to");
        try {
            if (from == null && to == null) {
                return analytics.lastDays(DEFAULT_DAYS);
            }
            if (to == null) {
                to = LocalDate.ofInstant(chrome.clock().instant(), chrome.zone());
                if (to.isBefore(from)) {
                    to = from;
                }
            }
            if (from == null) {
                from = to.minusDays(DEFAULT_DAYS - 1L);
            }
            return analytics.between(from, to);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
    }

    private static LocalDate date(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + name + "' must be a date like 2026-11-25, got '" + raw + "'");
        }
    }
}
