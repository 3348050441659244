package sportello.ports.out;

import java.time.LocalDate;
import java.time.ZoneId;

/** Driven port: figures over a range of days, counted in the business's time zone. */
public interface Analytics {

    /** Days {@code from} to {@code to}, both included. */
    AnalyticsReport report(LocalDate from, LocalDate to, ZoneId zone);
}
