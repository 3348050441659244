package sportello.ports.in;

import java.time.LocalDate;
import sportello.ports.out.AnalyticsReport;

/** Driving port: analytics over a range of days in the business's time zone. */
public interface QueryAnalytics {

    /** The last {@code days} days up to today, included. */
    AnalyticsReport lastDays(int days);

    AnalyticsReport between(LocalDate from, LocalDate to);
}
