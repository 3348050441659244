package sportello.domain.conversation;

import java.time.Instant;
import java.util.Optional;

/** Whether staff should look at a conversation (handoff asked, agent failed, delivery failed) and why. */
public record Attention(String reason, Instant since) {

    public static final Attention NONE = new Attention(null, null);

    public static Attention needed(String reason, Instant since) {
        if (reason == null || reason.isBlank() || since == null) {
            throw new IllegalArgumentException("attention needs a reason and a time");
        }
        return new Attention(reason, since);
    }

    public boolean isNeeded() {
        return reason != null;
    }

    public Optional<String> reasonValue() {
        return Optional.ofNullable(reason);
    }
}
