package sportello.openai.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One request to the Responses API in Sportello's words: what to send, already decided (model family, budget,
 * identifiers, tools). {@link CreateResponse} turns it into the JSON shape. Nullable: {@code temperature}
 * (reasoning models reject it), {@code reasoningEffort} (other models reject it), {@code prompt} (compatibility
 * mode only). {@code exchanges} are the function-calling rounds of this turn so far, sent after the history.
 */
public record Turn(
        String model,
        String instructions,
        List<Utterance> input,
        List<Tool> tools,
        ToolChoice toolChoice,
        List<Exchange> exchanges,
        int maxOutputTokens,
        Double temperature,
        String reasoningEffort,
        List<String> include,
        Map<String, String> metadata,
        String safetyIdentifier,
        String promptCacheKey,
        StoredPrompt prompt) {

    public Turn {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(instructions, "instructions");
        Objects.requireNonNull(toolChoice, "toolChoice");
        input = List.copyOf(input);
        tools = List.copyOf(tools);
        exchanges = List.copyOf(exchanges);
        include = List.copyOf(include);
        metadata = Map.copyOf(metadata);
    }

    /** The same request with only our own instructions, for when the stored prompt is gone. */
    public Turn withoutPrompt() {
        return copy(tools, toolChoice, exchanges, include, null);
    }

    /** The follow-up request: the same prefix, then every round of calls and results so far. */
    public Turn continued(List<Exchange> newExchanges, ToolChoice newToolChoice) {
        return copy(tools, newToolChoice, newExchanges, include, prompt);
    }

    /** True when the model may search the business's documents in this request. */
    public boolean searchesFiles() {
        return tools.stream().anyMatch(Tool.FileSearch.class::isInstance);
    }

    /**
     * The same request without {@code file_search}, for when the vector store let us down: the tool is gone, and
     * so are the search items of earlier rounds, which would otherwise go back for a tool the request no longer has.
     */
    public Turn withoutFileSearch() {
        return copy(
                tools.stream()
                        .filter(tool -> !(tool instanceof Tool.FileSearch))
                        .toList(),
                toolChoice,
                exchanges.stream().map(Exchange::withoutFileSearch).toList(),
                include.stream()
                        .filter(name -> !name.startsWith("file_search_call"))
                        .toList(),
                prompt);
    }

    /** This request with the parts that change between attempts and rounds replaced; the rest stays as it is. */
    private Turn copy(
            List<Tool> newTools,
            ToolChoice newToolChoice,
            List<Exchange> newExchanges,
            List<String> newInclude,
            StoredPrompt newPrompt) {
        return new Turn(
                model,
                instructions,
                input,
                newTools,
                newToolChoice,
                newExchanges,
                maxOutputTokens,
                temperature,
                reasoningEffort,
                newInclude,
                metadata,
                safetyIdentifier,
                promptCacheKey,
                newPrompt);
    }

    /** Who said a line of the history, as the model sees it; {@code DEVELOPER} is Sportello's own note. */
    public enum Role {
        USER,
        ASSISTANT,
        DEVELOPER
    }

    /**
     * One line of the history; {@code images} are photos the customer sent with it, shown to the model beside the
     * text. Only customer lines carry them: an assistant turn with image parts is a 400 (reference §4).
     */
    public record Utterance(Role role, String text, List<Image> images) {
        public Utterance {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
            images = List.copyOf(images);
            if (!images.isEmpty() && role != Role.USER) {
                throw new IllegalArgumentException("only customer lines carry images, not " + role);
            }
        }

        public Utterance(Role role, String text) {
            this(role, text, List.of());
        }

        public Utterance withText(String newText) {
            return new Utterance(role, newText, images);
        }

        public Utterance withImage(Image image) {
            var more = new ArrayList<>(images);
            more.add(image);
            return new Utterance(role, text, more);
        }
    }

    /** A photo as the model receives it: its type ({@code image/jpeg}, ...) and its bytes in base64. */
    public record Image(String mimeType, String base64) {
        public Image {
            Objects.requireNonNull(mimeType, "mimeType");
            Objects.requireNonNull(base64, "base64");
        }

        /** {@code data:<type>;base64,<bytes>}, the form {@code input_image} takes a file in without an upload. */
        public String dataUrl() {
            return "data:" + mimeType + ";base64," + base64;
        }

        /** Megabytes of base64 have no place in a log line. */
        @Override
        public String toString() {
            return "Image[" + mimeType + ", " + base64.length() + " base64 characters]";
        }
    }

    /** {@code AUTO}: the model decides; {@code NONE}: it must answer in text (the last round). */
    public enum ToolChoice {
        AUTO,
        NONE
    }

    /** What the model may use; the list order is the order on the wire, which must never change (caching). */
    public sealed interface Tool {

        /**
         * A function with a strict schema: an object of the given parameters, every one required, no others.
         * A nullable parameter is how a strict schema says "optional".
         */
        record Function(String name, String description, List<Parameter> parameters) implements Tool {
            public Function {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(description, "description");
                parameters = List.copyOf(parameters);
            }
        }

        /** OpenAI's hosted search over a vector store; it runs inside the response, with no round of ours. */
        record FileSearch(String vectorStoreId, int maxResults) implements Tool {
            public FileSearch {
                Objects.requireNonNull(vectorStoreId, "vectorStoreId");
            }
        }
    }

    /** One string parameter of a function. */
    public record Parameter(String name, String description, boolean nullable) {
        public Parameter {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    /** One round: the response's items as returned, then one output per call. */
    public record Exchange(Replay replay, List<CallOutput> outputs) {
        public Exchange {
            Objects.requireNonNull(replay, "replay");
            outputs = List.copyOf(outputs);
        }

        public Exchange withoutFileSearch() {
            return new Exchange(replay.withoutFileSearch(), outputs);
        }
    }

    /** The result of one call, matched to it by {@code callId}. */
    public record CallOutput(String callId, String output) {
        public CallOutput {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(output, "output");
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
