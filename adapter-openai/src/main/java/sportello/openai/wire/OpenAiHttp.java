package sportello.openai.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * What every endpoint of this package does the same way: the base URL, the bearer key, one attempt per request with
 * the body read in full, the {@code x-request-id}, and a non-2xx read as an {@link Outcome.Rejected} (with OpenAI's
 * error envelope when there is one) and a failed connection as an {@link Outcome.Unreachable}.
 */
final class OpenAiHttp {

    static final MediaType JSON = MediaType.get("application/json");

    private final HttpUrl base;
    private final String authorization;
    private final OkHttpClient client;
    private final ObjectMapper json;

    /** {@code mapper} is copied, not changed; the copy reads tolerantly (responses gain fields monthly). */
    OpenAiHttp(String baseUrl, String apiKey, OkHttpClient client, ObjectMapper mapper) {
        HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl"));
        if (parsed == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
        }
        this.base = parsed;
        this.authorization = "Bearer " + Objects.requireNonNull(apiKey, "apiKey");
        this.client = Objects.requireNonNull(client, "client");
        this.json = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** Reads a 2xx body; an {@link IOException} makes the call {@link Outcome.Unreachable}. */
    @FunctionalInterface
    interface BodyReader<R> {
        R read(String body, String requestId) throws IOException;
    }

    /** The copy of the mapper this connection reads with, for the endpoint's own reading and writing. */
    ObjectMapper json() {
        return json;
    }

    /** {@code {baseUrl}/segment/segment...}, each segment encoded. */
    HttpUrl url(String... segments) {
        HttpUrl.Builder url = base.newBuilder();
        for (String segment : segments) {
            url.addPathSegment(segment);
        }
        return url.build();
    }

    Request get(HttpUrl url) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .get()
                .build();
    }

    Request post(HttpUrl url, RequestBody body) {
        return new Request.Builder()
                .url(url)
                .header("Authorization", authorization)
                .post(body)
                .build();
    }

    /** {@code body} as JSON. */
    RequestBody jsonBody(Object body) {
        try {
            return RequestBody.create(json.writeValueAsString(body), JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a request body", e);
        }
    }

    /**
     * One attempt: a 2xx body goes to {@code whenOk}; a non-2xx ({@link Outcome.Rejected}) or no answer ({@link
     * Outcome.Unreachable}) goes to {@code whenFailed}.
     */
    <R> R send(Request request, BodyReader<R> whenOk, Function<Outcome, R> whenFailed) {
        try (Response response = client.newCall(request).execute()) {
            String requestId = response.header("x-request-id");
            String body = response.body().string();
            if (!response.isSuccessful()) {
                return whenFailed.apply(
                        new Outcome.Rejected(response.code(), apiError(body), RetryHeaders.of(response), requestId));
            }
            return whenOk.read(body, requestId);
        } catch (JsonProcessingException e) {
            // a proxy's page in place of OpenAI's JSON: the server reached is not the API, as good as no answer
            return whenFailed.apply(new Outcome.Unreachable(new IOException("unreadable response body", e)));
        } catch (IOException e) {
            return whenFailed.apply(new Outcome.Unreachable(e));
        }
    }

    /** One attempt whose 2xx body must be a JSON object, read by {@code reader}. */
    <T> KnowledgeApi.Call<T> call(Request request, Function<JsonNode, T> reader) {
        return send(
                request,
                (body, requestId) -> {
                    JsonNode node = json.readTree(body);
                    if (node == null || !node.isObject()) {
                        throw new IOException("the response body is not a JSON object");
                    }
                    return new KnowledgeApi.Call.Done<>(reader.apply(node), requestId);
                },
                KnowledgeApi.Call.Failed::new);
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
