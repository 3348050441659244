package sportello.domain.conversation;

import java.util.Objects;

/** Identifies one conversation between the business and one customer. */
public record ConversationId(String value) {
    public ConversationId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a conversation id must not be blank");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
