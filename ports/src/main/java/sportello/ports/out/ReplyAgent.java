package sportello.ports.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import sportello.domain.conversation.Conversation;
import sportello.domain.profile.ProfileSchema;

/** Driven port: proposes the bot's answer to the conversation as it stands, using the tools it is given. */
public interface ReplyAgent {

    Answer answer(Conversation conversation, ProfileSchema schema, Instant now, AgentTools tools);

    sealed interface Answer {

        /** The text to send, and what producing it consumed (empty for agents that call no model). */
        record Reply(String text, List<Usage> usage) implements Answer {
            public Reply {
                Objects.requireNonNull(text, "text");
                usage = List.copyOf(usage);
            }

            public Reply(String text) {
                this(text, List.of());
            }
        }

        /** No answer could be produced; {@code critical} when only a person can fix it (key, quota). */
        record Unavailable(String reason, boolean critical, List<Usage> usage) implements Answer {
            public Unavailable {
                usage = List.copyOf(usage);
            }

            public Unavailable(String reason, boolean critical) {
                this(reason, critical, List.of());
            }
        }
    }
}
