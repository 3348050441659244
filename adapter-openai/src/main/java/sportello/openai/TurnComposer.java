package sportello.openai;

import java.util.List;
import java.util.Map;
import sportello.domain.conversation.Conversation;
import sportello.openai.wire.Turn;

/**
 * Decides what the first request of a turn carries: model options by family, identifiers, tools, and the stored
 * prompt if configured. Follow-up requests of the function-calling loop repeat it and only add at the end.
 */
final class TurnComposer {

    /**
     * With {@code store: false} a reasoning item can only go back to OpenAI with its encrypted content: sent by
     * id alone, it is a 404 (items are not persisted), and a call replayed without its reasoning loses the thread.
     */
    static final String ENCRYPTED_REASONING = "reasoning.encrypted_content";

    private final OpenAiSettings settings;
    private final boolean reasoning;

    TurnComposer(OpenAiSettings settings) {
        this.settings = settings;
        this.reasoning = ModelFamily.isReasoning(settings.model());
    }

    Turn compose(
            Conversation conversation,
            List<Turn.Utterance> history,
            String instructions,
            Map<String, String> variables,
            List<Turn.Tool> tools) {
        return new Turn(
                settings.model(),
                instructions, // sent even with a stored prompt: it is never inherited, and it is our fallback
                history,
                tools,
                Turn.ToolChoice.AUTO,
                List.of(),
                reasoning
                        ? Math.max(settings.maxOutputTokens(), ModelFamily.REASONING_MIN_OUTPUT_TOKENS)
                        : settings.maxOutputTokens(),
                reasoning ? null : ModelFamily.TEMPERATURE,
                reasoning ? ModelFamily.REASONING_EFFORT : null,
                reasoning ? List.of(ENCRYPTED_REASONING) : List.of(),
                Map.of(
                        "sportello_business", settings.businessId(),
                        "sportello_conversation", conversation.id().value()),
                SafetyIdentifier.of(
                        settings.businessId(), conversation.customer().key().value()),
                "sportello:" + settings.businessId(),
                settings.promptId() == null
                        ? null
                        : new Turn.StoredPrompt(settings.promptId(), settings.promptVersion(), variables));
    }
}
