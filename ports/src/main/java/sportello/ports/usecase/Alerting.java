package sportello.ports.usecase;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.ports.in.RaiseAlert;
import sportello.ports.out.Alert;
import sportello.ports.out.AlertSink;

/**
 * Turns a stream of "this is broken" calls into few, useful alerts: one per condition until it clears (a reminder
 * after {@code remindAfter} if it persists), a "resolved" alert when it does, and never more than
 * {@code maxPerHour} in total so an outage cannot flood the operator. Every raise is logged at ERROR anyway.
 */
public final class Alerting implements RaiseAlert {

    private static final Logger log = LoggerFactory.getLogger(Alerting.class);

    private final List<AlertSink> sinks;
    private final InstantSource clock;
    private final Duration remindAfter;
    private final int maxPerHour;
    private final Map<String, Instant> open = new HashMap<>();
    private final Map<String, String> titles = new HashMap<>();
    private final Deque<Instant> sentLastHour = new ArrayDeque<>();

    public Alerting(List<AlertSink> sinks, InstantSource clock, Duration remindAfter, int maxPerHour) {
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.remindAfter = remindAfter;
        this.maxPerHour = maxPerHour;
    }

    @Override
    public void raise(String key, String title, String detail) {
        Alert alert;
        synchronized (this) {
            Instant now = clock.instant();
            Instant lastSent = open.get(key);
            boolean due = lastSent == null || !now.isBefore(lastSent.plus(remindAfter));
            if (!due) {
                return;
            }
            log.error("ALERT {}: {} — {}", key, title, detail);
            if (!withinRateLimit(now)) {
                log.warn("Alert {} not sent: more than {} alerts in the last hour", key, maxPerHour);
                return;
            }
            open.put(key, now);
            titles.put(key, title);
            alert = new Alert(key, title, detail, false, now);
        }
        deliver(alert);
    }

    @Override
    public void resolve(String key) {
        Alert alert;
        synchronized (this) {
            if (open.remove(key) == null) {
                return;
            }
            Instant now = clock.instant();
            log.info("RESOLVED {}", key);
            alert = new Alert(key, "Resolved: " + titles.remove(key), "", true, now);
            withinRateLimit(now); // resolutions count but are never dropped: they close what was opened
        }
        deliver(alert);
    }

    private boolean withinRateLimit(Instant now) {
        while (!sentLastHour.isEmpty() && sentLastHour.peekFirst().isBefore(now.minus(Duration.ofHours(1)))) {
            sentLastHour.pollFirst();
        }
        if (sentLastHour.size() >= maxPerHour) {
            return false;
        }
        sentLastHour.addLast(now);
        return true;
    }

    private void deliver(Alert alert) {
        for (AlertSink sink : sinks) {
            try {
                sink.deliver(alert);
            } catch (RuntimeException e) {
                log.warn("Alert {} could not be delivered: {}", alert.key(), e.getMessage());
            }
        }
    }
}
