package sportello.openai;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the agent sleeps, and remembers every sleep: retry tests never really wait. */
final class FakeTime implements Sleeper, InstantSource {

    private Instant now = TestConversations.START;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
