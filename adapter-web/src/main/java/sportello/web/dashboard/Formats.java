package sportello.web.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times and durations as staff read them: in the business's time zone, in the page's language. */
final class Formats {

    private final Texts t;
    private final ZoneId zone;
    private final Instant now;
    private final DateTimeFormatter timeOfDay;
    private final DateTimeFormatter dayAndTime;
    private final DateTimeFormatter fullDate;

    Formats(Texts t, ZoneId zone, Instant now) {
        this.t = t;
        this.zone = zone;
        this.now = now;
        var locale = t.language().locale();
        this.timeOfDay = DateTimeFormatter.ofPattern("HH:mm", locale);
        this.dayAndTime = DateTimeFormatter.ofPattern("d MMM HH:mm", locale);
        this.fullDate = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale);
    }

    /** "14:05" today, "3 nov 14:05" this year, "3 nov 2025 14:05" before. */
    String when(Instant at) {
        if (at == null) {
            return "";
        }
        var local = at.atZone(zone);
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (local.toLocalDate().equals(today)) {
            return timeOfDay.format(local);
        }
        return local.getYear() == today.getYear() ? dayAndTime.format(local) : fullDate.format(local);
    }

    /** The full date and time, for tooltips. */
    String exactly(Instant at) {
        return at == null ? "" : fullDate.format(at.atZone(zone));
    }

    /** "5 h 12 min", "12 min", "less than a minute". */
    String duration(Duration d) {
        long minutes = d.toMinutes();
        if (minutes < 1) {
            return t.get("duration.underMinute");
        }
        long hours = minutes / 60;
        long rest = minutes % 60;
        if (hours == 0) {
            return t.format("duration.minutes", rest);
        }
        return rest == 0 ? t.format("duration.hours", hours) : t.format("duration.hoursMinutes", hours, rest);
    }

    String seconds(Double seconds) {
        if (seconds == null) {
            return "—";
        }
        long whole = Math.round(seconds);
        if (whole < 60) {
            return t.format("duration.seconds", whole);
        }
        if (whole < 3600 && whole % 60 != 0) {
            return t.format("duration.minutesSeconds", whole / 60, whole % 60);
        }
        return duration(Duration.ofSeconds(whole));
    }
}
