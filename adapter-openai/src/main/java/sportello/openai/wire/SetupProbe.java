package sportello.openai.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;

/**
 * The two calls {@code sportello doctor} makes beyond {@link KnowledgeApi#vectorStore}: {@code GET /models/{id}}
 * (free: is the key accepted, may it use the model) and the smallest billed {@code POST /responses} (the only sure
 * test of credit). One attempt per call, no retries, like the other endpoints of this package.
 */
public final class SetupProbe {

    /** The smallest budget OpenAI accepts (reference §2): the test answer costs a fraction of a cent. */
    public static final int PING_OUTPUT_TOKENS = 16;

    public static final String PING_INPUT = "ping";

    private final OpenAiHttp http;

    /** {@code client} should already carry the timeouts; {@code mapper} is copied, not changed. */
    public SetupProbe(String baseUrl, String apiKey, OkHttpClient client, ObjectMapper mapper) {
        this.http = new OpenAiHttp(baseUrl, apiKey, client, mapper);
    }

    /** A model as {@code GET /models/{id}} describes it. */
    public record ModelInfo(String id, String ownedBy) {}

    /**
     * What a test answer came to; {@code status} is the response's own ({@code completed}, or {@code incomplete}
     * when a reasoning model spent the tiny budget thinking: the call worked and was billed all the same).
     */
    public record PingAnswer(String status, String model) {}

    /** A prompt stored in OpenAI's dashboard; {@code version} null means its current version. */
    public record PromptRef(String id, String version) {
        public PromptRef {
            Objects.requireNonNull(id, "id");
        }
    }

    /** {@code GET /models/{id}}: 404 ({@code model_not_found}) when the model does not exist for this key. */
    public KnowledgeApi.Call<ModelInfo> model(String modelId) {
        return http.call(
                http.get(http.url("models", modelId)),
                node -> new ModelInfo(
                        node.path("id").asText(modelId), node.path("owned_by").asText(null)));
    }

    /**
     * {@code POST /responses} with {@code {"model", "input": "ping", "max_output_tokens": 16, "store": false}}, plus
     * {@code temperature} or {@code reasoning.effort} as given (each null to leave it out: reasoning models reject
     * a temperature) and the stored {@code prompt} if any.
     */
    public KnowledgeApi.Call<PingAnswer> ping(
            String model, Double temperature, String reasoningEffort, PromptRef prompt) {
        ObjectNode body = http.json().createObjectNode();
        body.put("model", model);
        body.put("input", PING_INPUT);
        body.put("max_output_tokens", PING_OUTPUT_TOKENS);
        body.put("store", false);
        if (temperature != null) {
            body.put("temperature", temperature);
        }
        if (reasoningEffort != null) {
            body.putObject("reasoning").put("effort", reasoningEffort);
        }
        if (prompt != null) {
            ObjectNode reference = body.putObject("prompt");
            reference.put("id", prompt.id());
            if (prompt.version() != null) {
                reference.put("version", prompt.version());
            }
        }
        return http.call(
                http.post(http.url("responses"), RequestBody.create(body.toString(), OpenAiHttp.JSON)),
                node -> new PingAnswer(
                        node.path("status").asText(null), node.path("model").asText(model)));
    }
}
