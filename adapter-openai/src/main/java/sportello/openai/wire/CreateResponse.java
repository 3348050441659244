package sportello.openai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The body of {@code POST /responses}. Written with NON_NULL inclusion, because OpenAI answers 400 to fields a
 * model does not support. Chat Completions fields ({@code messages}, {@code max_tokens}, {@code user}) and state
 * chaining ({@code previous_response_id}) have no place here: Sportello resends a windowed history each turn.
 */
record CreateResponse(
        String model,
        String instructions,
        List<InputMessage> input,
        boolean store,
        @JsonProperty("max_output_tokens") int maxOutputTokens,
        Double temperature,
        Reasoning reasoning,
        Map<String, String> metadata,
        @JsonProperty("safety_identifier") String safetyIdentifier,
        @JsonProperty("prompt_cache_key") String promptCacheKey,
        PromptReference prompt) {

    static CreateResponse from(Turn turn) {
        return new CreateResponse(
                turn.model(),
                turn.instructions(),
                turn.input().stream().map(InputMessage::from).toList(),
                false, // keep customer chats out of OpenAI's storage; we hold the transcript ourselves
                turn.maxOutputTokens(),
                turn.temperature(),
                turn.reasoningEffort() == null ? null : new Reasoning(turn.reasoningEffort()),
                new TreeMap<>(turn.metadata()), // sorted: the same turn always serialises the same way
                turn.safetyIdentifier(),
                turn.promptCacheKey(),
                turn.prompt() == null ? null : PromptReference.from(turn.prompt()));
    }

    /** A history item; assistant turns are plain strings, never {@code input_text} parts (400). */
    record InputMessage(String role, String content) {
        static InputMessage from(Turn.Utterance utterance) {
            return new InputMessage(utterance.role().name().toLowerCase(Locale.ROOT), utterance.text());
        }
    }

    record Reasoning(String effort) {}

    record PromptReference(String id, String version, Map<String, String> variables) {
        static PromptReference from(Turn.StoredPrompt prompt) {
            return new PromptReference(prompt.id(), prompt.version(), new TreeMap<>(prompt.variables()));
        }
    }
}
