package sportello.ports.usecase;

import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import sportello.ports.in.QueryAnalytics;
import sportello.ports.out.Analytics;
import sportello.ports.out.AnalyticsReport;

/** Analytics over whole days in the business's time zone, at most a year at a time. */
public final class QueryingAnalytics implements QueryAnalytics {

    public static final int MAX_DAYS = 366;

    private final Analytics analytics;
    private final InstantSource clock;
    private final ZoneId zone;

    public QueryingAnalytics(Analytics analytics, InstantSource clock, ZoneId zone) {
        this.analytics = analytics;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public AnalyticsReport lastDays(int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be between 1 and " + MAX_DAYS + ", got " + days);
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return analytics.report(today.minusDays(days - 1L), today, zone);
    }

    @Override
    public AnalyticsReport between(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("the range starts (" + from + ") after it ends (" + to + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("choose a range of at most " + MAX_DAYS + " days");
        }
        return analytics.report(from, to, zone);
    }
}
