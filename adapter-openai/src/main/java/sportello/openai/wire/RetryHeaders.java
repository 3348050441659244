package sportello.openai.wire;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import okhttp3.Response;

/** Reads the retry hints from an error response; a header that cannot be read counts as absent. */
final class RetryHeaders {

    private RetryHeaders() {}

    static RetryHint of(Response response) {
        return new RetryHint(delay(response), shouldRetry(response.header("x-should-retry")));
    }

    /** The millisecond header is the more precise one, so it wins over {@code Retry-After}. */
    private static Duration delay(Response response) {
        Duration millis = millis(response.header("retry-after-ms"));
        if (millis != null) {
            return millis;
        }
        return retryAfter(response.header("Retry-After"), Instant.ofEpochMilli(response.receivedResponseAtMillis()));
    }

    private static Duration millis(String value) {
        if (value == null) {
            return null;
        }
        try {
            double ms = Double.parseDouble(value.strip());
            return ms >= 0 && Double.isFinite(ms) ? Duration.ofNanos((long) (ms * 1_000_000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Seconds (possibly fractional) or an HTTP date. */
    private static Duration retryAfter(String value, Instant received) {
        if (value == null) {
            return null;
        }
        try {
            double seconds = Double.parseDouble(value.strip());
            return seconds >= 0 && Double.isFinite(seconds) ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                Duration wait = Duration.between(received, at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    private static Boolean shouldRetry(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }
}
