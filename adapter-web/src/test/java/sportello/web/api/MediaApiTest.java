package sportello.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Attachment;
import sportello.domain.conversation.MessageKind;
import sportello.ports.fake.TestMessages;
import sportello.web.Desk;
import sportello.web.TestFiles;
import sportello.web.access.WebAccess;

/** The files customers sent, for staff: as stored, never as part of Sportello's pages, and only for staff. */
class MediaApiTest {

    private static final String PHOTO = "1203948576102938";

    private Desk desk = Desk.open();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        desk.close();
    }

    private HttpResponse<byte[]> fetch(String path, String... headers) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(desk.base + path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse("");
    }

    private JsonNode json(HttpResponse<byte[]> response) throws IOException {
        return desk.json.readTree(response.body());
    }

    private void giuliaSends(MessageKind kind, String caption, Attachment file, byte[] bytes) {
        if (bytes != null) {
            desk.files.publish(file.mediaId(), file.mimeType(), bytes);
        }
        desk.customerSends(TestMessages.giulia(), kind, caption, file);
    }

    @Test
    void storedPhoto_isServedAsStored_shownInPlace_andSandboxed() throws Exception {
        giuliaSends(MessageKind.IMAGE, "Ecco lo scontrino", new Attachment(PHOTO, "image/png", null), TestFiles.PNG);

        var response = fetch("/api/media/" + PHOTO);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(TestFiles.PNG);
        assertThat(header(response, "Content-Type")).isEqualTo("image/png");
        assertThat(header(response, "Content-Length")).isEqualTo(String.valueOf(TestFiles.PNG.length));
        assertThat(header(response, "Content-Encoding")).isEmpty();
        assertThat(header(response, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(response, "Content-Security-Policy"))
                .startsWith("sandbox;")
                .contains("default-src 'none'");
        assertThat(header(response, "Content-Disposition")).startsWith("inline; filename=\"" + PHOTO + ".png\"");
        assertThat(header(response, "Cache-Control")).isEqualTo("private, max-age=3600");
    }

    @Test
    void voiceNote_isPlayedInPlace() throws Exception {
        giuliaSends(MessageKind.AUDIO, "", new Attachment("voice-1", "audio/ogg; codecs=opus", null), TestFiles.WAV);

        var response = fetch("/api/media/voice-1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(header(response, "Content-Type")).isEqualTo("audio/ogg; codecs=opus");
        assertThat(header(response, "Content-Disposition")).startsWith("inline; filename=\"voice-1.ogg\"");
    }

    @Test
    void htmlOrSvg_isOnlyEverADownload_underASafeName() throws Exception {
        byte[] page = "<script>alert(document.cookie)</script>".getBytes(StandardCharsets.UTF_8);
        String name = "../../ fattura\"<1>.html";
        giuliaSends(MessageKind.DOCUMENT, "", new Attachment("doc-1", "text/html", name), page);
        giuliaSends(MessageKind.DOCUMENT, "", new Attachment("svg-1", "image/svg+xml", "logo.svg"), page);

        var html = fetch("/api/media/doc-1?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        var svg = fetch("/api/media/svg-1");

        assertThat(html.statusCode()).isEqualTo(200);
        assertThat(html.body()).isEqualTo(page);
        assertThat(header(html, "Content-Disposition"))
                .isEqualTo("attachment; filename=\"fattura__1_.html\"; filename*=UTF-8''fattura__1_.html");
        assertThat(header(html, "Content-Security-Policy")).startsWith("sandbox;");
        assertThat(header(html, "X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header(svg, "Content-Type")).isEqualTo("image/svg+xml");
        assertThat(header(svg, "Content-Disposition")).startsWith("attachment; filename=\"svg-1.bin\"");
    }

    @Test
    void nonAsciiNames_keepTheirLettersInFilenameStar() throws Exception {
        giuliaSends(MessageKind.DOCUMENT, "", new Attachment("doc-2", "application/pdf", null), TestFiles.PDF);

        var response =
                fetch("/api/media/doc-2?name=" + URLEncoder.encode("Ricevuta perché.pdf", StandardCharsets.UTF_8));

        assertThat(header(response, "Content-Type")).isEqualTo("application/pdf");
        assertThat(header(response, "Content-Disposition"))
                .isEqualTo("attachment; filename=\"Ricevuta perch_.pdf\"; filename*=UTF-8''Ricevuta%20perch%C3%A9.pdf");
    }

    @Test
    void unknownId_andAFileMissingOnDisk_are404Json() throws Exception {
        giuliaSends(MessageKind.IMAGE, "", new Attachment(PHOTO, "image/png", null), TestFiles.PNG);
        desk.media.vanish(PHOTO);

        var unknown = fetch("/api/media/never-stored");
        var vanished = fetch("/api/media/" + PHOTO);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(header(unknown, "Content-Type")).startsWith("application/json");
        assertThat(json(unknown).path("error").asText()).isEqualTo("not_found");
        assertThat(json(unknown).path("message").asText()).contains("never-stored");
        assertThat(vanished.statusCode()).isEqualTo(404);
        assertThat(json(vanished).path("error").asText()).isEqualTo("not_found");
        assertThat(header(vanished, "Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void withoutLogin_aClientBeyondTheLocalNetwork_isRefused() throws Exception {
        giuliaSends(MessageKind.IMAGE, "", new Attachment(PHOTO, "image/png", null), TestFiles.PNG);

        var forwarded = fetch("/api/media/" + PHOTO, "X-Forwarded-For", "203.0.113.7");

        assertThat(forwarded.statusCode()).isEqualTo(403);
        assertThat(json(forwarded).path("error").asText()).isEqualTo("forbidden");
        assertThat(new String(forwarded.body(), StandardCharsets.ISO_8859_1)).doesNotContain("PNG");
    }

    @Test
    void withLogin_theFileNeedsASessionOrTheApiToken() throws Exception {
        desk.close();
        desk = Desk.open(WebAccess.password("giulia", "correct horse battery staple")
                .withApiToken("s3cret-token-for-integrations"));
        giuliaSends(MessageKind.IMAGE, "", new Attachment(PHOTO, "image/png", null), TestFiles.PNG);

        var anonymous = fetch("/api/media/" + PHOTO);
        var withToken = fetch("/api/media/" + PHOTO, "Authorization", "Bearer s3cret-token-for-integrations");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(withToken.statusCode()).isEqualTo(200);
        assertThat(withToken.body()).isEqualTo(TestFiles.PNG);
    }

    @Test
    void conversationDetail_describesEachFile_storedOrNot() throws Exception {
        giuliaSends(MessageKind.IMAGE, "Ecco lo scontrino", new Attachment(PHOTO, "image/png", null), TestFiles.PNG);
        giuliaSends(MessageKind.AUDIO, "", new Attachment("expired-1", "audio/ogg", "nota.ogg"), null);
        var id = desk.onlyConversation();

        JsonNode detail = json(fetch("/api/conversations/" + id.value()));

        List<JsonNode> messages = StreamSupport.stream(detail.path("messages").spliterator(), false)
                .toList();
        var withMedia = messages.stream().filter(m -> m.has("media")).toList();
        assertThat(withMedia).hasSize(2);
        JsonNode photo = withMedia.get(0);
        assertThat(photo.path("kind").asText()).isEqualTo("image");
        assertThat(photo.path("text").asText()).isEqualTo("Ecco lo scontrino");
        assertThat(photo.at("/media/id").asText()).isEqualTo(PHOTO);
        assertThat(photo.at("/media/mimeType").asText()).isEqualTo("image/png");
        assertThat(photo.at("/media/fileName").isNull()).isTrue();
        assertThat(photo.at("/media/url").asText()).isEqualTo("/api/media/" + PHOTO);
        assertThat(photo.at("/media/stored").asBoolean()).isTrue();
        assertThat(photo.at("/media/size").asLong()).isEqualTo(TestFiles.PNG.length);
        assertThat(photo.at("/media/sha256").asText()).isEqualTo(sha256(TestFiles.PNG));
        JsonNode voice = withMedia.get(1);
        assertThat(voice.at("/media/fileName").asText()).isEqualTo("nota.ogg");
        assertThat(voice.at("/media/url").asText()).isEqualTo("/api/media/expired-1");
        assertThat(voice.at("/media/stored").asBoolean()).isFalse();
        assertThat(voice.at("/media/size").isNull()).isTrue();
        assertThat(voice.at("/media/sha256").isNull()).isTrue();
        assertThat(messages.stream().filter(m -> m.path("author").asText().equals("bot")))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.has("media")).isFalse());
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
