package sportello.openai.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * OpenAI's {@code POST {baseUrl}/responses}, one attempt per call, no retries: deciding what a failure means is
 * the caller's job. Knows the JSON shapes; knows nothing about conversations.
 */
public final class ResponsesEndpoint {

    private static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl url;
    private final String authorization;
    private final OkHttpClient client;
    private final ObjectMapper json;

    /** {@code client} should already carry the timeouts for this endpoint; {@code mapper} is copied, not changed. */
    public ResponsesEndpoint(String baseUrl, String apiKey, OkHttpClient client, ObjectMapper mapper) {
        HttpUrl base = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (base == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        this.url = base.newBuilder().addPathSegment("responses").build();
        this.authorization = "Bearer " + Objects.requireNonNull(apiKey, "apiKey");
        this.client = Objects.requireNonNull(client, "client");
        // send only what is set (unsupported fields are a 400); read tolerantly (responses gain fields monthly)
        this.json = mapper.copy()
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public Outcome post(Turn turn) {
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .post(RequestBody.create(body(turn), JSON))
                .build();
        try (Response response = client.newCall(request).execute()) {
            String requestId = response.header("x-request-id");
            String body = response.body().string();
            if (!response.isSuccessful()) {
                return new Outcome.Rejected(response.code(), apiError(body), RetryHeaders.of(response), requestId);
            }
            return answer(body, requestId, turn.model());
        } catch (IOException e) {
            return new Outcome.Unreachable(e);
        }
    }

    private String body(Turn turn) {
        try {
            return json.writeValueAsString(CreateResponse.from(turn));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the request body", e);
        }
    }

    private Outcome answer(String body, String requestId, String askedModel) {
        JsonNode tree;
        ResponseObject response;
        try {
            tree = json.readTree(body);
            response = tree == null || !tree.isObject() ? null : json.treeToValue(tree, ResponseObject.class);
        } catch (JsonProcessingException e) {
            return new Outcome.NoAnswer("unreadable response body: " + e.getOriginalMessage(), null, requestId);
        }
        if (response == null) {
            return new Outcome.NoAnswer("empty response body", null, requestId);
        }
        Consumption consumption = consumption(response, askedModel);
        Optional<String> searchFailure = response.searchFailure();
        if (searchFailure.isPresent()) {
            // checked before anything else: calls or text from a response that lost its documents are not trusted
            return new Outcome.SearchFailed(searchFailure.get(), consumption, requestId);
        }
        if (!ResponseObject.COMPLETED.equals(response.status())) {
            // never send a truncated reply: text cut at max_output_tokens reads as a broken promise
            return "incomplete".equals(response.status())
                    ? new Outcome.NoAnswer(
                            "response incomplete (" + response.incompleteReason() + ")", consumption, requestId)
                    : new Outcome.NoAnswer(
                            "response status " + response.status() + errorOf(response), consumption, requestId);
        }
        List<FunctionCall> calls = calls(response);
        if (!calls.isEmpty()) {
            return new Outcome.CallsFunctions(calls, Replay.of(tree.get("output")), consumption, requestId);
        }
        if (ReplyText.refused(response)) {
            return new Outcome.NoAnswer("the model refused to answer", consumption, requestId);
        }
        String text = ReplyText.of(response);
        return text.isEmpty()
                ? new Outcome.NoAnswer("the response had no text", consumption, requestId)
                : new Outcome.Answered(text, consumption, requestId);
    }

    /** Every call, once per {@code call_id}: the model or a retry may repeat one. */
    private static List<FunctionCall> calls(ResponseObject response) {
        Map<String, FunctionCall> calls = new LinkedHashMap<>();
        for (ResponseObject.OutputItem item : response.outputItems()) {
            if (item.isFunctionCall()) {
                calls.putIfAbsent(item.callId(), new FunctionCall(item.callId(), item.name(), item.arguments()));
            }
        }
        return List.copyOf(calls.values());
    }

    private static Consumption consumption(ResponseObject response, String askedModel) {
        String model = response.model() == null || response.model().isBlank() ? askedModel : response.model();
        int searches = (int) response.outputItems().stream()
                .filter(item -> ResponseObject.OutputItem.FILE_SEARCH_CALL.equals(item.type()))
                .count();
        ResponseObject.TokenUsage usage = response.usage();
        return usage == null
                ? new Consumption(model, 0, 0, 0, searches)
                : new Consumption(model, usage.inputTokens(), usage.cachedTokens(), usage.outputTokens(), searches);
    }

    private static String errorOf(ResponseObject response) {
        return response.error() == null ? "" : " (" + response.error().code() + ")";
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
