package sportello.ports.out;

import java.time.Instant;
import sportello.domain.conversation.Conversation;
import sportello.domain.profile.ProfileSchema;

/** Driven port: proposes the bot's answer to the conversation as it stands. */
public interface ReplyAgent {

    Answer answer(Conversation conversation, ProfileSchema schema, Instant now);

    sealed interface Answer {

        record Reply(String text) implements Answer {}

        /** No answer could be produced; {@code critical} when only a person can fix it (key, quota). */
        record Unavailable(String reason, boolean critical) implements Answer {}
    }
}
