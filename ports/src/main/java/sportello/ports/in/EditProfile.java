package sportello.ports.in;

import java.util.Map;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.ConversationId;

/** Driving port: staff correct a customer's profile. A blank value clears the field. */
public interface EditProfile {

    Outcome edit(ConversationId conversation, Map<String, String> fields);

    sealed interface Outcome {
        record Saved(Conversation conversation) implements Outcome {}

        /** Nothing was stored; each field that failed, with what is wrong with it. */
        record Invalid(Map<String, String> errors) implements Outcome {}
    }
}
