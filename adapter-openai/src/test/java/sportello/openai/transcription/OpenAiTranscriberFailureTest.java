package sportello.openai.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Attachment;
import sportello.ports.out.Transcriber.Transcription;

/** Every failure is an {@link Transcription.Unavailable} whose reason says what to do; nothing is retried or thrown. */
class OpenAiTranscriberFailureTest {

    private static final Attachment VOICE_NOTE = new Attachment("wamid-voice-1", "audio/ogg; codecs=opus", null);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final TranscriptionSetup setup = new TranscriptionSetup(server);

    @Test
    void rejectedKey_isUnavailable_sayingToSetAValidKey() {
        server.enqueue(TranscriptionSetup.error(401, "error-401.json"));

        String reason = reasonOf(setup.transcriber().transcribe(VOICE_NOTE, audio()));

        assertThat(reason).contains("API key").contains("OPENAI_API_KEY").doesNotContain("sk-proj");
    }

    @Test
    void quotaExhausted_isUnavailable_sayingToAddCredit_andIsNotRetried() {
        server.enqueue(TranscriptionSetup.error(429, "error-429-insufficient-quota.json"));
        server.enqueue(TranscriptionSetup.heard("transcription-tokens.json"));

        String reason = reasonOf(setup.transcriber().transcribe(VOICE_NOTE, audio()));

        assertThat(reason).contains("quota").contains("add credit").contains("insufficient_quota");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void rateLimited_isUnavailable_asBusy() {
        server.enqueue(TranscriptionSetup.error(429, "error-429-rate-limit.json"));

        assertThat(reasonOf(setup.transcriber().transcribe(VOICE_NOTE, audio())))
                .contains("busy")
                .contains("rate_limit_exceeded");
    }

    @Test
    void serverError_isUnavailable_asAPassingOutage_withTheRequestId() {
        server.enqueue(TranscriptionSetup.error(500, "error-500.json"));

        String reason = reasonOf(setup.transcriber().transcribe(VOICE_NOTE, audio()));

        assertThat(reason).contains("HTTP 500").contains("outage").contains(TranscriptionSetup.REQUEST_ID);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unknownModel_isUnavailable_namingTheModelSetting() {
        server.enqueue(TranscriptionSetup.answer(404, """
                {"error": {"message": "The model `gpt-9-transcribe` does not exist or you do not have access to it.",
                  "type": "invalid_request_error", "param": null, "code": "model_not_found"}}
                """));

        String reason = reasonOf(setup.transcriber(setup.settings().withTranscriptionModel("gpt-9-transcribe"))
                .transcribe(VOICE_NOTE, audio()));

        assertThat(reason).contains("'gpt-9-transcribe'").contains("OPENAI_TRANSCRIPTION_MODEL");
    }

    @Test
    void readTimeout_isUnavailable_neverAnException() {
        server.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        var impatient = setup.settings().withTimeouts(null, Duration.ofMillis(200), null);

        assertThat(reasonOf(setup.transcriber(impatient).transcribe(VOICE_NOTE, audio())))
                .contains("unreachable");
    }

    @Test
    void proxyPageInsteadOfJson_isUnavailable() {
        server.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "text/html")
                .body("<html><body>Welcome to the hotel Wi-Fi</body></html>")
                .build());

        assertThat(reasonOf(setup.transcriber().transcribe(VOICE_NOTE, audio())))
                .isNotBlank();
    }

    @Test
    void answerWithoutText_isUnavailable() {
        server.enqueue(TranscriptionSetup.answer(200, "{\"usage\": {\"type\": \"duration\", \"seconds\": 3}}"));

        assertThat(reasonOf(setup.transcriber().transcribe(VOICE_NOTE, audio())))
                .contains("no text");
    }

    @Test
    void audioTypeOpenAiCannotRead_isUnavailable_withoutACall() {
        var amr = new Attachment("wamid-amr", "audio/amr", null);

        String reason = reasonOf(setup.transcriber().transcribe(amr, audio()));

        assertThat(reason).contains("audio/amr").contains("ogg");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void storedFileFailingHalfway_isUnavailable_blamingTheFile() {
        server.enqueue(TranscriptionSetup.heard("transcription-tokens.json"));
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("disk read error");
            }
        };

        String reason = reasonOf(setup.transcriber().transcribe(VOICE_NOTE, broken));

        assertThat(reason).contains("stored voice note could not be read").contains("disk read error");
    }

    private static InputStream audio() {
        return new ByteArrayInputStream(new byte[] {'O', 'g', 'g', 'S', 0, 2});
    }

    private static String reasonOf(Transcription result) {
        assertThat(result).isInstanceOf(Transcription.Unavailable.class);
        return ((Transcription.Unavailable) result).reason();
    }
}
