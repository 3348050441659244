package sportello.openai.offline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.domain.profile.FieldDefinition;
import sportello.domain.profile.ProfileSchema;
import sportello.domain.profile.ProfileValue;
import sportello.ports.out.AgentTools;
import sportello.ports.out.ReplyAgent;

/**
 * The agent used when no OpenAI key is configured: it greets, hands the chat to staff when the customer asks for
 * a person, answers from the business's {@link FaqFile} when a question matches, asks for the missing profile
 * fields one at a time in the customer's language, and thanks the customer once the profile is complete. The
 * domain reads profile values from every message, so this agent only has to ask. It keeps the demo and every
 * test of the rest of Sportello independent of OpenAI.
 */
public final class OfflineReplyAgent implements ReplyAgent {

    private static final Logger log = LoggerFactory.getLogger(OfflineReplyAgent.class);

    private final String businessName;
    private final FaqFile faq;

    public OfflineReplyAgent(String businessName) {
        this(businessName, FaqFile.none());
    }

    public OfflineReplyAgent(String businessName, FaqFile faq) {
        this.businessName = Objects.requireNonNull(businessName, "businessName");
        this.faq = Objects.requireNonNull(faq, "faq");
    }

    @Override
    public Answer answer(Conversation conversation, ProfileSchema schema, Instant now, AgentTools tools) {
        String text = lastCustomerText(conversation);
        var phrases = Phrases.of(CustomerLanguage.of(text));
        String greeting = isFirstCustomerMessage(conversation) ? phrases.greeting(businessName) + " " : "";
        if (HandoffRequest.isIn(text)) {
            var result = tools.requestHandoff(phrases.handoffReason(text));
            if (!result.ok()) {
                log.warn("Handoff refused in conversation {}: {}", conversation.id(), result.summary());
            }
            String said = !result.ok()
                    ? phrases.handoffFailed()
                    : tools.openingHoursWhileClosed()
                            .map(phrases::handedOverWhileClosed)
                            .orElse(phrases.handedOver());
            return new Answer.Reply(greeting + said);
        }
        Optional<String> nextQuestion = nextQuestion(conversation, schema, phrases);
        Optional<String> faqAnswer = faq.answerTo(text);
        if (faqAnswer.isPresent()) {
            return new Answer.Reply(
                    greeting + faqAnswer.get() + nextQuestion.map(q -> " " + q).orElse(""));
        }
        String opening = !greeting.isEmpty()
                ? greeting
                : conversation
                                .profile()
                                .value(ProfileSchema.NAME)
                                .map(ProfileValue::value)
                                .map(phrases::thanksName)
                                .orElse(phrases.thanks())
                        + " ";
        return new Answer.Reply(opening + nextQuestion.orElse(phrases.complete()));
    }

    /** The question for the first missing field, in schema order. */
    private static Optional<String> nextQuestion(Conversation conversation, ProfileSchema schema, Phrases phrases) {
        List<String> missing = conversation.profile().missing(schema);
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String field = missing.getFirst();
        String label = schema.field(field).map(FieldDefinition::label).orElse(field);
        return Optional.of(phrases.ask(field, label));
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
