package sportello.whatsapp.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import sportello.whatsapp.Fixtures;

/**
 * Answers of Graph and of Meta's file host for MockWebServer. The metadata is {@code media-metadata.response.json}
 * with its {@code lookaside.fbsbx.com} link moved onto the server, keeping path and query.
 */
final class MediaAnswers {

    /** The fixtures' test image: 20 ASCII bytes, hex SHA-256 as in {@code media-metadata.response.json}. */
    static final String IMAGE_TEXT = "SPORTELLO-TEST-IMAGE";

    static final byte[] IMAGE = IMAGE_TEXT.getBytes(StandardCharsets.US_ASCII);

    static final String IMAGE_SHA256 = "dec35436d94dc7991d7440eb7f908154ba28917487b048d2a01ec9800ef3551c";

    static final String IMAGE_ID = "1203948576102938";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MediaAnswers() {}

    static MockResponse metadata(MockWebServer server) {
        return metadata(server, json -> {});
    }

    /** The fixture on the server, then {@code edit}, e.g. to drop {@code file_size} or point the link elsewhere. */
    static MockResponse metadata(MockWebServer server, Consumer<ObjectNode> edit) {
        ObjectNode json = fixture();
        HttpUrl link = HttpUrl.get(json.path("url").asText());
        json.put("url", onServer(server, link).toString());
        edit.accept(json);
        return json(200, json.toString());
    }

    /** The fixture's link path and query on the server. */
    private static HttpUrl onServer(MockWebServer server, HttpUrl link) {
        return link.newBuilder()
                .scheme("http")
                .host(server.getHostName())
                .port(server.getPort())
                .build();
    }

    static String fixtureLink() {
        return fixture().path("url").asText();
    }

    static MockResponse image() {
        return file(IMAGE_TEXT);
    }

    static MockResponse file(String content) {
        return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "image/jpeg")
                .body(content)
                .build();
    }

    static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).build();
    }

    static MockResponse error(int status, String fixture) {
        return json(status, Fixtures.text(fixture));
    }

    private static ObjectNode fixture() {
        try {
            return (ObjectNode) MAPPER.readTree(Fixtures.text("media-metadata.response.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(body)
                .build();
    }
}
