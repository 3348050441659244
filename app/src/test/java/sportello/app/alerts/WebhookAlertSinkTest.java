package sportello.app.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import sportello.ports.out.Alert;

class WebhookAlertSinkTest {

    @StartStop
    private final MockWebServer receiver = new MockWebServer();

    private final ObjectMapper json = new ObjectMapper();

    private WebhookAlertSink sink() {
        return new WebhookAlertSink(receiver.url("/hooks/abc").toString(), new OkHttpClient(), json, "Bellini");
    }

    @Test
    void alert_isPostedAsJsonThatSlackTeamsAndNtfyUnderstand() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(200).build());

        sink().deliver(new Alert(
                "openai.quota", "OpenAI quota exhausted", "Add credit at platform.openai.com", false, Instant.EPOCH));

        var request = receiver.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/hooks/abc");
        var body = json.readTree(request.getBody().utf8());
        assertThat(body.path("text").asText())
                .contains("Sportello (Bellini)")
                .contains("OpenAI quota exhausted")
                .contains("Add credit");
        assertThat(body.path("title").asText()).contains("OpenAI quota exhausted");
        assertThat(body.path("message").asText()).isEqualTo("Add credit at platform.openai.com");
        assertThat(body.path("resolved").asBoolean()).isFalse();
        assertThat(body.path("key").asText()).isEqualTo("openai.quota");
    }

    @Test
    void resolvedAlert_saysSo() throws Exception {
        receiver.enqueue(new MockResponse.Builder().code(200).build());

        sink().deliver(new Alert("db", "Resolved: database not writable", "", true, Instant.EPOCH));

        var body = json.readTree(receiver.takeRequest().getBody().utf8());
        assertThat(body.path("resolved").asBoolean()).isTrue();
        assertThat(body.path("text").asText()).startsWith("✅");
    }

    @Test
    void receiverDownOrFailing_neverThrows() {
        receiver.enqueue(new MockResponse.Builder().code(500).build());

        assertThatCode(() -> sink().deliver(new Alert("k", "t", "", false, Instant.EPOCH)))
                .doesNotThrowAnyException();
        receiver.close();
        assertThatCode(() -> sink().deliver(new Alert("k", "t", "", false, Instant.EPOCH)))
                .doesNotThrowAnyException();
    }
}
