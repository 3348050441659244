package sportello.openai.wire;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to the Responses API in Sportello's words: what to send, already decided (model family, budget,
 * identifiers). {@link CreateResponse} turns it into the JSON shape. Nullable: {@code temperature} (reasoning
 * models reject it), {@code reasoningEffort} (other models reject it), {@code prompt} (compatibility mode only).
 */
public record Turn(
        String model,
        String instructions,
        List<Utterance> input,
        int maxOutputTokens,
        Double temperature,
        String reasoningEffort,
        Map<String, String> metadata,
        String safetyIdentifier,
        String promptCacheKey,
        StoredPrompt prompt) {

    public Turn {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(instructions, "instructions");
        input = List.copyOf(input);
        metadata = Map.copyOf(metadata);
    }

    /** The same request with only our own instructions, for when the stored prompt is gone. */
    public Turn withoutPrompt() {
        return new Turn(
                model,
                instructions,
                input,
                maxOutputTokens,
                temperature,
                reasoningEffort,
                metadata,
                safetyIdentifier,
                promptCacheKey,
                null);
    }

    /** Who said a line of the history, as the model sees it. */
    public enum Role {
        USER,
        ASSISTANT
    }

    /** One line of the history. */
    public record Utterance(Role role, String text) {
        public Utterance {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
        }
    }

    /** A prompt stored in OpenAI's dashboard; {@code version} null means its current version. */
    public record StoredPrompt(String id, String version, Map<String, String> variables) {
        public StoredPrompt {
            Objects.requireNonNull(id, "id");
            variables = Map.copyOf(variables);
        }
    }
}
