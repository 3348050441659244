package sportello.openai.offline;

import java.time.Instant;
import java.util.List;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;
import sportello.ports.out.ReplyAgent;

/**
 * The agent used when no OpenAI key is configured: it greets, asks for the missing profile fields one at a time
 * in the customer's language, and thanks the customer once the profile is complete. It keeps the demo and every
 * test of the rest of Sportello independent of OpenAI.
 */
public final class OfflineReplyAgent implements ReplyAgent {

    private final String businessName;

    public OfflineReplyAgent(String businessName) {
        this.businessName = businessName;
    }

    @Override
    public Answer answer(Conversation conversation, ProfileSchema schema, Instant now) {
        var language = CustomerLanguage.of(lastCustomerText(conversation));
        var phrases = Phrases.of(language);
        var missing = conversation.profile().missing(schema);
        var name = conversation.profile().value(ProfileSchema.NAME).map(ProfileValue::value);
        String opening = isFirstCustomerMessage(conversation)
                ? phrases.greeting(businessName) + " "
                : name.map(phrases::thanksName).orElse(phrases.thanks()) + " ";
        if (missing.isEmpty()) {
            return new Answer.Reply(opening + phrases.complete());
        }
        String field = missing.getFirst();
        String label = schema.field(field).map(f -> f.label()).orElse(field);
        return new Answer.Reply(opening + phrases.ask(field, label));
    }

    private static String lastCustomerText(Conversation conversation) {
        List<Message> messages = conversation.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).direction() == Direction.IN) {
                return messages.get(i).text();
            }
        }
        return "";
    }

    private static boolean isFirstCustomerMessage(Conversation conversation) {
        return conversation.messages().stream()
                        .filter(m -> m.direction() == Direction.IN)
                        .count()
                <= 1;
    }
}
