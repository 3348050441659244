package sportello.web.access;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Staff sessions, kept in memory (a restart logs everyone out). The id is 256 random bits known only to the
 * browser's cookie; the map holds its SHA-256, so not even a heap dump yields a usable id. A session ends after
 * {@link #IDLE_TIMEOUT} without requests.
 */
final class Sessions {

    static final Duration IDLE_TIMEOUT = Duration.ofHours(12);

    /** A logged-in member of staff: the cookie value, who it is, and the CSRF token of their forms. */
    record Session(String id, String username, String csrfToken) {}

    private record Entry(Session session, Instant lastSeen) {}

    private final Map<String, Entry> byHashedId = new ConcurrentHashMap<>();
    private final InstantSource clock;

    Sessions(InstantSource clock) {
        this.clock = clock;
    }

    Session start(String username) {
        Instant now = clock.instant();
        byHashedId.values().removeIf(entry -> expired(entry, now));
        var session = new Session(Tokens.random(), username, Tokens.random());
        byHashedId.put(key(session.id()), new Entry(session, now));
        return session;
    }

    /** The live session with this id, its idle time restarted; empty if unknown or expired. */
    Optional<Session> resume(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String key = key(id);
        Instant now = clock.instant();
        Entry entry = byHashedId.computeIfPresent(key, (k, e) -> expired(e, now) ? null : new Entry(e.session(), now));
        return Optional.ofNullable(entry).map(Entry::session);
    }

    void end(String id) {
        if (id != null) {
            byHashedId.remove(key(id));
        }
    }

    private static boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.lastSeen().plus(IDLE_TIMEOUT));
    }

    private static String key(String id) {
        return HexFormat.of().formatHex(Tokens.sha256(id));
    }
}
