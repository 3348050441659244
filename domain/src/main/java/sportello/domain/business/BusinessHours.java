package sportello.domain.business;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/** The business's opening hours in its own time zone; {@link #UNKNOWN} when none are configured or readable. */
public record BusinessHours(Optional<OpeningHours> hours, ZoneId zone) {

    public static final BusinessHours UNKNOWN = new BusinessHours(Optional.empty(), ZoneId.of("UTC"));

    public BusinessHours {
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(zone, "zone");
    }

    /** The opening hours, when they are known and the business is closed at {@code now}. */
    public Optional<OpeningHours> closedAt(Instant now) {
        return hours.filter(h -> !h.isOpenAt(now.atZone(zone)));
    }
}
