package sportello.openai.transcription;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.MediaType;
import okhttp3.MultipartReader;
import okio.Buffer;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import sportello.domain.conversation.Attachment;
import sportello.ports.out.Transcriber.Transcription;
import sportello.ports.out.Usage;

/**
 * What goes over the wire to {@code /audio/transcriptions} and what comes back of it. The answers are the fixtures in
 * fixtures/openai/transcription, whose README says where their shape comes from (no captured traffic exists).
 */
class OpenAiTranscriberRequestTest {

    /** The start of an Ogg page, then bytes a text round trip would mangle: NUL, CR LF, and high bytes. */
    private static final byte[] OPUS = {
        'O', 'g', 'g', 'S', 0, 2, 0, 0, '\r', '\n', (byte) 0xff, (byte) 0xfe, (byte) 0x80, '-', '-', 'x', 0
    };

    private static final Attachment VOICE_NOTE = new Attachment("wamid-voice-1", "audio/ogg; codecs=opus", null);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private final TranscriptionSetup setup = new TranscriptionSetup(server);

    /** One part of the recorded multipart body. */
    record Part(String contentDisposition, String contentType, ByteString content) {}

    @Test
    void voiceNote_isPostedToAudioTranscriptions_withTheBearerKey() throws Exception {
        server.enqueue(TranscriptionSetup.heard("transcription-tokens.json"));

        setup.transcriber().transcribe(VOICE_NOTE, new ByteArrayInputStream(OPUS));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/v1/audio/transcriptions");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TranscriptionSetup.API_KEY);
        assertThat(request.getHeaders().get("Content-Type")).startsWith("multipart/form-data; boundary=");
        // streamed as read: the length is not known before the stream ends
        assertThat(request.getHeaders().get("Transfer-Encoding")).isEqualTo("chunked");
    }

    @Test
    void baseUrl_isConfiguration_withItsPathKept() throws Exception {
        server.enqueue(TranscriptionSetup.heard("transcription-tokens.json"));
        var behindAProxy =
                setup.settings().withBaseUrl(server.url("/gateway/openai/v1/").toString());

        setup.transcriber(behindAProxy).transcribe(VOICE_NOTE, new ByteArrayInputStream(OPUS));

        assertThat(server.takeRequest().getTarget()).isEqualTo("/gateway/openai/v1/audio/transcriptions");
    }

    @Test
    void multipart_carriesTheDefaultModelJsonFormat_andTheExactAudioBytesAsVoiceOgg() throws Exception {
        server.enqueue(TranscriptionSetup.heard("transcription-tokens.json"));

        setup.transcriber().transcribe(VOICE_NOTE, new ByteArrayInputStream(OPUS));

        Map<String, Part> parts = parts(server.takeRequest());
        assertThat(parts.keySet()).containsExactlyInAnyOrder("model", "response_format", "file");
        assertThat(parts.get("model").content().utf8()).isEqualTo("gpt-4o-mini-transcribe");
        assertThat(parts.get("response_format").content().utf8()).isEqualTo("json");
        Part file = parts.get("file");
        assertThat(file.contentDisposition()).isEqualTo("form-data; name=\"file\"; filename=\"voice.ogg\"");
        assertThat(file.contentType()).isEqualTo("audio/ogg");
        assertThat(file.content()).isEqualTo(ByteString.of(OPUS));
    }

    @Test
    void configuredModel_isSent() throws Exception {
        server.enqueue(TranscriptionSetup.heard("transcription-duration.json"));

        setup.transcriber(setup.settings().withTranscriptionModel("whisper-1"))
                .transcribe(VOICE_NOTE, new ByteArrayInputStream(OPUS));

        assertThat(parts(server.takeRequest()).get("model").content().utf8()).isEqualTo("whisper-1");
    }

    @Test
    void attachmentFileName_isKept_whenOpenAiReadsItsExtension() throws Exception {
        server.enqueue(TranscriptionSetup.heard("transcription-tokens.json"));
        var memo = new Attachment("wamid-memo", "audio/mp4", "Memo negozio.m4a");

        setup.transcriber().transcribe(memo, new ByteArrayInputStream(OPUS));

        Part file = parts(server.takeRequest()).get("file");
        assertThat(file.contentDisposition()).endsWith("filename=\"Memo negozio.m4a\"");
        assertThat(file.contentType()).isEqualTo("audio/mp4");
    }

    @Test
    void attachmentFileNameOpenAiCannotRead_isReplacedByOneFromTheType() throws Exception {
        server.enqueue(TranscriptionSetup.heard("transcription-tokens.json"));
        var opus = new Attachment("wamid-opus", "audio/ogg", "nota.opus");

        setup.transcriber().transcribe(opus, new ByteArrayInputStream(OPUS));

        assertThat(parts(server.takeRequest()).get("file").contentDisposition()).endsWith("filename=\"voice.ogg\"");
    }

    @Test
    void heardSpeech_isTheText_withTokenUsagePricedForTheModel() {
        server.enqueue(TranscriptionSetup.heard("transcription-tokens.json"));

        var result = setup.transcriber().transcribe(VOICE_NOTE, new ByteArrayInputStream(OPUS));

        assertThat(result).isInstanceOf(Transcription.Text.class);
        var text = (Transcription.Text) result;
        assertThat(text.text()).isEqualTo("Buongiorno, il mio ordine è il 58213.");
        // 52 audio tokens at $1.25 and 14 output tokens at $5.00 per million
        assertThat(text.usage())
                .containsExactly(new Usage(
                        "gpt-4o-mini-transcribe", 52, 0, 14, new BigDecimal("0.000135"), TranscriptionSetup.NOW));
    }

    @Test
    void whisperDurationUsage_hasNoTokens_andCostsZero() {
        server.enqueue(TranscriptionSetup.heard("transcription-duration.json"));

        var result = setup.transcriber(setup.settings().withTranscriptionModel("whisper-1"))
                .transcribe(VOICE_NOTE, new ByteArrayInputStream(OPUS));

        // whisper-1 is billed per minute, which the per-token price table cannot express
        assertThat(((Transcription.Text) result).usage())
                .containsExactly(new Usage("whisper-1", 0, 0, 0, new BigDecimal("0.000000"), TranscriptionSetup.NOW));
    }

    @Test
    void silence_isAnEmptyText_stillMetered() {
        server.enqueue(TranscriptionSetup.heard("transcription-silence.json"));

        var result = setup.transcriber().transcribe(VOICE_NOTE, new ByteArrayInputStream(OPUS));

        assertThat(result).isInstanceOf(Transcription.Text.class);
        assertThat(((Transcription.Text) result).text()).isEmpty();
        assertThat(((Transcription.Text) result).usage().getFirst().inputTokens())
                .isEqualTo(9);
    }

    private static Map<String, Part> parts(RecordedRequest request) throws IOException {
        MediaType type = MediaType.get(request.getHeaders().get("Content-Type"));
        var body = new Buffer().write(request.getBody());
        Map<String, Part> parts = new LinkedHashMap<>();
        try (var reader = new MultipartReader(body, type.parameter("boundary"))) {
            for (var part = reader.nextPart(); part != null; part = reader.nextPart()) {
                String disposition = part.headers().get("Content-Disposition");
                String name = disposition.replaceAll("^form-data; name=\"([^\"]+)\".*", "$1");
                parts.put(
                        name,
                        new Part(
                                disposition,
                                part.headers().get("Content-Type"),
                                part.body().readByteString()));
            }
        }
        return parts;
    }
}
