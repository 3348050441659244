package sportello.openai.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        List<Object> input,
        List<Object> tools,
        @JsonProperty("tool_choice") String toolChoice,
        @JsonProperty("parallel_tool_calls") Boolean parallelToolCalls,
        boolean store,
        @JsonProperty("max_output_tokens") int maxOutputTokens,
        Double temperature,
        Reasoning reasoning,
        List<String> include,
        Map<String, String> metadata,
        @JsonProperty("safety_identifier") String safetyIdentifier,
        @JsonProperty("prompt_cache_key") String promptCacheKey,
        PromptReference prompt) {

    static CreateResponse from(Turn turn) {
        boolean withTools = !turn.tools().isEmpty();
        return new CreateResponse(
                turn.model(),
                turn.instructions(),
                input(turn),
                withTools ? turn.tools().stream().map(CreateResponse::tool).toList() : null,
                withTools ? turn.toolChoice().name().toLowerCase(Locale.ROOT) : null,
                withTools ? Boolean.TRUE : null,
                false, // keep customer chats out of OpenAI's storage; we hold the transcript ourselves
                turn.maxOutputTokens(),
                turn.temperature(),
                turn.reasoningEffort() == null ? null : new Reasoning(turn.reasoningEffort()),
                turn.include().isEmpty() ? null : turn.include(),
                new TreeMap<>(turn.metadata()), // sorted: the same turn always serialises the same way
                turn.safetyIdentifier(),
                turn.promptCacheKey(),
                turn.prompt() == null ? null : PromptReference.from(turn.prompt()));
    }

    /** The history, then per round the items as returned and one output per call. */
    private static List<Object> input(Turn turn) {
        List<Object> items = new ArrayList<>();
        turn.input().forEach(utterance -> items.add(InputMessage.from(utterance)));
        for (Turn.Exchange exchange : turn.exchanges()) {
            items.addAll(exchange.replay().items());
            exchange.outputs().forEach(output -> items.add(FunctionCallOutput.from(output)));
        }
        return items;
    }

    private static Object tool(Turn.Tool tool) {
        return switch (tool) {
            case Turn.Tool.Function function -> FunctionTool.from(function);
            case Turn.Tool.FileSearch search ->
                new FileSearchTool("file_search", List.of(search.vectorStoreId()), search.maxResults());
        };
    }

    /**
     * A history item. Its content is a plain string, except for a customer line with photos: then an
     * {@code input_text} part and one {@code input_image} part per photo (reference §4). Assistant turns are always
     * plain strings, never {@code input_text} parts (400); {@link Turn.Utterance} keeps images off them.
     */
    record InputMessage(String role, Object content) {
        static InputMessage from(Turn.Utterance utterance) {
            String role = utterance.role().name().toLowerCase(Locale.ROOT);
            if (utterance.images().isEmpty()) {
                return new InputMessage(role, utterance.text());
            }
            List<Object> parts = new ArrayList<>();
            parts.add(new InputText("input_text", utterance.text()));
            utterance.images().forEach(image -> parts.add(new InputImage("input_image", image.dataUrl(), "auto")));
            return new InputMessage(role, parts);
        }
    }

    record InputText(String type, String text) {}

    /** {@code detail} is required since the 2026 spec; {@code auto} lets OpenAI pick the resolution. */
    record InputImage(
            String type, @JsonProperty("image_url") String imageUrl, String detail) {}

    record FunctionCallOutput(
            String type, @JsonProperty("call_id") String callId, String output) {
        static FunctionCallOutput from(Turn.CallOutput output) {
            return new FunctionCallOutput("function_call_output", output.callId(), output.output());
        }
    }

    /** The flat Responses shape: name, description, strict and parameters side by side. */
    record FunctionTool(String type, String name, String description, boolean strict, ObjectSchema parameters) {
        static FunctionTool from(Turn.Tool.Function function) {
            return new FunctionTool(
                    "function", function.name(), function.description(), true, ObjectSchema.of(function.parameters()));
        }
    }

    /**
     * The strict rules (reference §5.1): every property listed in {@code required}, no others allowed; optional
     * means a {@code null} union.
     */
    record ObjectSchema(
            String type,
            Map<String, PropertySchema> properties,
            List<String> required,
            @JsonProperty("additionalProperties") boolean additionalProperties) {
        static ObjectSchema of(List<Turn.Parameter> parameters) {
            var properties = new LinkedHashMap<String, PropertySchema>();
            parameters.forEach(p -> properties.put(
                    p.name(),
                    new PropertySchema(p.nullable() ? List.of("string", "null") : "string", p.description())));
            return new ObjectSchema("object", properties, List.copyOf(properties.keySet()), false);
        }
    }

    /** {@code type} is {@code "string"} or {@code ["string", "null"]}. */
    record PropertySchema(Object type, String description) {}

    record FileSearchTool(
            String type,
            @JsonProperty("vector_store_ids") List<String> vectorStoreIds,
            @JsonProperty("max_num_results") int maxNumResults) {}

    record Reasoning(String effort) {}

    record PromptReference(String id, String version, Map<String, String> variables) {
        static PromptReference from(Turn.StoredPrompt prompt) {
            return new PromptReference(prompt.id(), prompt.version(), new TreeMap<>(prompt.variables()));
        }
    }
}
