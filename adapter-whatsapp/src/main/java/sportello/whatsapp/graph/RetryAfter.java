package sportello.whatsapp.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Reads a {@code Retry-After} header (seconds or an HTTP date); absent or unreadable means no hint. */
public final class RetryAfter {

    private RetryAfter() {}

    public static Duration parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Duration.ZERO;
        }
        String value = header.strip();
        try {
            return nonNegative(Duration.ofSeconds(Long.parseLong(value)));
        } catch (NumberFormatException e) {
            // not seconds: try the HTTP-date form below
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return nonNegative(Duration.between(now, at));
        } catch (DateTimeParseException e) {
            return Duration.ZERO;
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
