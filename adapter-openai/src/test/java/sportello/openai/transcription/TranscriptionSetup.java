package sportello.openai.transcription;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import sportello.openai.ModelPrices;
import sportello.openai.OpenAiSettings;

/** A transcriber pointed at a MockWebServer, and the answers it may get (fixtures in fixtures/openai/transcription). */
final class TranscriptionSetup {

    static final String API_KEY = "sk-test-0123456789";
    static final String REQUEST_ID = "req_5e0c2a9b7d1f4e3c8a6b0d2f4e6a8c0b";
    static final Instant NOW = Instant.parse("2026-11-25T15:00:00Z");

    private final MockWebServer server;

    TranscriptionSetup(MockWebServer server) {
        this.server = server;
    }

    OpenAiSettings settings() {
        return OpenAiSettings.of(API_KEY, "b42", "Ceramiche Bellini")
                .withBaseUrl(server.url("/v1").toString());
    }

    OpenAiTranscriber transcriber() {
        return transcriber(settings());
    }

    OpenAiTranscriber transcriber(OpenAiSettings settings) {
        return new OpenAiTranscriber(
                settings, new OkHttpClient(), new ObjectMapper(), ModelPrices.defaults(), InstantSource.fixed(NOW));
    }

    /** A 200 with the fixture {@code transcription/<name>}. */
    static MockResponse heard(String name) {
        return answer(200, read("transcription/" + name));
    }

    /** An error status with a shared error fixture such as {@code error-401.json}. */
    static MockResponse error(int status, String name) {
        return answer(status, read(name));
    }

    static MockResponse answer(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", REQUEST_ID)
                .body(body)
                .build();
    }

    private static String read(String name) {
        try (InputStream in = TranscriptionSetup.class.getResourceAsStream("/fixtures/openai/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
