package sportello.whatsapp.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import sportello.ports.out.MediaSource.Fetch;
import sportello.whatsapp.graph.GraphError;
import sportello.whatsapp.graph.RetryAfter;

/**
 * Calls to Meta (Graph and its file hosts) as both steps of a download make them: one client, requests that carry
 * the bearer token and our {@code User-Agent} (Meta asks for one), and a failed answer read into a {@link Fetch}.
 */
final class MetaCalls {

    static final String USER_AGENT = "Sportello (WhatsApp media download)";

    /** Error answers are small; anything bigger is not an answer we can use anyway. */
    private static final long MAX_ANSWER_BYTES = 64 * 1024;

    private final OkHttpClient client;
    private final String accessToken;
    private final ObjectMapper mapper = new ObjectMapper();
    private final InstantSource clock = InstantSource.system();

    MetaCalls(OkHttpClient client, String accessToken) {
        this.client = client;
        this.accessToken = accessToken;
    }

    /** Callers check the host first: this sends the access token to {@code url}. */
    Response get(HttpUrl url) throws IOException {
        Request request = new Request.Builder()
                .url(url)
                .header("Authorization", "Bearer " + accessToken)
                .header("User-Agent", USER_AGENT)
                .get()
                .build();
        return client.newCall(request).execute();
    }

    ObjectMapper mapper() {
        return mapper;
    }

    /** The small body of an answer, or an empty string when it cannot be read. */
    static String smallBody(Response response) {
        try {
            return response.peekBody(MAX_ANSWER_BYTES).string();
        } catch (IOException e) {
            return "";
        }
    }

    Fetch failed(Response response) {
        Optional<GraphError> error = GraphError.parse(mapper, smallBody(response));
        Duration retryAfter = RetryAfter.parse(response.header("Retry-After"), clock.instant());
        return MediaFailures.answer(response.code(), error, retryAfter);
    }
}
