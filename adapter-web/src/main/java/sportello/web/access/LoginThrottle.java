package sportello.web.access;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Slows password guessing: after {@link #MAX_FAILURES} failed logins for one username from one address within
 * {@link #WINDOW}, further tries are refused (without checking the password) until the oldest failure is older
 * than the window.
 */
final class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Map<String, Deque<Instant>> failures = new HashMap<>();
    private final InstantSource clock;

    LoginThrottle(InstantSource clock) {
        this.clock = clock;
    }

    /** How long this username and address must wait before trying again; empty when they may try now. */
    synchronized Optional<Duration> waitFor(String username, String address) {
        Instant now = clock.instant();
        var recent = recent(key(username, address), now);
        if (recent == null || recent.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, recent.peekFirst().plus(WINDOW)));
    }

    synchronized void failed(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > 10_000) {
            failures.values().removeIf(list -> trim(list, now).isEmpty());
        }
        failures.computeIfAbsent(key(username, address), k -> new ArrayDeque<>())
                .addLast(now);
    }

    synchronized void succeeded(String username, String address) {
        failures.remove(key(username, address));
    }

    /** The failures still inside the window, oldest first; null (and forgotten) when there are none. */
    private Deque<Instant> recent(String key, Instant now) {
        var list = failures.get(key);
        if (list == null) {
            return null;
        }
        if (trim(list, now).isEmpty()) {
            failures.remove(key);
            return null;
        }
        return list;
    }

    private static Deque<Instant> trim(Deque<Instant> list, Instant now) {
        while (!list.isEmpty() && !now.isBefore(list.peekFirst().plus(WINDOW))) {
            list.removeFirst();
        }
        return list;
    }

    private static String key(String username, String address) {
        return (username == null ? "" : username.strip().toLowerCase(Locale.ROOT)) + "\u0000" + address;
    }
}
