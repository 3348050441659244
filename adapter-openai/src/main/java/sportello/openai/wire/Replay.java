package sportello.openai.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A response's output items exactly as they arrived, to be sent back before the function results (reference
 * §4, §7). Opaque outside this package: only the raw JSON goes back, so a reasoning item's
 * {@code encrypted_content} or a message's {@code phase} survives untouched.
 */
public final class Replay {

    /** Item types the API takes back as input; anything newer is left out rather than risk a 400. */
    private static final Set<String> REPLAYABLE = Set.of("reasoning", "function_call", "message", "file_search_call");

    private final List<JsonNode> items;

    private Replay(List<JsonNode> items) {
        this.items = List.copyOf(items);
    }

    /**
     * Reasoning items first (each must precede the call it led to), then the rest in their order; a repeated
     * {@code call_id} is kept once, so that every call sent back has exactly one output.
     */
    static Replay of(JsonNode output) {
        List<JsonNode> reasoning = new ArrayList<>();
        List<JsonNode> rest = new ArrayList<>();
        Set<String> callIds = new HashSet<>();
        if (output != null) {
            for (JsonNode item : output) {
                String type = item.path("type").asText("");
                if (!REPLAYABLE.contains(type)) {
                    continue;
                }
                if ("reasoning".equals(type)) {
                    reasoning.add(item.deepCopy());
                } else if (!"function_call".equals(type)
                        || callIds.add(item.path("call_id").asText())) {
                    rest.add(item.deepCopy());
                }
            }
        }
        reasoning.addAll(rest);
        return new Replay(reasoning);
    }

    /** The same items without {@code file_search_call}s, for a request that no longer has the tool. */
    Replay withoutFileSearch() {
        return new Replay(items.stream()
                .filter(item -> !"file_search_call".equals(item.path("type").asText("")))
                .toList());
    }

    List<JsonNode> items() {
        return items.stream().<JsonNode>map(JsonNode::deepCopy).toList();
    }
}
