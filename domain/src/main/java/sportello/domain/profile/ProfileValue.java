package sportello.domain.profile;

import java.time.Instant;
import java.util.Objects;

/** A stored profile value and where it came from: the message it was read from, or the staff member who set it. */
public record ProfileValue(String value, String source, Instant recordedAt) {
    public ProfileValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(recordedAt, "recordedAt");
    }
}
