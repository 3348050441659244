package sportello.whatsapp.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when the test says so: pacing is tested without waiting. */
final class TestClock implements InstantSource {

    private Instant now = Instant.parse("2026-11-25T10:00:00Z");

    @Override
    public synchronized Instant instant() {
        return now;
    }

    synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }
}
