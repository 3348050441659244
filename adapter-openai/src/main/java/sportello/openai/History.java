package sportello.openai;

import java.util.ArrayList;
import java.util.List;
import sportello.domain.conversation.Conversation;
import sportello.domain.conversation.DeliveryState;
import sportello.domain.conversation.Direction;
import sportello.domain.conversation.Message;
import sportello.openai.wire.Turn;

/**
 * The conversation as the model reads it: the last messages with text, oldest first. Sportello is stateless
 * towards OpenAI, so the window is resent on every turn and only grows at the end, which keeps the cached prefix.
 */
final class History {

    static final String STAFF_PREFIX = "[Staff] ";

    private History() {}

    static List<Turn.Utterance> of(Conversation conversation, int window) {
        List<Turn.Utterance> lines = new ArrayList<>();
        for (Message message : conversation.messages()) {
            if (answerable(message)) {
                lines.add(utterance(message));
            }
        }
        return List.copyOf(lines.subList(Math.max(0, lines.size() - window), lines.size()));
    }

    /**
     * Reactions and system notices carry nothing to answer, and an empty text would be a 400. A reply that failed
     * to reach the customer is left out: the model must not build on words the customer never read.
     */
    private static boolean answerable(Message message) {
        return message.kind().startsAgentTurn()
                && !message.text().isBlank()
                && !(message.direction() == Direction.OUT && message.delivery().state() == DeliveryState.FAILED);
    }

    /** Staff replies are assistant turns too; the prefix lets the model tell them from its own. */
    private static Turn.Utterance utterance(Message message) {
        return switch (message.author()) {
            case CUSTOMER -> new Turn.Utterance(Turn.Role.USER, message.text());
            case BOT -> new Turn.Utterance(Turn.Role.ASSISTANT, message.text());
            case STAFF -> new Turn.Utterance(Turn.Role.ASSISTANT, STAFF_PREFIX + message.text());
        };
    }
}
