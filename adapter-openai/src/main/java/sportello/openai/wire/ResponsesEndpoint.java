package sportello.openai.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;
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
            return answer(body, requestId);
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

    private Outcome answer(String body, String requestId) {
        ResponseObject response;
        try {
            response = json.readValue(body, ResponseObject.class);
        } catch (JsonProcessingException e) {
            return new Outcome.NoAnswer("unreadable response body: " + e.getOriginalMessage(), requestId);
        }
        if (response == null) {
            return new Outcome.NoAnswer("empty response body", requestId);
        }
        if (!ResponseObject.COMPLETED.equals(response.status())) {
            // never send a truncated reply: text cut at max_output_tokens reads as a broken promise
            return "incomplete".equals(response.status())
                    ? new Outcome.NoAnswer("response incomplete (" + response.incompleteReason() + ")", requestId)
                    : new Outcome.NoAnswer("response status " + response.status() + errorOf(response), requestId);
        }
        if (ReplyText.refused(response)) {
            return new Outcome.NoAnswer("the model refused to answer", requestId);
        }
        String text = ReplyText.of(response);
        return text.isEmpty()
                ? new Outcome.NoAnswer("the response had no text", requestId)
                : new Outcome.Answered(text, requestId);
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
