package sportello.sql;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Instants as stored: fixed-width UTC text with nanoseconds, so they round-trip exactly and compare correctly
 * as strings in SQL ({@code due_at <= :now}, {@code ORDER BY at}).
 */
public final class Timestamps {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private Timestamps() {}

    public static String text(Instant instant) {
        return instant == null ? null : FORMAT.format(instant);
    }

    public static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }
}
