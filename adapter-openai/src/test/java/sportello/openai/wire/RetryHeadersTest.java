package sportello.openai.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class RetryHeadersTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-25T16:05:00Z");

    @Test
    void retryAfterMs_winsOverRetryAfter() {
        var hint = RetryHeaders.of(response("retry-after-ms", "295", "Retry-After", "1"));

        assertThat(hint.afterValue()).contains(Duration.ofMillis(295));
    }

    @Test
    void retryAfter_asHttpDate_isTheTimeLeft() {
        var hint = RetryHeaders.of(response("Retry-After", "Wed, 25 Nov 2026 16:05:30 GMT"));

        assertThat(hint.afterValue()).contains(Duration.ofSeconds(30));
    }

    @Test
    void unreadableHeaders_countAsAbsent() {
        var hint = RetryHeaders.of(response("Retry-After", "soon", "x-should-retry", "maybe"));

        assertThat(hint).isEqualTo(RetryHint.NONE);
    }

    @Test
    void shouldRetry_isRead() {
        assertThat(RetryHeaders.of(response("x-should-retry", "false")).shouldRetryValue())
                .contains(false);
        assertThat(RetryHeaders.of(response("x-should-retry", "true")).shouldRetryValue())
                .contains(true);
    }

    private static Response response(String... headers) {
        var builder = new Response.Builder()
                .request(new Request.Builder()
                        .url("http://localhost/v1/responses")
                        .build())
                .protocol(Protocol.HTTP_1_1)
                .code(429)
                .message("Too Many Requests")
                .sentRequestAtMillis(RECEIVED.toEpochMilli())
                .receivedResponseAtMillis(RECEIVED.toEpochMilli());
        for (int i = 0; i < headers.length; i += 2) {
            builder.addHeader(headers[i], headers[i + 1]);
        }
        return builder.build();
    }
}
