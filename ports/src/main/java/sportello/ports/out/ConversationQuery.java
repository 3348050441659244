package sportello.ports.out;

import java.time.Instant;
import java.util.Objects;
import sportello.domain.conversation.Mode;

/**
 * Which conversations to list: a free-text search over name, phone, user id, e-mail and order number, optional
 * filters (null means "any"), and a page. {@code now} decides whether a 24-hour window is still open.
 */
public record ConversationQuery(
        String search,
        boolean needsAttentionOnly,
        Boolean profileComplete,
        Mode mode,
        Boolean windowOpen,
        Instant now,
        int limit,
        int offset) {

    public static final int MAX_LIMIT = 500;

    public ConversationQuery {
        Objects.requireNonNull(now, "now");
        search = search == null || search.isBlank() ? null : search.strip();
        limit = Math.clamp(limit, 1, MAX_LIMIT);
        offset = Math.max(offset, 0);
    }

    public static ConversationQuery page(Instant now, int limit, int offset) {
        return new ConversationQuery(null, false, null, null, null, now, limit, offset);
    }
}
