package sportello.sqlite;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import sportello.sql.Timestamps;

/**
 * Calendar days in a time zone as UTC bounds: day {@code i} runs from {@code bounds[i]} (included) to
 * {@code bounds[i + 1]} (excluded), so a 23- or 25-hour day around a DST change is still one day.
 */
record Days(List<LocalDate> dates, List<Instant> bounds) {

    /**
     * The days as a common table expression {@code day(day, start_at, end_at)}, {@code day} being the index into
     * {@link #dates()}; bind {@code :bounds} to {@link #boundsJson()}. One parameter for any number of days.
     */
    static final String CTE = "WITH bound AS (SELECT key AS day, value AS start_at,"
            + " lead(value) OVER (ORDER BY key) AS end_at FROM json_each(:bounds)),"
            + " day AS (SELECT day, start_at, end_at FROM bound WHERE end_at IS NOT NULL) ";

    static Days of(LocalDate from, LocalDate to, ZoneId zone) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range starts (" + from + ") after it ends (" + to + ")");
        }
        var dates = from.datesUntil(to.plusDays(1)).toList();
        var bounds = from.datesUntil(to.plusDays(2))
                .map(date -> date.atStartOfDay(zone).toInstant())
                .toList();
        return new Days(dates, bounds);
    }

    String start() {
        return Timestamps.text(bounds.getFirst());
    }

    String end() {
        return Timestamps.text(bounds.getLast());
    }

    /** Timestamps hold only digits and {@code -:.TZ}, so they need no JSON escaping. */
    String boundsJson() {
        return bounds.stream().map(b -> '"' + Timestamps.text(b) + '"').collect(Collectors.joining(",", "[", "]"));
    }
}
