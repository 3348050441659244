package sportello.openai.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * OpenAI's {@code POST {baseUrl}/responses}, one attempt per call, no retries: deciding what a failure means is
 * the caller's job. Knows the JSON shapes; knows nothing about conversations.
 */
public final class ResponsesEndpoint {

    private final HttpUrl url;
    private final OpenAiHttp http;
    private final ObjectMapper json;

    /** {@code client} should already carry the timeouts for this endpoint; {@code mapper} is copied, not changed. */
    public ResponsesEndpoint(String baseUrl, String apiKey, OkHttpClient client, ObjectMapper mapper) {
        this.http = new OpenAiHttp(baseUrl, apiKey, client, mapper);
        this.url = http.url("responses");
        // send only what is set (unsupported fields are a 400); the copy already reads tolerantly
        this.json = http.json().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL);
    }

    public Outcome post(Turn turn) {
        Request request = http.post(url, RequestBody.create(body(turn), OpenAiHttp.JSON));
        return http.send(request, (body, requestId) -> answer(body, requestId, turn.model()), Function.identity());
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
}
