package sportello.ports.usecase;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import sportello.ports.out.Metrics;
import sportello.ports.out.Usage;

/**
 * Remembers when the last webhook arrived and the last send succeeded, and how many sends failed since, while
 * passing every measurement on to the real metrics. The health checks read it to notice silence and failing sends.
 */
public final class RecentActivity implements Metrics {

    private final Metrics next;
    private final InstantSource clock;
    private final Instant startedAt;
    private final AtomicReference<Instant> lastWebhook = new AtomicReference<>();
    private final AtomicReference<Instant> lastSend = new AtomicReference<>();
    private final AtomicInteger failedSendsInARow = new AtomicInteger();
    private final AtomicReference<String> lastSendOutcome = new AtomicReference<>("");
    private final AtomicReference<Instant> lastAnswer = new AtomicReference<>();
    private final AtomicInteger failedTurnsInARow = new AtomicInteger();

    public RecentActivity(Metrics next, InstantSource clock) {
        this.next = next;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    @Override
    public void webhook(String outcome, int newMessages) {
        if (!"rejected".equals(outcome)) {
            lastWebhook.set(clock.instant());
        }
        next.webhook(outcome, newMessages);
    }

    @Override
    public void send(String outcome) {
        lastSendOutcome.set(outcome);
        if ("accepted".equals(outcome)) {
            lastSend.set(clock.instant());
            failedSendsInARow.set(0);
        } else {
            failedSendsInARow.incrementAndGet();
        }
        next.send(outcome);
    }

    @Override
    public void agentTurn(String outcome, Duration latency, List<Usage> usage) {
        if ("reply".equals(outcome)) {
            lastAnswer.set(clock.instant());
            failedTurnsInARow.set(0);
        } else {
            failedTurnsInARow.incrementAndGet();
        }
        next.agentTurn(outcome, latency, usage);
    }

    @Override
    public void processed(Duration sinceReceived) {
        next.processed(sinceReceived);
    }

    public Optional<Instant> lastWebhook() {
        return Optional.ofNullable(lastWebhook.get());
    }

    public Optional<Instant> lastSuccessfulSend() {
        return Optional.ofNullable(lastSend.get());
    }

    public int failedSendsInARow() {
        return failedSendsInARow.get();
    }

    /** Whether the channel's last answer was that it refuses every send (token, account). */
    public boolean sendingBlocked() {
        return "blocked".equals(lastSendOutcome.get());
    }

    public Optional<Instant> lastAnswer() {
        return Optional.ofNullable(lastAnswer.get());
    }

    public int failedTurnsInARow() {
        return failedTurnsInARow.get();
    }

    /** Since when we would have seen a webhook: the last one, or the start when none came yet. */
    Instant quietSince() {
        return lastWebhook().orElse(startedAt);
    }

    static String ago(Optional<Instant> at, Instant now) {
        if (at.isEmpty()) {
            return "none since start";
        }
        long seconds = Math.max(0, Duration.between(at.get(), now).toSeconds());
        if (seconds < 120) {
            return seconds + " s ago";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min ago";
        }
        return seconds / 3600 + " h ago";
    }
}
