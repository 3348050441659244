package sportello.ports.out;

import java.time.Instant;

/** Driven port: forgets what is older than the business keeps. */
public interface Retention {

    /**
     * Deletes messages (and their status reports and raw deliveries) older than {@code before}; conversations and
     * profiles stay. Returns how many messages were deleted.
     */
    int deleteMessagesBefore(Instant before);
}
