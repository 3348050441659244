package sportello.openai;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import mockwebserver3.MockResponse;

/** The shared OpenAI wire fixtures (copied byte for byte from the reference) and responses built from them. */
final class Fixtures {

    static final String REQUEST_ID = "req_0123456789abcdef0123456789abcdef";

    private Fixtures() {}

    static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/openai/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MockResponse.Builder ok(String fixture) {
        return json(200, read(fixture));
    }

    static MockResponse.Builder status(int code, String fixture) {
        return json(code, read(fixture));
    }

    static MockResponse.Builder json(int code, String body) {
        return new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .addHeader("x-request-id", REQUEST_ID)
                .body(body);
    }
}
