package sportello.openai.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The two calls {@code sportello doctor} makes beyond {@link KnowledgeApi#vectorStore}: {@code GET /models/{id}}
 * (free: is the key accepted, may it use the model) and the smallest billed {@code POST /responses} (the only sure
 * test of credit). One attempt per call, no retries, like the other endpoints of this package.
 */
public final class SetupProbe {

    /** The smallest budget OpenAI accepts (reference §2): the test answer costs a fraction of a cent. */
    public static final int PING_OUTPUT_TOKENS = 16;

    public static final String PING_INPUT = "ping";

    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final String authorization;
    private final OkHttpClient client;
    private final ObjectMapper json;

    /** {@code client} should already carry the timeouts; {@code mapper} is copied, not changed. */
    public SetupProbe(String baseUrl, String apiKey, OkHttpClient client, ObjectMapper mapper) {
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        this.base = parsed;
        this.authorization = "Bearer " + Objects.requireNonNull(apiKey, "apiKey");
        this.client = Objects.requireNonNull(client, "client");
        this.json = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
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
        HttpUrl url = base.newBuilder()
                .addPathSegment("models")
                .addPathSegment(modelId)
                .build();
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .get()
                .build();
        return send(
                request,
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
        ObjectNode body = json.createObjectNode();
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
        Request request = new Request.Builder()
                .url(base.newBuilder().addPathSegment("responses").build())
                .header("Authorization", authorization)
                .post(RequestBody.create(body.toString(), JSON))
                .build();
        return send(
                request,
                node -> new PingAnswer(
                        node.path("status").asText(null), node.path("model").asText(model)));
    }

    private <T> KnowledgeApi.Call<T> send(Request request, Function<JsonNode, T> reader) {
        try (Response response = client.newCall(request).execute()) {
            String requestId = response.header("x-request-id");
            String body = response.body().string();
            if (!response.isSuccessful()) {
                return new KnowledgeApi.Call.Failed<>(
                        new Outcome.Rejected(response.code(), apiError(body), RetryHeaders.of(response), requestId));
            }
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new IOException("the response body is not a JSON object");
            }
            return new KnowledgeApi.Call.Done<>(reader.apply(node), requestId);
        } catch (JsonProcessingException e) {
            // a proxy's page in place of OpenAI's JSON: the server reached is not the API
            return new KnowledgeApi.Call.Failed<>(
                    new Outcome.Unreachable(new IOException("unreadable response body", e)));
        } catch (IOException e) {
            return new KnowledgeApi.Call.Failed<>(new Outcome.Unreachable(e));
        }
    }

    private ApiError apiError(String body) {
        try {
            ErrorEnvelope envelope = json.readValue(body, ErrorEnvelope.class);
            return envelope == null ? ApiError.NONE : envelope.toApiError();
        } catch (JsonProcessingException e) {
            return ApiError.NONE; // a proxy's HTML page: the status code alone must do
        }
    }
}
