package sportello.web.api;

import io.javalin.http.Context;
import sportello.ports.in.QueryAnalytics;
import sportello.ports.out.AnalyticsReport;

/** {@code GET /api/analytics?days=N}: the figures of the last N days, today included (30 by default). */
public final class AnalyticsApi {

    static final int DEFAULT_DAYS = 30;

    private final QueryAnalytics analytics;

    public AnalyticsApi(QueryAnalytics analytics) {
        this.analytics = analytics;
    }

    public void get(Context ctx) {
        int days = ConversationApi.intParam(ctx, "days", DEFAULT_DAYS);
        AnalyticsReport report;
        try {
            report = analytics.lastDays(days);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        ctx.json(AnalyticsJson.of(report));
    }
}
