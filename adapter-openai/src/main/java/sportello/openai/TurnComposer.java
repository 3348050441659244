package sportello.openai;

import java.util.List;
import java.util.Map;
import sportello.domain.conversation.Conversation;
import sportello.openai.wire.Turn;

/** Decides what one request carries: model options by family, identifiers, and the stored prompt if configured. */
final class TurnComposer {

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
            Map<String, String> variables) {
        return new Turn(
                settings.model(),
                instructions, // sent even with a stored prompt: it is never inherited, and it is our fallback
                history,
                reasoning
                        ? Math.max(settings.maxOutputTokens(), ModelFamily.REASONING_MIN_OUTPUT_TOKENS)
                        : settings.maxOutputTokens(),
                reasoning ? null : ModelFamily.TEMPERATURE,
                reasoning ? ModelFamily.REASONING_EFFORT : null,
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
